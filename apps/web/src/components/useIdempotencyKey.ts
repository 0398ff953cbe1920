import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../api/client';

/**
 * One idempotency key per user intent: submitting the same thing again (a retry after a
 * failure or a timeout) reuses the key, so the server applies it once; changing what is sent
 * starts a new intent with a new key (the server refuses a key reused for a different body).
 * Call `settle()` after success so the next submit is a new intent.
 */
export function useIdempotencyKey(): { keyFor(intent: unknown): string; settle(): void } {
  const last = useRef<{ intent: string; key: string } | null>(null);
  const keyFor = useCallback((intent: unknown) => {
    const text = JSON.stringify(intent);
    if (last.current?.intent !== text) last.current = { intent: text, key: newIdempotencyKey() };
    return last.current.key;
  }, []);
  const settle = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, settle };
}

/** The same for many items at once (e.g. one key per proposal of a bulk action). */
export function useIdempotencyKeys(): { keyFor(item: string, intent: unknown): string; settle(item: string): void } {
  const keys = useRef(new Map<string, { intent: string; key: string }>());
  const keyFor = useCallback((item: string, intent: unknown) => {
    const text = JSON.stringify(intent);
    const known = keys.current.get(item);
    if (known?.intent === text) return known.key;
    const key = newIdempotencyKey();
    keys.current.set(item, { intent: text, key });
    return key;
  }, []);
  const settle = useCallback((item: string) => {
    keys.current.delete(item);
  }, []);
  return { keyFor, settle };
}
