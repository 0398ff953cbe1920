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
  requireLetterFonts,
  squash,
  type PdfLine,
  type PdfPage,
} from '../../test/read-back';
import type { LetterFontFiles } from './cjk-font';
import { MARGINS_MM, PT_PER_MM, pageNumberText } from './letter-layout';
import { buildReplyLetter, letterLines, type ReplyLetter } from './reply-letter';
import { renderLetterPdf } from './render-letter-pdf';

const A4 = [0, 0, 595.28, 841.89];
const LEFT = MARGINS_MM.left * PT_PER_MM;
const RIGHT = A4[2] - MARGINS_MM.right * PT_PER_MM;
const TOP = A4[3] - MARGINS_MM.top * PT_PER_MM;
const BOTTOM = MARGINS_MM.bottom * PT_PER_MM;
const CENTRE = (LEFT + RIGHT) / 2;
const BODY_CHAR = 16;
const PAGE_NUMBER = /^— \d+ —$/;

interface Rendered {
  letter: ReplyLetter;
  pdf: Buffer;
  pages: PdfPage[];
  /** The letter's text lines, without the page numbers. */
  lines: PdfLine[];
  pageNumbers: PdfLine[];
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
  let fonts: LetterFontFiles;
  const rendered = new Map<string, Rendered>();
  const renderedCase = (name: string) => {
    const found = rendered.get(name);
    if (!found) throw new Error(`${name} was not rendered`);
    return found;
  };

  beforeAll(async () => {
    font = requireCjkFont();
    fonts = requireLetterFonts();
    const letters = READ_BACK_CASES.map(({ input }) => buildReplyLetter(input));
    const pdfs = await Promise.all(letters.map((letter) => renderLetterPdf(letter, fonts)));
    const read = await readPdfs(pdfs);
    READ_BACK_CASES.forEach(({ name }, i) => {
      const all = pdfLines(read[i]);
      rendered.set(name, {
        letter: letters[i],
        pdf: pdfs[i],
        pages: read[i],
        lines: all.filter((line) => !PAGE_NUMBER.test(line.text)),
        pageNumbers: all.filter((line) => PAGE_NUMBER.test(line.text)),
      });
    });
  }, 30_000);

  describe.each(READ_BACK_CASES)('$name', ({ name }) => {
    it('reads back as the letter lines, in order and nothing else', () => {
      const { letter, lines } = renderedCase(name);
      const text = lines.map((l) => l.text).join('\n');
      expect(squash(text)).toBe(squash(letterLines(letter).join('')));
      expectLinesInOrder(text, letterLines(letter));
    });

    it('prints every page on A4, the text inside the margins of GB/T 9704 and the 版头 above them', () => {
      const { letter, pages, lines } = renderedCase(name);
      for (const page of pages) expect(page.view).toEqual(A4);
      const [classMarker, issuer, ...text] = lines;
      expect([classMarker.text, issuer.text]).toEqual([letter.classMarker, letter.issuer]);
      // The issuer's top edge 30 mm below the page's (GB/T 9704 10.2), so above the text area.
      expect(A4[3] - (issuer.y + issuer.size * 0.88)).toBeCloseTo(30 * PT_PER_MM, -1);
      expect(classMarker.y).toBeGreaterThan(issuer.y);
      for (const line of text) {
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

    it('centres the issuer and the title, the document number at the right; indents the body two characters', () => {
      const { letter, lines } = renderedCase(name);
      const texts = letterLines(letter);
      const blockLines = linesByBlock(lines, texts);
      const linesOf = (text: string) => blockLines[texts.indexOf(text)];
      const centred = [letter.issuer, letter.title].flatMap(linesOf);
      for (const line of centred) expect((line.x + line.right) / 2).toBeCloseTo(CENTRE, 0);
      expect(Math.abs(linesOf(letter.documentNumber)[0].right - RIGHT)).toBeLessThan(1);
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

    it('numbers every page but the first, — n — in 四号, odd pages at the right and even at the left', () => {
      const { pages, pageNumbers } = renderedCase(name);
      expect(pageNumbers.map((line) => [line.page, line.text])).toEqual(
        pages.slice(1).map((_, i) => [i + 2, pageNumberText(i + 2)]),
      );
      for (const line of pageNumbers) {
        expect(line.size).toBeCloseTo(14, 0);
        // Its dashes 7 mm below the text area, one character in from the text area's edge.
        expect(BOTTOM - (line.y + 14 * 0.3)).toBeCloseTo(7 * PT_PER_MM, -1);
        if (line.page % 2 === 1) expect(line.right).toBeCloseTo(RIGHT - 14, 0);
        else expect(line.x).toBeCloseTo(LEFT + 14, 0);
      }
    });

    it('keeps the signature and the date on one page, with the closing paragraph', () => {
      const { letter, lines } = renderedCase(name);
      const blockLines = linesByBlock(lines, letterLines(letter));
      // lastIndexOf: the signature is the issuer's name again.
      const pagesOf = (text: string) => blockLines[letterLines(letter).lastIndexOf(text)].map((line) => line.page);
      const [signaturePage] = pagesOf(letter.signature);
      expect(pagesOf(letter.date)).toEqual([signaturePage]);
      expect(pagesOf(letter.closing).at(-1)).toBe(signaturePage);
    });

    it('sets the copy list (the 版记) at the foot of the last page', () => {
      const { letter, pages, lines } = renderedCase(name);
      const copyLines = lines.filter((line) => line.page === pages.length).slice(-1);
      expect(squash(letter.copyTo).endsWith(squash(copyLines[0].text))).toBe(true);
      expect(copyLines[0].y - copyLines[0].size * 0.2).toBeLessThan(BOTTOM + 16);
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

  it('renders with one CJK font for every face too (BANLI_CJK_FONT alone)', async () => {
    const [page] = await readPdfs([await renderLetterPdf(buildReplyLetter(letterInput()), font)]);
    expect(
      squash(
        pdfLines(page)
          .map((l) => l.text)
          .join(''),
      ),
    ).toContain(squash(buildReplyLetter(letterInput()).title));
  });

  it('fails on a missing font file', async () => {
    await expect(renderLetterPdf(buildReplyLetter(letterInput()), '/nonexistent/font.ttf')).rejects.toThrow(/ENOENT/);
  });
});
