/** Characters that take no room: zero-width spaces and joiners, marks, the BOM, soft hyphens, word joiners. */
const INVISIBLE = /[\s\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u180e]/gu;

/** Whether a text shows nothing at all (empty, blank, or only zero-width characters). */
export function isBlank(text: string | null | undefined): boolean {
  return !text || text.replace(INVISIBLE, '') === '';
}
