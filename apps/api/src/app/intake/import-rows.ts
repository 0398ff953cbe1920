import { BadRequestException } from '@nestjs/common';
import { csvRecords, ImportFormat, importRowsOf as readImportRows } from '../common/import-rows';

/** One request imports at most this many proposals (a national session is about 5,000). */
export const MAX_IMPORT_ROWS = 10_000;

const PROPOSALS: ImportFormat<unknown> = {
  what: 'the proposals',
  maxRows: MAX_IMPORT_ROWS,
  fromJson: rowsOfJson,
  fromCsv: rowsOfCsv,
};

/**
 * The rows of an import request, each still unvalidated: the `proposals` array of a JSON body,
 * or the records of a CSV file turned into the same registration shape.
 */
export function importRowsOf(contentType: string | undefined, body: unknown): unknown[] {
  return readImportRows(PROPOSALS, contentType, body);
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

/** Proposers are separated by 、 or ;, the lead first; points by a line break or |. */
const NAME_SEPARATOR = /[、;；]/;
const POINT_SEPARATOR = /\r?\n|\r|[|｜]/;

/** A CSV with a header row; each record becomes a registration as POST /api/proposals takes it. */
export function rowsOfCsv(text: string): unknown[] {
  return csvRecords<Column>(text, { required: REQUIRED_COLUMNS, optional: OPTIONAL_COLUMNS }).map((cell) => {
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
