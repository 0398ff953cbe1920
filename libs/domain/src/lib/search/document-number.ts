/**
 * A document number (文号) as typed into a search box: `〔2026〕12号` (any issuer) or the full
 * form `市农发〔2026〕12号` (that issuer). Signed replies are numbered as issuer code, year in
 * 〔〕 and sequence, 号 (see the persistence's `formatDocumentNumber`); people type the brackets
 * as 〔〕, [], ［］, (), （）, 【】 or 〖〗 and often leave out 号, so all of these are read.
 * Anything else (a title word, a proposal number) is not a document number: `null`.
 */
export interface DocumentNumberQuery {
  /** Absent: any issuer (only the year and the sequence were typed). */
  issuerCode?: string;
  year: number;
  sequence: number;
}

const DOCUMENT_NUMBER = /^(\S{0,32}?)[〔[［(（【〖]\s*(\d{4})\s*[〕\]］)）】〗]\s*第?\s*(\d{1,9})\s*号?$/u;

export function parseDocumentNumber(text: string): DocumentNumberQuery | null {
  const m = DOCUMENT_NUMBER.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const issuerCode = m[1];
  // NFKC turned full-width brackets into ASCII ones; an issuer code holds no brackets.
  if (/[[\]()〔〕【】〖〗]/u.test(issuerCode)) return null;
  const year = Number(m[2]);
  const sequence = Number(m[3]);
  if (sequence < 1) return null;
  return { ...(issuerCode ? { issuerCode } : {}), year, sequence };
}
