import type { DataSource, EntityManager } from 'typeorm';
import { execSql } from './sql';

/** The city's own words, used in letters and screens; an admin sets them (PUT /api/admin/city-settings). */
export interface CitySettings {
  /** The people's government, shown in every screen's header: `X市人民政府`. */
  governmentName: string;
  /**
   * Who registered each kind of proposal, second on a letter's default copy list: the CPPCC
   * proposal committee for proposals, the people's congress committee for suggestions. Empty:
   * the short name of the unit of kind `proposal-committee`.
   */
  committeeNames: { proposal: string; suggestion: string };
  /** The default 抄送 list of a reply letter; empty: the government office, the committee, 各会办单位. */
  copyTo: string[];
}

/** What a city has before its admin sets anything: the demo city's letters and screens as they always were. */
export const DEFAULT_CITY_SETTINGS: CitySettings = {
  governmentName: 'X市人民政府',
  committeeNames: { proposal: '', suggestion: '' },
  copyTo: [],
};

/** The one settings row's id (table city_settings holds one row of JSON). */
const ROW_ID = 'city';

export async function readCitySettings(on: DataSource | EntityManager): Promise<CitySettings> {
  const row = (await execSql(on, `SELECT "data" FROM "city_settings" WHERE "id" = :id`, { id: ROW_ID })).rows[0];
  if (!row) return DEFAULT_CITY_SETTINGS;
  const stored = JSON.parse(String(row['data'])) as Partial<CitySettings>;
  return {
    ...DEFAULT_CITY_SETTINGS,
    ...stored,
    committeeNames: { ...DEFAULT_CITY_SETTINGS.committeeNames, ...stored.committeeNames },
  };
}

export async function writeCitySettings(
  tx: EntityManager,
  settings: CitySettings,
  by: string,
  at: Date,
): Promise<void> {
  const params = { id: ROW_ID, data: JSON.stringify(settings), at: at.toISOString(), by };
  await execSql(
    tx,
    `INSERT INTO "city_settings" ("id", "data", "updated_at", "updated_by") VALUES (:id, :data, :at, :by)
     ON CONFLICT ("id") DO UPDATE SET "data" = excluded."data", "updated_at" = excluded."updated_at",
       "updated_by" = excluded."updated_by"`,
    params,
  );
}
