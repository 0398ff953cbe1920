import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse/sync';

/** One request imports at most this many proposals (a national session is about 5,000). */
export const MAX_IMPORT_ROWS = 10_000;

/**
 * The rows of an import request, each still unvalidated: the `proposals` array of a JSON body,
 * or the records of a CSV file turned into the same registration shape. Anything wrong with
 * the request as a whole (not JSON nor CSV, unreadable CSV, unknown columns, too many rows)
 * is refused here; what is wrong with a single row is that row's own result later.
 */
export function importRowsOf(contentType: string | undefined, body: unknown): unknown[] {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  let rows: unknown[];
  if (mediaType === 'application/json') rows = rowsOfJson(body);
  else if (mediaType === 'text/csv' && typeof body === 'string') rows = rowsOfCsv(body);
  else throw new UnsupportedMediaTypeException('Send the proposals as application/json or text/csv');
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new PayloadTooLargeException(
      `An import holds at most ${MAX_IMPORT_ROWS} proposals; this one has ${rows.length}: split it`,
    );
  }
  return rows;
}

function rowsOfJson(body: unknown): unknown[] {
  const isEnvelope =
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.keys(body).length === 1 &&
    Array.isArray((body as { proposals?: unknown }).proposals);
  if (!isEnvelope) throw new BadRequestException('The body must be {"proposals": [...]} and nothing else');
  return (body as { proposals: unknown[] }).proposals;
}

const REQUIRED_COLUMNS = ['kind', 'sessionCode', 'number', 'title', 'proposers', 'body', 'suggestionPoints'] as const;
/** `sessionName`, when given, must be the session's name (older files carry it); empty means the session's. */
/** `proposerEmails`: e-mail addresses in the proposers' order, separated like them; an empty entry is none. */
const OPTIONAL_COLUMNS = ['sessionName', 'urgent', 'proposerEmails'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const COLUMN_OF = new Map<string, Column>(
  [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c.toLowerCase(), c] as const),
);

/** Proposers are separated by 、 or ;, the lead first; points by a line break or |. */
const NAME_SEPARATOR = /[、;；]/;
const POINT_SEPARATOR = /\r?\n|\r|[|｜]/;

/** A CSV with a header row; each record becomes a registration as POST /api/proposals takes it. */
export function rowsOfCsv(text: string): unknown[] {
  let records: string[][];
  try {
    // Spreadsheets often end with rows of empty cells; those are no proposals.
    records = parse(text, { bom: true, skip_empty_lines: true, skip_records_with_empty_values: true });
  } catch (e) {
    if (e instanceof CsvError) throw new BadRequestException(`The CSV cannot be read: ${e.message}`);
    throw e;
  }
  const [header, ...data] = records;
  if (!header) throw new BadRequestException('The CSV is empty: it needs a header row');
  const columns = header.map((name) => {
    const column = COLUMN_OF.get(name.trim().toLowerCase());
    if (!column) {
      throw new BadRequestException(
        `Unknown CSV column "${name}"; the columns are ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(', ')}`,
      );
    }
    return column;
  });
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) throw new BadRequestException(`The CSV column "${duplicate}" appears twice`);
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new BadRequestException(`The CSV lacks the column(s) ${missing.join(', ')}`);

  return data.map((record) => {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i < 0 ? '' : record[i].trim();
    };
    const urgent = cell('urgent').toLowerCase();
    const emails = cell('proposerEmails').split(NAME_SEPARATOR);
    const sessionName = cell('sessionName');
    return {
      kind: cell('kind'),
      sessionCode: cell('sessionCode'),
      ...(sessionName === '' ? {} : { sessionName }),
      number: cell('number'),
      title: cell('title'),
      proposers: split(cell('proposers'), NAME_SEPARATOR).map((name, i) => {
        const email = emails[i]?.trim();
        return { name, lead: i === 0, ...(email ? { email } : {}) };
      }),
      body: cell('body'),
      suggestionPoints: split(cell('suggestionPoints'), POINT_SEPARATOR).map((text, i) => ({ seq: i + 1, text })),
      // Anything but true/false is left as written, for the row's validation to reject.
      ...(urgent === '' ? {} : { urgent: urgent === 'true' ? true : urgent === 'false' ? false : cell('urgent') }),
    };
  });
}

function split(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
