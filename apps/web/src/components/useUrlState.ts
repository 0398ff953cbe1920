import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters and pagination kept in the URL (so a list can be bookmarked, shared and reloaded):
 * `get(name, fallback)` reads one, `set({...})` changes several at once (empty removes).
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const get = useCallback((name: string, fallback = '') => params.get(name) ?? fallback, [params]);
  const number = useCallback(
    (name: string, fallback: number) => {
      const n = Number(params.get(name));
      return Number.isInteger(n) && n > 0 ? n : fallback;
    },
    [params],
  );
  const set = useCallback(
    (changes: Record<string, string | number | undefined | null>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [k, v] of Object.entries(changes)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
  return { params, get, number, set };
}
