import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { client, ok } from './client';
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
