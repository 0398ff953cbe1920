import { BadRequestException, PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse/sync';

/** How an import endpoint reads its body: the JSON envelope, the CSV records, and a row limit. */
export interface ImportFormat<Row> {
  /** What the import holds, for messages: "the proposals", "the organisation". */
  what: string;
  maxRows: number;
  fromJson(body: unknown): Row[];
  fromCsv(text: string): Row[];
}

/**
 * The rows of an import request, still unchecked: JSON or CSV by the request's media type.
 * Anything wrong with the request as a whole (neither format, unreadable CSV, unknown columns,
 * too many rows) is refused here with 400/413/415; what is wrong with one row is that row's
 * own result later.
 */
export function importRowsOf<Row>(format: ImportFormat<Row>, contentType: string | undefined, body: unknown): Row[] {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  let rows: Row[];
  if (mediaType === 'application/json') rows = format.fromJson(body);
  else if (mediaType === 'text/csv' && typeof body === 'string') rows = format.fromCsv(body);
  else throw new UnsupportedMediaTypeException(`Send ${format.what} as application/json or text/csv`);
  if (rows.length > format.maxRows) {
    throw new PayloadTooLargeException(
      `An import holds at most ${format.maxRows} rows; this one has ${rows.length}: split it`,
    );
  }
  return rows;
}

/** One CSV record, its cells by column name (trimmed; '' for a column the file does not have). */
export type CsvCells<Column extends string> = (column: Column) => string;

/**
 * The records of a CSV file with a header row, each as a lookup by column. Column names match
 * without regard to case; an unknown, repeated or missing required column refuses the file.
 * Rows of empty cells (spreadsheets often end with some) are no records.
 */
export function csvRecords<Column extends string>(
  text: string,
  columns: { required: readonly Column[]; optional: readonly Column[] },
): CsvCells<Column>[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, skip_records_with_empty_values: true });
  } catch (e) {
    if (e instanceof CsvError) throw new BadRequestException(`The CSV cannot be read: ${e.message}`);
    throw e;
  }
  const [header, ...data] = records;
  if (!header) throw new BadRequestException('The CSV is empty: it needs a header row');
  const all = [...columns.required, ...columns.optional];
  const columnOf = new Map<string, Column>(all.map((c) => [c.toLowerCase(), c] as const));
  const present = header.map((name) => {
    const column = columnOf.get(name.trim().toLowerCase());
    if (!column) throw new BadRequestException(`Unknown CSV column "${name}"; the columns are ${all.join(', ')}`);
    return column;
  });
  const duplicate = present.find((c, i) => present.indexOf(c) !== i);
  if (duplicate) throw new BadRequestException(`The CSV column "${duplicate}" appears twice`);
  const missing = columns.required.filter((c) => !present.includes(c));
  if (missing.length) throw new BadRequestException(`The CSV lacks the column(s) ${missing.join(', ')}`);
  return data.map((record) => (column: Column) => {
    const i = present.indexOf(column);
    return i < 0 ? '' : (record[i] ?? '').trim();
  });
}
