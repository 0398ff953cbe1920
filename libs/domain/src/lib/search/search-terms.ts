import type { ProposalRegistration } from '../proposal';

/**
 * Full-text search terms, CJK-bigram style (as Lucene's CJKAnalyzer): Chinese is not written
 * with spaces and neither database segments it, so every run of CJK characters becomes its
 * overlapping two-character pairs (a lone character stays itself), and any other run of
 * letters and digits becomes one lowercased word. Punctuation and spaces only separate.
 *
 * Documents and queries go through this same function, and a document matches a query when
 * it holds every query term, so `数字经济` finds a text containing 数字, 字经 and 经济.
 */
export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  let cjkRun: string[] = [];
  let word = '';
  const endCjkRun = () => {
    if (cjkRun.length === 1) terms.add(cjkRun[0]);
    for (let i = 0; i + 1 < cjkRun.length; i++) terms.add(cjkRun[i] + cjkRun[i + 1]);
    cjkRun = [];
  };
  const endWord = () => {
    const folded = foldWord(word);
    if (folded) terms.add(folded);
    word = '';
  };
  // NFKC turns full-width letters and digits (ＡＢＣ１２３, common in Chinese text) into ASCII.
  for (const ch of text.normalize('NFKC')) {
    if (isCjk(ch)) {
      endWord();
      cjkRun.push(ch);
    } else if (WORD_CHAR.test(ch)) {
      endCjkRun();
      word += ch;
    } else {
      endCjkRun();
      endWord();
    }
  }
  endCjkRun();
  endWord();
  return [...terms];
}

/**
 * The index terms of a proposal, space-separated: everything a registrar or a unit would
 * search it by. Each field is its own text, so no bigram spans two fields.
 */
export function proposalSearchTerms(
  r: Pick<ProposalRegistration, 'title' | 'body' | 'suggestionPoints' | 'proposers' | 'sessionName' | 'number'>,
): string {
  return searchTerms(
    [
      r.title,
      r.body,
      ...r.suggestionPoints.map((p) => p.text),
      ...r.proposers.map((p) => p.name),
      r.sessionName,
      r.number,
    ].join('\n'),
  ).join(' ');
}

/** Longer words are cut, on documents and queries alike (PostgreSQL refuses lexemes over 2 KB). */
export const SEARCH_WORD_MAX_LENGTH = 64;

const CJK_CHAR = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const LATIN_WORD = /^[\p{scx=Latin}\p{N}\p{M}]+$/u;

/** Letters and digits of the CJK scripts (not their punctuation, such as 、。「」). */
function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch) && /[\p{L}\p{N}]/u.test(ch);
}

/** Lowercased; Latin accents dropped, as SQLite's unicode61 tokenizer does, so both databases agree. */
function foldWord(word: string): string {
  const lower = word.toLowerCase();
  const folded = LATIN_WORD.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC') : lower;
  return [...folded].slice(0, SEARCH_WORD_MAX_LENGTH).join('');
}

/** At most this many terms of a proposal are looked up to find similar ones (its title's first). */
export const SIMILARITY_TERMS_MAX = 200;

/**
 * The terms a similar proposal is ranked by: those of this proposal's title and body, any of
 * which may match (the more and rarer the matches, the more similar), the title's first so a
 * long body cannot crowd them out of the cap.
 */
export function similarityTerms(r: Pick<ProposalRegistration, 'title' | 'body'>): string[] {
  return [...new Set([...searchTerms(r.title), ...searchTerms(r.body)])].slice(0, SIMILARITY_TERMS_MAX);
}
