import { CsvSyntaxError, parseCsv, toCsv } from './csv';

/**
 * A session file (CSV or JSON) checked in the browser as far as its shape goes and cut into
 * chunks, each sent as its own `POST /api/proposals/import` (with its own idempotency key) so
 * the progress bar shows real progress. Whether each row is a valid proposal is the server's
 * call: it reports every row.
 */
export const REQUIRED_COLUMNS = [
  'kind',
  'sessionCode',
  'number',
  'title',
  'proposers',
  'body',
  'suggestionPoints',
] as const;
/**
 * `sessionName` is the session's own (older files carry it; the server checks it matches);
 * `proposerEmails` the proposers' addresses in their order.
 */
export const OPTIONAL_COLUMNS = ['sessionName', 'urgent', 'proposerEmails'] as const;
/** As the server: at most this many proposals in one import (a national session is about 5,000). */
export const MAX_ROWS = 10_000;
/** Chunks stay well under the server's 5 MB body limit. */
export const MAX_CHUNK_BYTES = 1_000_000;
export const MAX_CHUNK_ROWS = 100;

export type ImportFileProblem =
  | { code: 'empty' }
  | { code: 'not-csv-or-json' }
  | { code: 'json-shape' }
  | { code: 'json-syntax'; message: string }
  | { code: 'json-row-not-object'; row: number }
  | { code: 'csv-syntax'; reason: CsvSyntaxError['reason']; line: number }
  | { code: 'unknown-column'; column: string }
  | { code: 'duplicate-column'; column: string }
  | { code: 'missing-columns'; columns: string }
  | { code: 'row-length'; line: number; found: number; expected: number }
  | { code: 'no-rows' }
  | { code: 'too-many-rows'; rows: number };

export class ImportFileError extends Error {
  constructor(readonly problem: ImportFileProblem) {
    super(problem.code);
  }
}

/** What the user sees of a row before sending (and beside its result). */
export interface RowLabel {
  number: string;
  title: string;
  /** Where it is in the file: the CSV line, or the JSON array index + 1. */
  line: number;
}

export interface ImportChunk {
  /** Rows before this chunk: the server numbers rows from 1 within each request. */
  offset: number;
  count: number;
  contentType: 'text/csv' | 'application/json';
  body: string;
}

export interface PreparedImport {
  format: 'csv' | 'json';
  total: number;
  labels: RowLabel[];
  chunks: ImportChunk[];
}

/** Rows per request: at most 100, fewer for small files so that progress moves in steps. */
export function chunkRows(total: number): number {
  return Math.min(MAX_CHUNK_ROWS, Math.max(5, Math.ceil(total / 10)));
}

export function prepareImport(fileName: string, text: string): PreparedImport {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportFileError({ code: 'empty' });
  const lower = fileName.toLowerCase();
  const looksJson = /^\uFEFF?\s*[[{]/.test(text);
  if (lower.endsWith('.json') || (!lower.endsWith('.csv') && looksJson)) return prepareJson(text);
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || !looksJson) return prepareCsv(text);
  throw new ImportFileError({ code: 'not-csv-or-json' });
}

function prepareCsv(text: string): PreparedImport {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ImportFileError({ code: 'csv-syntax', reason: e.reason, line: e.line });
    throw e;
  }
  const [header, ...data] = records;
  if (!header) throw new ImportFileError({ code: 'empty' });
  const known = new Map<string, string>(
    [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c.toLowerCase(), c] as const),
  );
  const columns = header.fields.map((name) => {
    const column = known.get(name.trim().toLowerCase());
    if (!column) throw new ImportFileError({ code: 'unknown-column', column: name });
    return column;
  });
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) throw new ImportFileError({ code: 'duplicate-column', column: duplicate });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new ImportFileError({ code: 'missing-columns', columns: missing.join(', ') });
  for (const r of data) {
    if (r.fields.length !== columns.length) {
      throw new ImportFileError({
        code: 'row-length',
        line: r.line,
        found: r.fields.length,
        expected: columns.length,
      });
    }
  }
  checkCount(data.length);
  const at = (name: string) => columns.indexOf(name);
  const labels = data.map((r) => ({
    number: r.fields[at('number')].trim(),
    title: r.fields[at('title')].trim(),
    line: r.line,
  }));
  const chunks: ImportChunk[] = [];
  const size = chunkRows(data.length);
  const headerCsv = toCsv([header.fields]);
  let start = 0;
  while (start < data.length) {
    let end = Math.min(start + size, data.length);
    let body = headerCsv + toCsv(data.slice(start, end).map((r) => r.fields));
    // A chunk of long proposals is cut shorter, to stay under the body limit.
    while (end - start > 1 && new Blob([body]).size > MAX_CHUNK_BYTES) {
      end = start + Math.ceil((end - start) / 2);
      body = headerCsv + toCsv(data.slice(start, end).map((r) => r.fields));
    }
    chunks.push({ offset: start, count: end - start, contentType: 'text/csv', body });
    start = end;
  }
  return { format: 'csv', total: data.length, labels, chunks };
}

function prepareJson(text: string): PreparedImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ImportFileError({ code: 'json-syntax', message: (e as Error).message });
  }
  // {"proposals": [...]} as the API takes it, or simply the array.
  const rows = Array.isArray(parsed)
    ? parsed
    : typeof parsed === 'object' && parsed !== null && Array.isArray((parsed as { proposals?: unknown }).proposals)
      ? (parsed as { proposals: unknown[] }).proposals
      : null;
  if (!rows) throw new ImportFileError({ code: 'json-shape' });
  rows.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      throw new ImportFileError({ code: 'json-row-not-object', row: i + 1 });
    }
  });
  checkCount(rows.length);
  const labels = (rows as Record<string, unknown>[]).map((r, i) => ({
    number: typeof r['number'] === 'string' ? r['number'] : String(r['number'] ?? ''),
    title: typeof r['title'] === 'string' ? r['title'] : '',
    line: i + 1,
  }));
  const chunks: ImportChunk[] = [];
  const size = chunkRows(rows.length);
  let start = 0;
  while (start < rows.length) {
    let end = Math.min(start + size, rows.length);
    let body = JSON.stringify({ proposals: rows.slice(start, end) });
    while (end - start > 1 && new Blob([body]).size > MAX_CHUNK_BYTES) {
      end = start + Math.ceil((end - start) / 2);
      body = JSON.stringify({ proposals: rows.slice(start, end) });
    }
    chunks.push({ offset: start, count: end - start, contentType: 'application/json', body });
    start = end;
  }
  return { format: 'json', total: rows.length, labels, chunks };
}

function checkCount(rows: number): void {
  if (rows === 0) throw new ImportFileError({ code: 'no-rows' });
  if (rows > MAX_ROWS) throw new ImportFileError({ code: 'too-many-rows', rows });
}
