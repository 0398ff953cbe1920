import { BadRequestException } from '@nestjs/common';
import { csvRecords, ImportFormat, importRowsOf } from '../common/import-rows';

/** One import holds at most this many units and people together (a province has a few thousand). */
export const MAX_ORGANISATION_ROWS = 5_000;

/** One row of an organisation import, still unchecked: a unit or a person, with its 1-based position. */
export interface OrganisationRow {
  row: number;
  /** `unknown`: a CSV row whose type is neither (it fails on its own). */
  type: 'unit' | 'person' | 'unknown';
  data: Record<string, unknown>;
}

const ORGANISATION: ImportFormat<OrganisationRow> = {
  what: 'the organisation',
  maxRows: MAX_ORGANISATION_ROWS,
  fromJson: rowsOfJson,
  fromCsv: rowsOfCsv,
};

/**
 * The rows of an organisation import: `{"units": [...], "people": [...]}` as JSON, or a CSV
 * whose `type` column says `unit` or `person` for each row. Units come first, so people can
 * join units of the same file. Anything wrong with the request as a whole is refused here
 * (400/413/415); what is wrong with one row is that row's result.
 */
export function organisationRowsOf(contentType: string | undefined, body: unknown): OrganisationRow[] {
  const rows = importRowsOf(ORGANISATION, contentType, body);
  const order = { unit: 0, person: 1, unknown: 2 };
  return [...rows].sort((a, b) => order[a.type] - order[b.type] || a.row - b.row);
}

function rowsOfJson(body: unknown): OrganisationRow[] {
  const envelope = body as { units?: unknown; people?: unknown } | null;
  const keys = typeof body === 'object' && body !== null && !Array.isArray(body) ? Object.keys(body) : null;
  const ok =
    keys !== null &&
    keys.every((k) => k === 'units' || k === 'people') &&
    (envelope?.units === undefined || Array.isArray(envelope.units)) &&
    (envelope?.people === undefined || Array.isArray(envelope.people));
  if (!ok) throw new BadRequestException('The body must be {"units": [...], "people": [...]}');
  const units = (envelope?.units as unknown[] | undefined) ?? [];
  const people = (envelope?.people as unknown[] | undefined) ?? [];
  return [
    ...units.map((data, i) => ({ row: i + 1, type: 'unit' as const, data: objectOf(data) })),
    ...people.map((data, i) => ({ row: units.length + i + 1, type: 'person' as const, data: objectOf(data) })),
  ];
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const CSV_COLUMNS = {
  required: ['type'],
  optional: [
    'id',
    'name',
    'shortName',
    'kind',
    'issuerCode',
    'sortOrder',
    'enabled',
    'username',
    'displayName',
    'unitId',
    'roles',
    'password',
  ],
} as const;
type CsvColumn = (typeof CSV_COLUMNS.required)[number] | (typeof CSV_COLUMNS.optional)[number];
/** Roles in one cell: separated by 、 ; | or spaces. */
const ROLE_SEPARATOR = /[、;；|｜\s]+/;

/** A CSV with a header row; each record becomes a unit or a person as the JSON form gives it. */
export function rowsOfCsv(text: string): OrganisationRow[] {
  return csvRecords<CsvColumn>(text, CSV_COLUMNS).map((cell, i) => {
    const type = cell('type');
    const row: Record<string, unknown> = {};
    for (const column of CSV_COLUMNS.optional) {
      const value = cell(column);
      if (value === '') continue;
      if (column === 'roles') row[column] = value.split(ROLE_SEPARATOR).filter(Boolean);
      else if (column === 'sortOrder') row[column] = /^\d+$/.test(value) ? Number(value) : value;
      else if (column === 'enabled') row[column] = booleanOf(value);
      else row[column] = value;
    }
    return { row: i + 1, type: type === 'unit' || type === 'person' ? type : 'unknown', data: row };
  });
}

function booleanOf(value: string): boolean | string {
  if (/^(true|1|yes|是|启用)$/i.test(value)) return true;
  if (/^(false|0|no|否|停用)$/i.test(value)) return false;
  return value;
}
