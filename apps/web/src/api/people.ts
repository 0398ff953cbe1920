import { useQuery } from '@tanstack/react-query';
import { client, ok } from './client';

export const PEOPLE = ['people'] as const;
export const CITY = ['city'] as const;

/** A person's display name for their user id (the id itself while names load, or for a system actor). */
export function usePersonName(): (id: string | null | undefined) => string {
  const people = useQuery({
    queryKey: PEOPLE,
    queryFn: ({ signal }) => ok(client.GET('/api/people', { signal })),
    staleTime: 5 * 60_000,
  }).data;
  return (id) => (id ? (people?.find((p) => p.id === id)?.displayName ?? id) : '');
}

export const KEY_LEADERS = ['people', 'key-leaders'] as const;

/** The users who may lead key proposals (领办领导), as the API says (enabled supervisors). */
export function useKeyLeaders() {
  return useQuery({
    queryKey: KEY_LEADERS,
    queryFn: ({ signal }) => ok(client.GET('/api/people/key-leaders', { signal })),
    staleTime: 5 * 60_000,
  });
}

/** The city's settings as screens show them (the government's name in the header). */
export function useCity() {
  return useQuery({
    queryKey: CITY,
    queryFn: ({ signal }) => ok(client.GET('/api/city', { signal })),
    staleTime: 5 * 60_000,
  }).data;
}
