/*
 * What Banli takes as text, everywhere (registration, opinions, drafts, names): one rule, used
 * by the API's input guard on every request and by the domain's own checks.
 * - Normalised to Unicode NFC at the door, so "é" typed one way or the other is one name.
 * - Refused: NUL, unpaired surrogates (not storable or not characters), control characters
 *   other than tab, line feed and carriage return (BEL, ESC … would reach terminals, logs and
 *   letters), and the bidirectional overrides, embeddings and isolates (U+202A–U+202E,
 *   U+2066–U+2069), which make a title display as something else ("exe.pdf").
 * - Names and titles must hold something visible: zero-width characters, the byte-order mark
 *   and white space alone are no name.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Characters that show nothing: zero-width space, joiners, marks, word joiner, BOM, soft hyphen, Mongolian vowel separator. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/g;

/** Why a text cannot be taken, or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (an unpaired surrogate)';
  const control = CONTROL.exec(text);
  if (control) return `contains a control character (U+${codePoint(control[0])})`;
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi)
    return `contains a bidirectional override or isolate (U+${codePoint(bidi[0])}), which changes how text is displayed`;
  return undefined;
}

/** The text as Banli keeps it: NFC. */
export function normalisedText(text: string): string {
  return text.normalize('NFC');
}

/** What a reader sees of a name or title: NFC, without invisible characters, trimmed. */
export function visibleText(text: string): string {
  return normalisedText(text).replace(INVISIBLE, '').trim();
}

/** Whether a name or title shows anything at all. */
export function hasVisibleText(text: unknown): text is string {
  return typeof text === 'string' && visibleText(text).length > 0;
}

function codePoint(c: string): string {
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
