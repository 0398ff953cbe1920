import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@banli/domain';
import { DEFAULT_LETTER_WORDING, type LetterWording, type LetterWordingScope } from '@banli/letters';
import { recordAdminEvent, type AdminActor } from './admin-audit';
import { execSql, inTransaction } from './sql';

/** A wording an admin stored, for the city or for one issuing unit. */
export interface StoredLetterWording {
  scope: LetterWordingScope;
  wording: LetterWording;
  updatedAt: string;
  updatedBy: string;
}

/** Every stored wording: the city's (absent: the built-in default applies) and each unit's. */
export interface LetterWordingList {
  defaultWording: LetterWording;
  city?: StoredLetterWording;
  units: StoredLetterWording[];
}

export interface ILetterWordingRepository {
  list(): Promise<LetterWordingList>;
  /** Stores the wording (already checked); an unknown unit is NOT_FOUND. Recorded in the admin audit. */
  set(actor: AdminActor, scope: LetterWordingScope, wording: LetterWording): Promise<StoredLetterWording>;
  /** Back to the city's wording (for a unit) or the built-in one (for the city); nothing stored, nothing recorded. */
  remove(actor: AdminActor, scope: LetterWordingScope): Promise<void>;
}

const keyOf = (scope: LetterWordingScope) => (scope.kind === 'city' ? 'city' : `unit:${scope.unitId}`);
const scopeOf = (key: string): LetterWordingScope =>
  key === 'city' ? { kind: 'city' } : { kind: 'unit', unitId: key.slice('unit:'.length) };

function storedOf(row: Record<string, unknown>): StoredLetterWording {
  return {
    scope: scopeOf(String(row['scope'])),
    wording: JSON.parse(String(row['data'])) as LetterWording,
    updatedAt: String(row['updated_at']),
    updatedBy: String(row['updated_by']),
  };
}

async function storedIn(on: DataSource | EntityManager, key: string): Promise<StoredLetterWording | undefined> {
  const row = (
    await execSql(on, `SELECT "scope", "data", "updated_at", "updated_by" FROM "letter_wording" WHERE "scope" = :key`, {
      key,
    })
  ).rows[0];
  return row ? storedOf(row) : undefined;
}

/** The wording a letter of this issuing unit is written in now: the unit's, else the city's, else the default. */
export async function effectiveLetterWording(on: DataSource | EntityManager, unitId: string): Promise<LetterWording> {
  const rows = (
    await execSql(
      on,
      `SELECT "scope", "data", "updated_at", "updated_by" FROM "letter_wording" WHERE "scope" IN (:unit, 'city')`,
      {
        unit: `unit:${unitId}`,
      },
    )
  ).rows.map(storedOf);
  return (
    rows.find((r) => r.scope.kind === 'unit')?.wording ??
    rows.find((r) => r.scope.kind === 'city')?.wording ??
    DEFAULT_LETTER_WORDING
  );
}

export class LetterWordingRepository implements ILetterWordingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<LetterWordingList> {
    const rows = (
      await execSql(
        this.dataSource,
        `SELECT "scope", "data", "updated_at", "updated_by" FROM "letter_wording" ORDER BY "scope"`,
      )
    ).rows.map(storedOf);
    const city = rows.find((r) => r.scope.kind === 'city');
    return {
      defaultWording: DEFAULT_LETTER_WORDING,
      ...(city ? { city } : {}),
      units: rows.filter((r) => r.scope.kind === 'unit'),
    };
  }

  set(actor: AdminActor, scope: LetterWordingScope, wording: LetterWording): Promise<StoredLetterWording> {
    return inTransaction(this.dataSource, async (tx) => {
      if (scope.kind === 'unit') {
        const unit = await execSql(tx, `SELECT "id" FROM "org_unit" WHERE "id" = :id`, { id: scope.unitId });
        if (unit.rows.length === 0) throw new DomainError('NOT_FOUND', `No unit ${scope.unitId}`);
      }
      const key = keyOf(scope);
      const before = await storedIn(tx, key);
      await execSql(
        tx,
        `INSERT INTO "letter_wording" ("scope", "data", "updated_at", "updated_by") VALUES (:key, :data, :at, :by)
         ON CONFLICT ("scope") DO UPDATE SET "data" = excluded."data", "updated_at" = excluded."updated_at",
           "updated_by" = excluded."updated_by"`,
        { key, data: JSON.stringify(wording), at: new Date().toISOString(), by: actor.userId },
      );
      await recordAdminEvent(tx, actor, 'letter-wording-set', {
        scope: key,
        before: before?.wording ?? null,
        after: wording,
      });
      return (await storedIn(tx, key)) as StoredLetterWording;
    });
  }

  remove(actor: AdminActor, scope: LetterWordingScope): Promise<void> {
    return inTransaction(this.dataSource, async (tx) => {
      const key = keyOf(scope);
      const before = await storedIn(tx, key);
      if (!before) return;
      await execSql(tx, `DELETE FROM "letter_wording" WHERE "scope" = :key`, { key });
      await recordAdminEvent(tx, actor, 'letter-wording-removed', { scope: key, before: before.wording });
    });
  }
}
