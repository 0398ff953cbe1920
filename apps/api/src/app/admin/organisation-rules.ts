import { DomainError, ErrorDetail, ROLES, UNIT_KINDS } from '@banli/domain';
import type { CitySettings, UnitFields } from '@banli/persistence';
import { ISSUER_CODE } from './document-number-pools.service';

/** A unit id: lower-case letters, digits and hyphens, as in the demo city (`human-resources`). */
export const UNIT_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A username: letters, digits and . _ @ -; never changed once given (it is the person's id). */
export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

/** A unit as a request or an import row gives it; absent fields keep their value (or default, on create). */
export interface UnitInput {
  name?: string;
  shortName?: string;
  kind?: string;
  issuerCode?: string | null;
  sortOrder?: number;
  enabled?: boolean;
}

export interface PersonInput {
  displayName?: string;
  unitId?: string;
  roles?: string[];
  enabled?: boolean;
}

class Details {
  readonly list: ErrorDetail[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  /** A name: non-blank, one line, at most 100 characters. */
  name(field: string, value: unknown): void {
    if (value === undefined) return;
    if (typeof value !== 'string' || value.trim() === '' || /[\r\n]/.test(value) || value.length > 100) {
      this.add(field, 'must be 1-100 characters on one line');
    }
  }
  throwIfAny(message: string): void {
    if (this.list.length > 0) throw new DomainError('VALIDATION_FAILED', message, this.list);
  }
}

/** The checked change of a unit's fields (422 with a detail per bad field). */
export function checkUnitInput(input: UnitInput, d = new Details()): Partial<UnitFields> {
  d.name('name', input.name);
  d.name('shortName', input.shortName);
  if (input.kind !== undefined && !(UNIT_KINDS as readonly string[]).includes(input.kind)) {
    d.add('kind', `must be one of ${UNIT_KINDS.join(', ')}`);
  }
  if (input.issuerCode !== undefined && input.issuerCode !== null && !ISSUER_CODE.test(input.issuerCode)) {
    d.add('issuerCode', 'must be letters and digits only, at most 32 (X工信函)');
  }
  if (
    input.sortOrder !== undefined &&
    (!Number.isInteger(input.sortOrder) || input.sortOrder < 0 || input.sortOrder > 100_000)
  ) {
    d.add('sortOrder', 'must be a whole number 0-100000');
  }
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') d.add('enabled', 'must be true or false');
  d.throwIfAny('The unit is not valid');
  const out: Partial<UnitFields> = {};
  if (input.name !== undefined) out.name = input.name.trim();
  if (input.shortName !== undefined) out.shortName = input.shortName.trim();
  if (input.kind !== undefined) out.kind = input.kind;
  if (input.issuerCode !== undefined) out.issuerCode = input.issuerCode || null;
  if (input.sortOrder !== undefined) out.sortOrder = input.sortOrder;
  if (input.enabled !== undefined) out.enabled = input.enabled;
  return out;
}

/** A new unit's fields: id, name and kind required; without a short name of its own, letters use the full name. */
export function checkNewUnit(id: unknown, input: UnitInput): { id: string; fields: UnitFields } {
  const d = new Details();
  if (typeof id !== 'string' || !UNIT_ID.test(id)) d.add('id', 'must be lower-case letters, digits and -');
  if (input.name === undefined) d.add('name', 'is required');
  if (input.kind === undefined) d.add('kind', 'is required');
  const checked = checkUnitInput(input, d);
  return {
    id: id as string,
    fields: {
      name: checked.name as string,
      shortName: checked.shortName ?? null,
      kind: checked.kind as string,
      issuerCode: checked.issuerCode ?? null,
      sortOrder: checked.sortOrder ?? 0,
      enabled: checked.enabled ?? true,
    },
  };
}

/** The checked change of a person (422 with a detail per bad field). */
export function checkPersonInput(input: PersonInput, d = new Details()): PersonInput {
  d.name('displayName', input.displayName);
  if (input.unitId !== undefined && (typeof input.unitId !== 'string' || !UNIT_ID.test(input.unitId))) {
    d.add('unitId', 'must be a unit id');
  }
  if (input.roles !== undefined) {
    const roles = input.roles;
    if (!Array.isArray(roles) || roles.length === 0) d.add('roles', 'must name at least one role');
    else {
      roles.forEach((r, i) => {
        if (!(ROLES as readonly string[]).includes(r)) d.add(`roles[${i}]`, `must be one of ${ROLES.join(', ')}`);
      });
      if (new Set(roles).size !== roles.length) d.add('roles', 'must not name a role twice');
    }
  }
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') d.add('enabled', 'must be true or false');
  d.throwIfAny('The person is not valid');
  return {
    ...(input.displayName !== undefined ? { displayName: input.displayName.trim() } : {}),
    ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
    ...(input.roles !== undefined ? { roles: input.roles } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
  };
}

export function checkNewPerson(
  username: unknown,
  password: unknown,
  input: PersonInput,
): { username: string; password: string; displayName: string; unitId: string; roles: string[]; enabled?: boolean } {
  const d = new Details();
  if (typeof username !== 'string' || !USERNAME.test(username)) {
    d.add('username', 'must be letters, digits and . _ @ -, at most 64');
  }
  if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    d.add('password', `must be ${MIN_PASSWORD_LENGTH}-200 characters`);
  }
  for (const field of ['displayName', 'unitId', 'roles'] as const) {
    if (input[field] === undefined) d.add(field, 'is required');
  }
  const checked = checkPersonInput(input, d);
  return {
    username: username as string,
    password: password as string,
    displayName: checked.displayName as string,
    unitId: checked.unitId as string,
    roles: checked.roles as string[],
    ...(checked.enabled !== undefined ? { enabled: checked.enabled } : {}),
  };
}

export function checkCitySettings(s: CitySettings): CitySettings {
  const d = new Details();
  d.name('governmentName', s.governmentName);
  for (const kind of ['proposal', 'suggestion'] as const) {
    const name = s.committeeNames?.[kind];
    if (name !== '') d.name(`committeeNames.${kind}`, name ?? '');
  }
  if (!Array.isArray(s.copyTo) || s.copyTo.length > 20) d.add('copyTo', 'must be a list of at most 20 names');
  else s.copyTo.forEach((name, i) => d.name(`copyTo[${i}]`, name));
  d.throwIfAny('The city settings are not valid');
  return {
    governmentName: s.governmentName.trim(),
    committeeNames: { proposal: s.committeeNames.proposal.trim(), suggestion: s.committeeNames.suggestion.trim() },
    copyTo: s.copyTo.map((n) => n.trim()),
  };
}
