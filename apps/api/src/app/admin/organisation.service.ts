import { DomainError } from '@banli/domain';
import type {
  AdminEventView,
  AdminUnitView,
  CitySettings,
  IOrganisationRepository,
  PersonView,
} from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { toHttpError } from '../common/domain-error.filter';
import type { ApiErrorBody } from '../common/api-error';
import type { OrganisationRow } from './organisation-import-rows';
import {
  checkCitySettings,
  checkNewPerson,
  checkNewUnit,
  checkPersonInput,
  checkUnitInput,
  type PersonInput,
  type UnitInput,
} from './organisation-rules';

export interface OrganisationImportRowResult {
  /** 1-based position among the data rows (JSON: units first, then people). */
  row: number;
  type: 'unit' | 'person' | 'unknown';
  /** The unit id or the username the row names, when it names one. */
  id?: string;
  status: 'created' | 'updated' | 'unchanged' | 'failed';
  error?: ApiErrorBody['error'];
}

export interface OrganisationImportReport {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  rows: OrganisationImportRowResult[];
}

/** Hashes a new person's initial password (argon2 in the app; a stub in unit tests). */
export type PasswordHash = (password: string) => Promise<string>;

/**
 * Organisation administration for the admin role: units, people, the city's settings and
 * the admin audit trail. Input is checked here (422 with a detail per field); existence,
 * uniqueness and "still in use" are checked by the repository inside the change's
 * transaction, which also writes the audit entry.
 */
export class OrganisationService {
  constructor(
    private readonly organisation: IOrganisationRepository,
    private readonly hashPassword: PasswordHash,
  ) {}

  units(): Promise<AdminUnitView[]> {
    return this.organisation.units();
  }

  async createUnit(admin: AuthenticatedUser, id: string, input: UnitInput, source?: string): Promise<AdminUnitView> {
    const unit = checkNewUnit(id, input);
    return this.organisation.createUnit(admin, unit.id, unit.fields, source);
  }

  /** Renames, re-kinds, reorders, enables or disables; disabling a unit with open tasks is refused (409 IN_USE). */
  async updateUnit(admin: AuthenticatedUser, id: string, input: UnitInput, source?: string): Promise<AdminUnitView> {
    return this.organisation.updateUnit(admin, id, checkUnitInput(input), source);
  }

  people(): Promise<PersonView[]> {
    return this.organisation.people();
  }

  async createPerson(
    admin: AuthenticatedUser,
    username: unknown,
    password: unknown,
    input: PersonInput,
    source?: string,
  ): Promise<PersonView> {
    const p = checkNewPerson(username, password, input);
    return this.organisation.createPerson(
      admin,
      {
        username: p.username,
        displayName: p.displayName,
        unitId: p.unitId,
        roles: p.roles,
        passwordHash: await this.hashPassword(p.password),
        ...(p.enabled === false ? { enabled: false } : {}),
      },
      source,
    );
  }

  /** Display name, unit, roles, enabled; never the username, never the password (see password reset). */
  async updatePerson(admin: AuthenticatedUser, id: string, input: PersonInput, source?: string): Promise<PersonView> {
    return this.organisation.updatePerson(admin, id, checkPersonInput(input), source);
  }

  citySettings(): Promise<CitySettings> {
    return this.organisation.citySettings();
  }

  async setCitySettings(admin: AuthenticatedUser, settings: CitySettings): Promise<CitySettings> {
    return this.organisation.setCitySettings(admin, checkCitySettings(settings));
  }

  adminEvents(q: {
    page: number;
    pageSize: number;
    type?: string;
  }): Promise<{ items: AdminEventView[]; total: number }> {
    return this.organisation.adminEvents(q);
  }

  /**
   * Imports a whole organisation, row by row: a unit row creates the unit or updates the one
   * with its id; a person row creates the person (an initial password required) or updates
   * the one with its username (the password is then ignored). Each row is applied whole, in
   * its own transaction with its audit entry, or not at all; one row's failure is its own
   * result and the others go on. Only an outage (5xx) stops the import.
   */
  async importOrganisation(admin: AuthenticatedUser, rows: OrganisationRow[]): Promise<OrganisationImportReport> {
    const results: OrganisationImportRowResult[] = [];
    // The units as they were before the import, to tell an update from no change (read once).
    const unitsBefore = new Map((await this.organisation.units()).map((u) => [u.id, u]));
    for (const r of rows) {
      const id = r.type === 'person' ? r.data['username'] : r.data['id'];
      const named = typeof id === 'string' ? { id } : {};
      try {
        const status = await this.importRow(admin, r, unitsBefore);
        results.push({ row: r.row, type: r.type, ...named, status });
      } catch (e) {
        const { status, body } = toHttpError(e);
        if (status >= 500) throw e;
        results.push({ row: r.row, type: r.type, ...named, status: 'failed', error: body });
      }
    }
    results.sort((a, b) => a.row - b.row);
    const count = (s: OrganisationImportRowResult['status']) => results.filter((r) => r.status === s).length;
    return {
      total: results.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      failed: count('failed'),
      rows: results,
    };
  }

  private async importRow(
    admin: AuthenticatedUser,
    r: OrganisationRow,
    unitsBefore: Map<string, AdminUnitView>,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const d = r.data;
    if (r.type === 'unknown') {
      throw new DomainError('VALIDATION_FAILED', 'The row is neither a unit nor a person', [
        { field: 'type', message: 'must be unit or person' },
      ]);
    }
    const known = r.type === 'unit' ? UNIT_ROW_FIELDS : PERSON_ROW_FIELDS;
    const unknown = Object.keys(d).filter((k) => !known.includes(k));
    if (unknown.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Unknown field(s) for a ${r.type}`,
        unknown.map((field) => ({ field, message: `is not a field of a ${r.type}` })),
      );
    }
    if (r.type === 'unit') {
      const input = pickDefined(d, ['name', 'shortName', 'kind', 'issuerCode', 'sortOrder', 'enabled']) as UnitInput;
      const id = d['id'];
      if (typeof id === 'string' && (await this.organisation.unitExists(id))) {
        const before = unitsBefore.get(id);
        const after = await this.updateUnit(admin, id, input, 'import');
        unitsBefore.set(id, after);
        return before && sameUnit(before, after) ? 'unchanged' : 'updated';
      }
      await this.createUnit(admin, id as string, input, 'import');
      return 'created';
    }
    const input = pickDefined(d, ['displayName', 'unitId', 'roles', 'enabled']) as PersonInput;
    const username = d['username'];
    const existing = typeof username === 'string' ? await this.organisation.personByUsername(username) : null;
    if (existing) {
      const after = await this.updatePerson(admin, existing.id, input, 'import');
      return JSON.stringify(existing) === JSON.stringify(after) ? 'unchanged' : 'updated';
    }
    await this.createPerson(admin, username, d['password'], input, 'import');
    return 'created';
  }
}

/** The same fields an admin sets (the counts of open tasks and people may move meanwhile). */
function sameUnit(a: AdminUnitView, b: AdminUnitView): boolean {
  const fields = ['name', 'shortName', 'kind', 'issuerCode', 'sortOrder', 'enabled'] as const;
  return fields.every((f) => a[f] === b[f]);
}

const UNIT_ROW_FIELDS = ['id', 'name', 'shortName', 'kind', 'issuerCode', 'sortOrder', 'enabled'];
const PERSON_ROW_FIELDS = ['username', 'displayName', 'unitId', 'roles', 'enabled', 'password'];

function pickDefined(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
