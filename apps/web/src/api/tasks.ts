import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, client, ok } from './client';
import type { paths } from './generated/schema';
import { queryClient } from './query';

export type TaskQuery = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;

/** A page of the caller's unit's tasks (GET /api/tasks); `reload` after the user acted on some. */
export function useTasks(query: TaskQuery, options: { enabled?: boolean } = {}) {
  const tasks = useQuery({
    queryKey: ['tasks', query],
    queryFn: ({ signal }) => ok(client.GET('/api/tasks', { params: { query }, signal })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  return {
    data: tasks.data ?? null,
    error: tasks.error,
    loading: tasks.isFetching,
    reload: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  };
}

/**
 * Whether the caller may see every task of their unit (`scope=unit`): the API decides, so the
 * web asks it once (a page of one task) and takes a 403 as "no".
 */
export function useUnitScopeAllowed(): boolean {
  const probe = useQuery({
    queryKey: ['tasks', 'unit-scope-allowed'],
    queryFn: async ({ signal }) => {
      try {
        await ok(client.GET('/api/tasks', { params: { query: { scope: 'unit', pageSize: 1 } }, signal }));
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.status === 403) return false;
        throw e;
      }
    },
    staleTime: Infinity,
  });
  return probe.data === true;
}
