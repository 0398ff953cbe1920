import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './client';

export interface Unit {
  id: string;
  name: string;
  kind: string;
}

const UnitsContext = createContext<Unit[]>([]);

/** The organisation units (names for ids everywhere). */
export function UnitsProvider({ children }: { children: ReactNode }) {
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    api<Unit[]>('/units')
      .then(setUnits)
      .catch(() => setUnits([]));
  }, []);
  return <UnitsContext.Provider value={units}>{children}</UnitsContext.Provider>;
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
