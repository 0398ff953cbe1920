import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** The reason a request failed, in the user's language, with the server's own words beneath. */
export function errorText(t: (k: string, o?: Record<string, unknown>) => string, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    // A refusal that lifts by itself says when, in whole minutes.
    const text = t(key, { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) });
    return text === key ? t('errors.unknown', { code: error.code }) : text;
  }
  return t('errors.unknown', { code: String((error as Error)?.message ?? error) });
}

export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const details =
    error instanceof ApiError
      ? [
          ...error.details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)),
          t('errors.serverSaid', { message: error.message }),
        ]
      : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="error-alert"
      data-code={error instanceof ApiError ? error.code : undefined}
      title={errorText(t, error)}
      description={details.length ? details.map((d, i) => <div key={i}>{d}</div>) : undefined}
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
    />
  );
}
