/**
 * Just enough CSV (RFC 4180) to split a session file into rows in the browser, so it can be
 * sent in chunks with a progress bar. The server still reads every chunk itself (its parser
 * decides what a row means); this reader agrees with it on where rows begin and end: a byte
 * order mark is dropped, fields may be quoted ("" is a quote inside quotes) and hold commas and
 * line breaks, lines end in \n, \r\n or \r, and empty lines and rows of empty cells are no rows.
 */
export interface CsvRecord {
  fields: string[];
  /** The file line the record starts on (1-based), to point at a broken one. */
  line: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly reason: 'unclosed-quote' | 'quote-in-field' | 'text-after-quote',
    readonly line: number,
  ) {
    super(`${reason} at line ${line}`);
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    const empty = fields.every((f) => f.trim() === '');
    if (!empty) records.push({ fields, line: recordLine });
    fields = [];
  };

  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        wasQuoted = true;
        i++;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError('text-after-quote', line);
        }
        continue;
      }
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new CsvSyntaxError('quote-in-field', line);
      quoted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      endField();
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      // An empty line is no record (but a line of only commas is a record of empty cells, skipped too).
      if (fields.length > 0 || field !== '' || wasQuoted) endRecord();
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (quoted) throw new CsvSyntaxError('unclosed-quote', recordLine);
  if (fields.length > 0 || field !== '' || wasQuoted) endRecord();
  return records;
}

/** Rows back to CSV text, every field quoted (so commas, quotes and line breaks survive). */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
}
