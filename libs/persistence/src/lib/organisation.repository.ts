import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@banli/domain';
import { type AdminActor, recordAdminEvent } from './admin-audit';
import { type CitySettings, readCitySettings, writeCitySettings } from './city-settings';
import { execSql, inTransaction } from './sql';

/** A unit as the admin screen shows it: everything it can change, and what would stop a disable. */
export interface AdminUnitView {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  issuerCode: string | null;
  sortOrder: number;
  enabled: boolean;
  /** Open tasks (inbox work) of the unit: a unit with any cannot be disabled. */
  openTasks: number;
  /** People of the unit who can still sign in. */
  people: number;
}

export interface UnitFields {
  name: string;
  /** Null: the same as the full name, now and after a rename. */
  shortName: string | null;
  kind: string;
  issuerCode: string | null;
  sortOrder: number;
  enabled: boolean;
}

/** A person as the admin screen shows them; never their password hash. */
export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  enabled: boolean;
}

export interface NewPerson {
  username: string;
  displayName: string;
  unitId: string;
  roles: string[];
  passwordHash: string;
  /** False: created disabled (an import of people who start later). */
  enabled?: boolean;
}

export type PersonChange = Partial<Pick<PersonView, 'displayName' | 'unitId' | 'roles' | 'enabled'>>;

/** Who a user id is, for showing display names beside ids (any signed-in user may ask). */
export interface PersonName {
  id: string;
  displayName: string;
  unitId: string;
  enabled: boolean;
}

export interface AdminEventView {
  id: string;
  at: string;
  actorUserId: string;
  actorUnitId: string;
  type: string;
  data: Record<string, unknown>;
}

/**
 * The organisation as an admin keeps it: units, people and the city's settings. Every change
 * is checked and written with its admin_event in one transaction, so a refused change leaves
 * nothing behind and an applied one is always on the audit trail.
 */
export interface IOrganisationRepository {
  units(): Promise<AdminUnitView[]>;
  createUnit(actor: AdminActor, id: string, fields: UnitFields, source?: string): Promise<AdminUnitView>;
  updateUnit(actor: AdminActor, id: string, change: Partial<UnitFields>, source?: string): Promise<AdminUnitView>;
  unitExists(id: string): Promise<boolean>;
  people(): Promise<PersonView[]>;
  personNames(): Promise<PersonName[]>;
  personByUsername(username: string): Promise<PersonView | null>;
  createPerson(actor: AdminActor, person: NewPerson, source?: string): Promise<PersonView>;
  updatePerson(actor: AdminActor, id: string, change: PersonChange, source?: string): Promise<PersonView>;
  citySettings(): Promise<CitySettings>;
  setCitySettings(actor: AdminActor, settings: CitySettings): Promise<CitySettings>;
  adminEvents(q: {
    page: number;
    pageSize: number;
    type?: string;
  }): Promise<{ items: AdminEventView[]; total: number }>;
}

const UNIT_COLUMNS = `u."id", u."name", COALESCE(u."short_name", u."name") AS "short_name", u."kind", u."issuer_code", u."sort_order", u."enabled",
  (SELECT count(*) FROM "task" t WHERE t."unit_id" = u."id" AND t."status" = 'open') AS "open_tasks",
  (SELECT count(*) FROM "app_user" a WHERE a."unit_id" = u."id" AND a."disabled" = 0) AS "people"`;

export class OrganisationRepository implements IOrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async units(): Promise<AdminUnitView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${UNIT_COLUMNS} FROM "org_unit" u ORDER BY u."sort_order", u."kind", u."id"`,
    );
    return rows.map(toUnit);
  }

  async unitExists(id: string): Promise<boolean> {
    return (await unitIn(this.dataSource, id)) !== null;
  }

  createUnit(actor: AdminActor, id: string, fields: UnitFields, source?: string): Promise<AdminUnitView> {
    return createOnce(this.dataSource, `A unit ${id} exists already`, async (tx) => {
      if (await unitIn(tx, id)) throw new DomainError('ALREADY_EXISTS', `A unit ${id} exists already`);
      await execSql(
        tx,
        `INSERT INTO "org_unit" ("id", "name", "short_name", "kind", "issuer_code", "sort_order", "enabled")
         VALUES (:id, :name, :shortName, :kind, :issuerCode, :sortOrder, :enabled)`,
        { id, ...fields, enabled: fields.enabled ? 1 : 0 },
      );
      await recordAdminEvent(tx, actor, 'unit-created', { unitId: id, ...fields, ...(source ? { source } : {}) });
      return (await unitIn(tx, id)) as AdminUnitView;
    });
  }

  updateUnit(actor: AdminActor, id: string, change: Partial<UnitFields>, source?: string): Promise<AdminUnitView> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await unitIn(tx, id);
      if (!before) throw new DomainError('NOT_FOUND', `No unit ${id}`);
      if (change.enabled === false && before.enabled && before.openTasks > 0) {
        throw new DomainError(
          'IN_USE',
          `${before.name} has ${before.openTasks} open tasks: have them reassigned before disabling the unit`,
        );
      }
      const after = { ...fieldsOf(before), ...change };
      const changed = (Object.keys(after) as (keyof UnitFields)[]).filter((k) => after[k] !== fieldsOf(before)[k]);
      if (changed.length === 0) return before;
      // A unit without a short name of its own (null) keeps following its full name.
      const own = await execSql(tx, `SELECT "short_name" FROM "org_unit" WHERE "id" = :id`, { id });
      const shortName = changed.includes('shortName') ? after.shortName : (own.rows[0]?.['short_name'] ?? null);
      await execSql(
        tx,
        `UPDATE "org_unit" SET "name" = :name, "short_name" = :shortName, "kind" = :kind, "issuer_code" = :issuerCode,
           "sort_order" = :sortOrder, "enabled" = :enabled WHERE "id" = :id`,
        { id, ...after, shortName, enabled: after.enabled ? 1 : 0 },
      );
      await recordAdminEvent(tx, actor, 'unit-updated', {
        unitId: id,
        before: pick(fieldsOf(before), changed),
        after: pick(after, changed),
        ...(source ? { source } : {}),
      });
      return (await unitIn(tx, id)) as AdminUnitView;
    });
  }

  async people(): Promise<PersonView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "username", "display_name", "unit_id", "roles", "disabled" FROM "app_user" ORDER BY "unit_id", "username"`,
    );
    return rows.map(toPerson);
  }

  async personNames(): Promise<PersonName[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "display_name", "unit_id", "disabled" FROM "app_user" ORDER BY "id"`,
    );
    return rows.map((r) => ({
      id: String(r['id']),
      displayName: String(r['display_name']),
      unitId: String(r['unit_id']),
      enabled: Number(r['disabled']) === 0,
    }));
  }

  async personByUsername(username: string): Promise<PersonView | null> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "username", "display_name", "unit_id", "roles", "disabled" FROM "app_user" WHERE "username" = :username`,
      { username },
    );
    return rows[0] ? toPerson(rows[0]) : null;
  }

  createPerson(actor: AdminActor, person: NewPerson, source?: string): Promise<PersonView> {
    return createOnce(this.dataSource, `The username ${person.username} is taken`, async (tx) => {
      const taken = await execSql(tx, `SELECT 1 AS "x" FROM "app_user" WHERE "username" = :u OR "id" = :u`, {
        u: person.username,
      });
      if (taken.rows.length > 0) throw new DomainError('ALREADY_EXISTS', `The username ${person.username} is taken`);
      await requireEnabledUnit(tx, person.unitId);
      const at = new Date().toISOString();
      // A person's id is their username, as in the demo city; usernames never change.
      await execSql(
        tx,
        `INSERT INTO "app_user" ("id", "username", "display_name", "password_hash", "unit_id", "roles", "disabled",
           "created_at", "updated_at")
         VALUES (:id, :id, :displayName, :passwordHash, :unitId, :roles, :disabled, :at, :at)`,
        {
          ...person,
          id: person.username,
          roles: JSON.stringify(person.roles),
          disabled: person.enabled === false ? 1 : 0,
          at,
        },
      );
      // Never the password hash: the audit trail is read by every admin.
      await recordAdminEvent(tx, actor, 'person-created', {
        userId: person.username,
        displayName: person.displayName,
        unitId: person.unitId,
        roles: person.roles,
        enabled: person.enabled !== false,
        ...(source ? { source } : {}),
      });
      return (await personIn(tx, person.username)) as PersonView;
    });
  }

  updatePerson(actor: AdminActor, id: string, change: PersonChange, source?: string): Promise<PersonView> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await personIn(tx, id);
      if (!before) throw new DomainError('NOT_FOUND', `No person ${id}`);
      if (id === actor.userId && (change.enabled === false || (change.roles && !change.roles.includes('admin')))) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'An admin cannot disable themselves or give up their own admin role',
          [{ field: change.enabled === false ? 'enabled' : 'roles', message: 'not for your own account' }],
        );
      }
      if (change.unitId !== undefined && change.unitId !== before.unitId) await requireEnabledUnit(tx, change.unitId);
      const after = { ...before, ...change };
      const keys = ['displayName', 'unitId', 'roles', 'enabled'] as const;
      const changed = keys.filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return before;
      await execSql(
        tx,
        // Disabling or enabling revokes every token issued before (as the accounts' disable does).
        `UPDATE "app_user" SET "display_name" = :displayName, "unit_id" = :unitId, "roles" = :roles,
           "disabled" = :disabled, "updated_at" = :at${changed.includes('enabled') ? `, "token_version" = "token_version" + 1` : ''}
         WHERE "id" = :id`,
        {
          id,
          displayName: after.displayName,
          unitId: after.unitId,
          roles: JSON.stringify(after.roles),
          disabled: after.enabled ? 0 : 1,
          at: new Date().toISOString(),
        },
      );
      await recordAdminEvent(tx, actor, 'person-updated', {
        userId: id,
        before: pick(before, changed),
        after: pick(after, changed),
        ...(source ? { source } : {}),
      });
      return (await personIn(tx, id)) as PersonView;
    });
  }

  citySettings(): Promise<CitySettings> {
    return readCitySettings(this.dataSource);
  }

  setCitySettings(actor: AdminActor, settings: CitySettings): Promise<CitySettings> {
    return inTransaction(this.dataSource, async (tx) => {
      const before = await readCitySettings(tx);
      await writeCitySettings(tx, settings, actor.userId, new Date());
      await recordAdminEvent(tx, actor, 'city-settings-set', { before, after: settings });
      return readCitySettings(tx);
    });
  }

  async adminEvents(q: {
    page: number;
    pageSize: number;
    type?: string;
  }): Promise<{ items: AdminEventView[]; total: number }> {
    const where = q.type ? `WHERE "type" = :type` : '';
    const params = q.type ? { type: q.type } : {};
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "at", "actor_user_id", "actor_unit_id", "type", "data" FROM "admin_event" ${where}
       ORDER BY "at" DESC, "id" DESC LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(this.dataSource, `SELECT count(*) AS "n" FROM "admin_event" ${where}`, params);
    return {
      items: rows.map((r) => ({
        id: String(r['id']),
        at: String(r['at']),
        actorUserId: String(r['actor_user_id']),
        actorUnitId: String(r['actor_unit_id']),
        type: String(r['type']),
        data: JSON.parse(String(r['data'])) as Record<string, unknown>,
      })),
      total: Number(total.rows[0]?.['n'] ?? 0),
    };
  }
}

/**
 * A transaction that inserts a row checked to be new: two admins creating the same id at once
 * both pass the check on PostgreSQL, and the second insert's unique violation is the same 409.
 */
async function createOnce<T>(
  dataSource: DataSource,
  taken: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(dataSource, work);
  } catch (e) {
    const driverError = (e as { driverError?: { code?: string; message?: string } }).driverError;
    if (driverError?.code === '23505' || /UNIQUE constraint failed/.test(driverError?.message ?? '')) {
      throw new DomainError('ALREADY_EXISTS', taken);
    }
    throw e;
  }
}

async function unitIn(on: DataSource | EntityManager, id: string): Promise<AdminUnitView | null> {
  const { rows } = await execSql(on, `SELECT ${UNIT_COLUMNS} FROM "org_unit" u WHERE u."id" = :id`, { id });
  return rows[0] ? toUnit(rows[0]) : null;
}

async function personIn(on: DataSource | EntityManager, id: string): Promise<PersonView | null> {
  const { rows } = await execSql(
    on,
    `SELECT "id", "username", "display_name", "unit_id", "roles", "disabled" FROM "app_user" WHERE "id" = :id`,
    { id },
  );
  return rows[0] ? toPerson(rows[0]) : null;
}

/** People join only units that exist and are enabled (422 otherwise: a bad field of the request). */
async function requireEnabledUnit(tx: EntityManager, unitId: string): Promise<void> {
  const unit = await unitIn(tx, unitId);
  if (!unit || !unit.enabled) {
    throw new DomainError('VALIDATION_FAILED', `No enabled unit ${unitId}`, [
      { field: 'unitId', message: unit ? 'the unit is disabled' : 'no such unit' },
    ]);
  }
}

function toUnit(r: Record<string, unknown>): AdminUnitView {
  return {
    id: String(r['id']),
    name: String(r['name']),
    shortName: String(r['short_name']),
    kind: String(r['kind']),
    issuerCode: (r['issuer_code'] as string | null) ?? null,
    sortOrder: Number(r['sort_order']),
    enabled: Number(r['enabled']) === 1,
    openTasks: Number(r['open_tasks']),
    people: Number(r['people']),
  };
}

function toPerson(r: Record<string, unknown>): PersonView {
  const roles = r['roles'];
  return {
    id: String(r['id']),
    username: String(r['username']),
    displayName: String(r['display_name']),
    unitId: String(r['unit_id']),
    roles: (typeof roles === 'string' ? JSON.parse(roles) : roles) as string[],
    enabled: Number(r['disabled']) === 0,
  };
}

function fieldsOf(u: AdminUnitView): UnitFields {
  return {
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    issuerCode: u.issuerCode,
    sortOrder: u.sortOrder,
    enabled: u.enabled,
  };
}

function pick<T extends object>(o: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) out[k] = o[k];
  return out;
}
