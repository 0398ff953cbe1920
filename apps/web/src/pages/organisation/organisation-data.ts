import { useTranslation } from 'react-i18next';
import { queryClient } from '../../api/query';
import { CITY, PEOPLE } from '../../api/people';

export const ADMIN_UNITS = ['admin', 'units'] as const;
export const ADMIN_PEOPLE = ['admin', 'people'] as const;
export const ADMIN_EVENTS = ['admin', 'events'] as const;
export const ADMIN_SETTINGS = ['admin', 'city-settings'] as const;

/** After any change here: the admin lists, and the names every other screen shows, read anew. */
export async function organisationChanged(): Promise<void> {
  await Promise.all(
    [ADMIN_UNITS, ADMIN_PEOPLE, ADMIN_EVENTS, ADMIN_SETTINGS, ['units'], PEOPLE, CITY].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/**
 * Select options from a bundle's labels (`unitKind`, `role`): the values are the API's, the
 * labels the user's language; the web keeps no list of its own.
 */
export function useOptionsOf(namespace: string, key: string): { value: string; label: string }[] {
  const { t } = useTranslation(namespace);
  const labels = t(key, { returnObjects: true }) as Record<string, string>;
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}
