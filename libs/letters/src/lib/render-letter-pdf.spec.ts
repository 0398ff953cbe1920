import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeFontCollection } from '../../test/font-collection';
import { READ_BACK_CASES, letterInput } from '../../test/letter-fixtures';
import {
  expectLinesInOrder,
  pdfLines,
  readPdfs,
  requireCjkFont,
  squash,
  type PdfLine,
  type PdfPage,
} from '../../test/read-back';
import { MARGINS_MM, PT_PER_MM } from './letter-layout';
import { buildReplyLetter, letterLines, type ReplyLetter } from './reply-letter';
import { renderLetterPdf } from './render-letter-pdf';

const A4 = [0, 0, 595.28, 841.89];
const LEFT = MARGINS_MM.left * PT_PER_MM;
const RIGHT = A4[2] - MARGINS_MM.right * PT_PER_MM;
const TOP = A4[3] - MARGINS_MM.top * PT_PER_MM;
const BOTTOM = MARGINS_MM.bottom * PT_PER_MM;
const CENTRE = (LEFT + RIGHT) / 2;
const BODY_CHAR = 16;

interface Rendered {
  letter: ReplyLetter;
  pdf: Buffer;
  pages: PdfPage[];
  lines: PdfLine[];
}

/**
 * The visual lines of each of the letter's blocks, walking both in order: every block must
 * start on a line of its own and fill its lines exactly.
 */
function linesByBlock(lines: PdfLine[], blocks: string[]): PdfLine[][] {
  let next = 0;
  return blocks.map((block) => {
    const own: PdfLine[] = [];
    let seen = '';
    while (seen.length < squash(block).length && next < lines.length) {
      own.push(lines[next]);
      seen += squash(lines[next++].text);
    }
    if (seen !== squash(block)) throw new Error(`expected the lines of "${block}", read "${seen}"`);
    return own;
  });
}

describe('renderLetterPdf', () => {
  let font: string;
  const rendered = new Map<string, Rendered>();
  const renderedCase = (name: string) => {
    const found = rendered.get(name);
    if (!found) throw new Error(`${name} was not rendered`);
    return found;
  };

  beforeAll(async () => {
    font = requireCjkFont();
    const letters = READ_BACK_CASES.map(({ input }) => buildReplyLetter(input));
    const pdfs = await Promise.all(letters.map((letter) => renderLetterPdf(letter, font)));
    const read = await readPdfs(pdfs);
    READ_BACK_CASES.forEach(({ name }, i) => {
      rendered.set(name, { letter: letters[i], pdf: pdfs[i], pages: read[i], lines: pdfLines(read[i]) });
    });
  }, 30_000);

  describe.each(READ_BACK_CASES)('$name', ({ name }) => {
    it('reads back as the letter lines, in order and nothing else', () => {
      const { letter, lines } = renderedCase(name);
      const text = lines.map((l) => l.text).join('\n');
      expect(squash(text)).toBe(squash(letterLines(letter).join('')));
      expectLinesInOrder(text, letterLines(letter));
    });

    it('prints every page on A4, inside the margins of GB/T 9704', () => {
      const { pages, lines } = renderedCase(name);
      for (const page of pages) expect(page.view).toEqual(A4);
      for (const line of lines) {
        expect(line.x).toBeGreaterThanOrEqual(LEFT - 0.5);
        expect(line.right).toBeLessThanOrEqual(RIGHT + 0.5);
        expect(line.y + line.size * 0.8).toBeLessThanOrEqual(TOP + 0.5);
        expect(line.y - line.size * 0.2).toBeGreaterThanOrEqual(BOTTOM - 0.5);
      }
    });

    it('embeds the CJK font, so the glyphs travel with the file', () => {
      const raw = renderedCase(name).pdf.toString('latin1');
      expect(raw).toMatch(/\/FontFile[23]\b/);
      expect(raw).toMatch(/\/Subtype \/Type0/);
      expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    });

    it('centres the issuer, the document number and the title; indents the body two characters', () => {
      const { letter, lines } = renderedCase(name);
      const texts = letterLines(letter);
      const blockLines = linesByBlock(lines, texts);
      const linesOf = (text: string) => blockLines[texts.indexOf(text)];
      const centred = [letter.issuer, letter.documentNumber, letter.title].flatMap(linesOf);
      for (const line of centred) expect((line.x + line.right) / 2).toBeCloseTo(CENTRE, 0);
      expect(linesOf(letter.title)[0].size).toBe(22);

      const [salutation] = linesOf(letter.salutation);
      expect(salutation.x).toBeCloseTo(LEFT, 1);
      const opening = linesOf(letter.opening);
      expect(opening.length).toBeGreaterThan(1);
      expect(opening[0].x).toBeCloseTo(LEFT + 2 * BODY_CHAR, 1);
      expect(opening[1].x).toBeCloseTo(LEFT, 1);
      for (const subPoint of letter.sections.flatMap((s) => s.subPoints)) {
        expect(linesOf(subPoint)[0].x).toBeCloseTo(LEFT + 2 * BODY_CHAR, 1);
      }
      expect(linesOf(letter.date)[0].right).toBeCloseTo(RIGHT - 2 * BODY_CHAR, 0);
    });
  });

  it('spreads a long letter over several pages', () => {
    const twelve = renderedCase(READ_BACK_CASES[2].name);
    expect(twelve.pages.length).toBeGreaterThan(2);
  });

  it('refuses a face the font collection does not have, naming the ones it has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'banli-font-'));
    try {
      const ttc = join(dir, 'fake.ttc');
      await writeFile(ttc, fakeFontCollection(['FakeSans', 'FakeSerif']));
      await expect(renderLetterPdf(buildReplyLetter(letterInput()), ttc, { fontFace: 'NoSuchFace' })).rejects.toThrow(
        'fake.ttc has no face NoSuchFace; it has: FakeSans, FakeSerif',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails on a missing font file', async () => {
    await expect(renderLetterPdf(buildReplyLetter(letterInput()), '/nonexistent/font.ttf')).rejects.toThrow(/ENOENT/);
  });
});
