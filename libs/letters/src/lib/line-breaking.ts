/**
 * Line breaking for the letter's PDF, as Chinese typesetting does it (and as Word does for
 * the DOCX): a line may break between any two Chinese characters, never inside a run of
 * Latin letters or digits (`0571-87000000`, `5G`), never before closing punctuation
 * (，。）》…) nor after opening punctuation (（《“). Titles break only between words, found by
 * ICU's dictionary word segmenter (`Intl.Segmenter('zh', { granularity: 'word' })`), into
 * lines of balanced length.
 *
 * Justified lines take their slack only in the gaps between two Chinese characters, never
 * around a Latin or digit run: the fixed-width CJK glyphs absorb it invisibly, where stretching
 * a space would leave a hole beside the number.
 */

/** One glyph or unbreakable run, with its width at the size it is set in. */
export interface Atom {
  text: string;
  width: number;
  /** A full-width (CJK) character: slack may be put beside it. */
  cjk: boolean;
}

/** A set line: its atoms, their x offsets from the line's start, and its natural width. */
export interface SetLine {
  atoms: Atom[];
  /** Extra space after each atom (the justification), same length as `atoms`. */
  extraAfter: number[];
  width: number;
}

export type Measure = (text: string) => number;

const CJK =
  /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]|[\ud840-\ud87f][\udc00-\udfff]/u;
/** Characters that may not start a line (行首禁则). */
const NO_LINE_START = new Set('，。、；：？！）》」』〕】〉”’…—％·,.;:!?)]}%');
/** Characters that may not end a line (行尾禁则). */
const NO_LINE_END = new Set('（《「『〔【〈“‘([{');

const isCjk = (char: string) => CJK.test(char);

/** Splits text into atoms: each CJK character alone, each run of other non-space characters whole, each space alone. */
export function atomsOf(text: string, measure: Measure): Atom[] {
  const atoms: Atom[] = [];
  for (const match of text.matchAll(/\s|[^\s]/gu)) {
    const char = match[0];
    const last = atoms[atoms.length - 1];
    if (!isCjk(char) && !/\s/.test(char) && last && !last.cjk && !/\s/.test(last.text)) {
      last.text += char;
    } else {
      atoms.push({ text: char, width: 0, cjk: isCjk(char) });
    }
  }
  for (const atom of atoms) atom.width = measure(atom.text);
  return atoms;
}

/** Groups atoms into boxes a line may not break inside, by the punctuation rules. */
export function boxesOf(atoms: Atom[]): Atom[][] {
  const boxes: Atom[][] = [];
  let glueNext = false;
  for (const atom of atoms) {
    const first = atom.text[0];
    const glueToPrevious = boxes.length > 0 && (glueNext || NO_LINE_START.has(first));
    if (glueToPrevious) boxes[boxes.length - 1].push(atom);
    else boxes.push([atom]);
    glueNext = NO_LINE_END.has(atom.text[atom.text.length - 1]);
  }
  return boxes;
}

const widthOf = (atoms: Atom[]) => atoms.reduce((sum, a) => sum + a.width, 0);
const isSpace = (atom: Atom) => /^\s$/.test(atom.text);

function trimSpaces(atoms: Atom[]): Atom[] {
  let start = 0;
  let end = atoms.length;
  while (start < end && isSpace(atoms[start])) start++;
  while (end > start && isSpace(atoms[end - 1])) end--;
  return atoms.slice(start, end);
}

/** A box wider than a line is broken into its characters (a very long number or URL). */
function splitOversized(boxes: Atom[][], width: number, measure: Measure): Atom[][] {
  return boxes.flatMap((box) =>
    widthOf(box) <= width
      ? [box]
      : box.flatMap((atom) => [...atom.text].map((char) => [{ text: char, width: measure(char), cjk: atom.cjk }])),
  );
}

/** Greedy: as many boxes as fit on each line; the first line may be narrower (its indent). */
function fill(boxes: Atom[][], firstWidth: number, width: number): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  for (const box of boxes) {
    const limit = lines.length === 0 ? firstWidth : width;
    if (line.length > 0 && widthOf(trimSpaces([...line, ...box])) > limit + 0.01) {
      lines.push(trimSpaces(line));
      line = [];
    }
    line.push(...box);
  }
  if (line.length > 0 || lines.length === 0) lines.push(trimSpaces(line));
  return lines;
}

function set(atoms: Atom[], justifyTo: number | undefined): SetLine {
  const width = widthOf(atoms);
  const extraAfter = atoms.map(() => 0);
  if (justifyTo !== undefined && justifyTo > width) {
    const gaps = atoms.slice(0, -1).flatMap((atom, i) => (atom.cjk && atoms[i + 1].cjk ? [i] : []));
    for (const i of gaps) extraAfter[i] = (justifyTo - width) / gaps.length;
  }
  return { atoms, extraAfter, width };
}

/**
 * Breaks a paragraph into lines of at most `width` (the first `firstWidth`); with `justify`,
 * every line but the last is filled out to its width across its CJK glyph gaps only.
 */
export function breakParagraph(
  text: string,
  measure: Measure,
  { firstWidth, width, justify }: { firstWidth: number; width: number; justify: boolean },
): SetLine[] {
  const boxes = splitOversized(boxesOf(atomsOf(text, measure)), Math.min(firstWidth, width), measure);
  const lines = fill(boxes, firstWidth, width);
  return lines.map((atoms, i) =>
    set(atoms, justify && i < lines.length - 1 ? (i === 0 ? firstWidth : width) : undefined),
  );
}

const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** The words of a Chinese text by ICU's dictionary segmenter (`关于|加快|数字|经济|发展|的|提案`). */
export function chineseWords(text: string): string[] {
  return [...wordSegmenter.segment(text)].map((s) => s.segment);
}

/**
 * Breaks a title between words only, into as few lines as fit and of lengths as even as
 * possible (the 梯形/菱形 shapes official titles take, never one long line and a stub).
 */
export function breakTitle(text: string, measure: Measure, width: number): SetLine[] {
  const words = chineseWords(text).map((word): Atom => ({ text: word, width: measure(word), cjk: false }));
  const boxes = splitOversized(
    boxesOf(words).map((box) => [{ text: box.map((a) => a.text).join(''), width: widthOf(box), cjk: false }]),
    width,
    measure,
  );
  const lineCount = fill(boxes, width, width).length;
  // The narrowest measure that still needs no more lines: bisect between the even share and the full width.
  let low = widthOf(boxes.flat()) / lineCount;
  let high = width;
  for (let i = 0; i < 20; i++) {
    const mid = (low + high) / 2;
    if (fill(boxes, mid, mid).length <= lineCount) high = mid;
    else low = mid;
  }
  return fill(boxes, high, high).map((atoms) => set(atoms, undefined));
}

/** The line breaks `breakTitle` makes, as the title's pieces (for renderings that break explicitly). */
export function titleLines(text: string, measure: Measure, width: number): string[] {
  return breakTitle(text, measure, width).map((line) => line.atoms.map((a) => a.text).join(''));
}

/** An approximate measure for renderings without font metrics: CJK one em, anything else half. */
export function emMeasure(sizePt: number): Measure {
  return (text) => [...text].reduce((sum, char) => sum + (isCjk(char) ? sizePt : sizePt / 2), 0);
}
