import { Alert, App, Button, Form, FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { formatDateTime, Lang } from '../format';

/** What is kept in the browser for one draft: the form's values and when they were typed. */
interface Stored<T> {
  savedAt: string;
  values: T;
}

const PREFIX = 'banli.draft';

/** The browser key of one user's draft of one proposal (for their unit). */
export function draftStorageKey(userId: string, proposalId: string, unitId: string): string {
  return `${PREFIX}:${userId}:${unitId}:${proposalId}`;
}

function read<T>(key: string): Stored<T> | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : null;
  } catch {
    return null;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Keeps what the user types in a form in the browser (localStorage, keyed by user, unit and
 * proposal) as they type, restores it after a reload, and warns before leaving with work not
 * yet saved to the server: the browser's own prompt on closing or reloading the tab
 * (beforeunload), a confirmation on moving elsewhere in the app (React Router's blocker).
 *
 * `baseline` is what the server has (the latest saved version): typing back to it clears the
 * browser copy. Call `saved()` after the server accepted the draft. `banner` tells the user a
 * copy was restored, with a way to drop it.
 */
export function useDraftAutosave<T extends object>({
  form,
  storageKey,
  baseline,
  enabled,
}: {
  form: FormInstance<T>;
  storageKey: string;
  baseline: T;
  enabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const base = useRef(baseline);
  const [restored, setRestored] = useState<Stored<T> | null>(null);
  const { modal } = App.useApp();
  const [dirty, setDirtyState] = useState(false);
  // Read by the blocker at the moment of navigating (a save may have cleared it this very tick).
  const dirtyRef = useRef(false);
  const setDirty = useCallback((d: boolean) => {
    dirtyRef.current = d;
    setDirtyState(d);
  }, []);
  const values = Form.useWatch((v: T) => v, { form, preserve: true });
  const ready = useRef(false);

  // Once the form is there: put back what this browser kept, when it differs from the server's.
  useEffect(() => {
    if (!enabled) return;
    const kept = read<T>(storageKey);
    if (kept && !same(kept.values, base.current)) {
      form.setFieldsValue(kept.values as Parameters<typeof form.setFieldsValue>[0]);
      setRestored(kept);
      setDirty(true);
    }
    ready.current = true;
  }, [enabled, form, storageKey, setDirty]);

  // Every change is written to the browser (a little after typing pauses).
  useEffect(() => {
    if (!enabled || !ready.current || values === undefined) return;
    const timer = setTimeout(() => {
      const current = form.getFieldsValue(true) as T;
      if (same(current, base.current)) {
        localStorage.removeItem(storageKey);
        setDirty(false);
      } else {
        localStorage.setItem(storageKey, JSON.stringify({ savedAt: new Date().toISOString(), values: current }));
        setDirty(true);
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [values, enabled, form, storageKey, setDirty]);

  // Closing or reloading the tab with unsaved work: the browser asks.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // Moving elsewhere in the app with unsaved work: confirmed first.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('unsaved.title'),
      content: <div data-testid="unsaved-warning">{t('unsaved.content')}</div>,
      okText: t('unsaved.leave'),
      cancelText: t('unsaved.stay'),
      okButtonProps: { danger: true },
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  /** The server has the draft now: nothing left to keep or warn about. */
  const saved = useCallback(() => {
    base.current = form.getFieldsValue(true) as T;
    localStorage.removeItem(storageKey);
    setDirty(false);
    setRestored(null);
  }, [form, storageKey, setDirty]);

  /** Drops the browser's copy and shows the server's version again. */
  const discard = useCallback(() => {
    localStorage.removeItem(storageKey);
    form.setFieldsValue(base.current as Parameters<typeof form.setFieldsValue>[0]);
    setDirty(false);
    setRestored(null);
  }, [form, storageKey, setDirty]);

  const banner = restored ? (
    <Alert
      type="info"
      showIcon
      data-testid="draft-restored"
      title={t('draftRestored', { at: formatDateTime(restored.savedAt, i18n.language as Lang) })}
      action={
        <Button size="small" onClick={discard}>
          {t('draftDiscard')}
        </Button>
      }
      style={{ marginBottom: 12 }}
    />
  ) : null;

  return { dirty, saved, discard, banner };
}
