import { stringify } from 'csv-stringify/sync';

/**
 * The characters that make Excel, WPS or LibreOffice read a cell as a formula (or, for tab
 * and CR, hide the start of one), per OWASP "CSV Injection".
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe for a spreadsheet: one that would start a formula gets a leading
 * apostrophe, so it is shown as the text typed (OWASP's recommendation). Numbers stay numbers.
 */
export function spreadsheetSafe(cell: string | number | null | undefined): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Every CSV the API writes: UTF-8 with a byte-order mark (so Excel reads the Chinese), RFC 4180
 * quoting (csv-stringify), and each text cell made spreadsheet-safe. Nothing else in the API
 * imports csv-stringify (a test checks it).
 */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return '\uFEFF' + stringify(rows.map((r) => r.map(spreadsheetSafe)));
}
