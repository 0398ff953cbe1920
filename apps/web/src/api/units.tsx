import { createContext, ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { client, ok } from './client';
import type { Unit } from './types';

export type { Unit };

const UnitsContext = createContext<Unit[]>([]);

/** The organisation units (names for ids everywhere). */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const units = useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => ok(client.GET('/api/units', { signal })),
    staleTime: Infinity,
  });
  return <UnitsContext.Provider value={units.data ?? []}>{children}</UnitsContext.Provider>;
}

export function useUnits(): Unit[] {
  return useContext(UnitsContext);
}

/** A unit's name for its id (the id itself while names load). */
export function useUnitName(): (id: string | null | undefined) => string {
  const units = useUnits();
  const { t } = useTranslation();
  return (id) => (id ? (units.find((u) => u.id === id)?.name ?? t('unitFallback', { id })) : '');
}
