import { createContext, ReactNode, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { client, ok } from './client';
import type { Unit } from './types';

export type { Unit };

const UnitsContext = createContext<{ units: Unit[]; loaded: boolean }>({ units: [], loaded: false });

/** The organisation units (names for ids everywhere). */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const units = useQuery({
    queryKey: ['units'],
    queryFn: ({ signal }) => ok(client.GET('/api/units', { signal })),
    staleTime: Infinity,
  });
  return (
    <UnitsContext.Provider value={{ units: units.data ?? [], loaded: units.isSuccess }}>
      {children}
    </UnitsContext.Provider>
  );
}

export function useUnits(): Unit[] {
  return useContext(UnitsContext).units;
}

/**
 * A unit's name for its id: "…" while names load, "未知单位" for an id no unit has (never the
 * raw id: `unitUnknownHint` says which one where a screen explains it).
 */
export function useUnitName(): (id: string | null | undefined) => string {
  const { units, loaded } = useContext(UnitsContext);
  const { t } = useTranslation();
  return (id) => {
    if (!id) return '';
    const name = units.find((u) => u.id === id)?.name;
    if (name) return name;
    return loaded ? t('unitUnknown') : '…';
  };
}
