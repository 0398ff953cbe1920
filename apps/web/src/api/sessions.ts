import { useQuery } from '@tanstack/react-query';
import { client, ok } from './client';
import type { CommitteeSession } from './types';

export type { CommitteeSession };

/** The query key of the sessions list, for invalidation after an admin's change. */
export const SESSIONS = ['sessions'] as const;

/** The committee's sessions (GET /api/sessions), newest year first. */
export function useSessions() {
  return useQuery({
    queryKey: SESSIONS,
    queryFn: ({ signal }) => ok(client.GET('/api/sessions', { signal })),
  });
}

/** How a session reads in a list to choose from: its name, then its code. */
export const sessionLabel = (s: Pick<CommitteeSession, 'code' | 'name'>) => `${s.name}（${s.code}）`;
