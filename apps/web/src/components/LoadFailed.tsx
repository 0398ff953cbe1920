import { Button, Result } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from './ErrorAlert';

/**
 * A read that failed: what failed (`what`, a key of common `what.*`), why (the API's coded
 * reason in the user's language) and a retry button. Shown instead of the list or page it
 * stands for, so no "0 待办 / 暂无数据" appears beside it.
 */
export function LoadFailed({
  what,
  error,
  onRetry,
  retrying,
}: {
  what: string;
  error: unknown;
  onRetry: () => unknown;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      role="alert"
      data-testid="load-failed"
      data-code={error instanceof ApiError ? error.code : undefined}
      title={t('loadFailed', { what: t(`what.${what}`) })}
      subTitle={
        <>
          <div data-testid="load-failed-reason">{errorText(t, error)}</div>
          <div>{t('loadFailedHint')}</div>
        </>
      }
      extra={
        <Button
          type="primary"
          icon={<ReloadOutlined />}
          loading={retrying}
          onClick={() => void onRetry()}
          data-testid="retry"
        >
          {t('retry')}
        </Button>
      }
    />
  );
}
