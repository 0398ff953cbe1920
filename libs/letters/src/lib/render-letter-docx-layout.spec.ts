import { READ_BACK_CASES } from '../../test/letter-fixtures';
import { pdfLines, readPdfs, requireLetterFonts, type PdfLine } from '../../test/read-back';
import { docxToPdf, readRedRules, type RedRule } from '../../test/word-processor';
import {
  BODY_LINE_PITCH_PT,
  BODY_SIZE_PT,
  LETTERHEAD,
  MARGINS_MM,
  PAGE_MM,
  PT_PER_MM,
  TITLE_SIZE_PT,
} from './letter-layout';
import { buildReplyLetter, type ReplyLetter } from './reply-letter';
import { renderLetterDocx } from './render-letter-docx';
import { renderLetterPdf } from './render-letter-pdf';

const A4_HEIGHT_PT = 841.89;
const mm = (pt: number) => pt / PT_PER_MM;
/** The ideographic em box's top, EM_BOX_ASCENT (0.88) of the size above the baseline, in mm from the page's top. */
const emTopMm = (line: PdfLine, sizePt: number) => mm(A4_HEIGHT_PT - line.y - 0.88 * sizePt);
const baselineMm = (line: PdfLine) => mm(A4_HEIGHT_PT - line.y);

/**
 * The DOCX laid out by a real word processor: LibreOffice Writer converts it to PDF, and the
 * positions of its lines are read back. The 版头 must sit where GB/T 9704-2012 10.2 puts it
 * (the issuer's top 30 mm below the page's top edge) and where the PDF rendering puts it, and
 * the later pages keep the 37 mm top margin (the 版头 is the first page's header).
 */
describe('the DOCX as LibreOffice lays it out', () => {
  const cases = [READ_BACK_CASES[0], READ_BACK_CASES[2]];
  const letters: ReplyLetter[] = cases.map(({ input }) => buildReplyLetter(input));
  let docxLines: PdfLine[][];
  let pdfkitLines: PdfLine[][];
  let docxRules: RedRule[][][];

  beforeAll(async () => {
    const fonts = requireLetterFonts();
    const docxPdfs = await docxToPdf(await Promise.all(letters.map((letter) => renderLetterDocx(letter))));
    const ownPdfs = await Promise.all(letters.map((letter) => renderLetterPdf(letter, fonts)));
    docxLines = (await readPdfs(docxPdfs)).map(pdfLines);
    docxRules = await readRedRules(docxPdfs);
    pdfkitLines = (await readPdfs(ownPdfs)).map(pdfLines);
  }, 240_000);

  const first = (lines: PdfLine[], page: number, text: string) => {
    const found = lines.find((l) => l.page === page && l.text.replace(/\s+/g, '').startsWith(text.replace(/\s+/g, '')));
    if (!found) {
      throw new Error(`no line starting ${text} on page ${page}: ${lines.filter((l) => l.page === page).map((l) => l.text).join(' | ')}`);
    }
    return found;
  };

  describe.each(cases.map(({ name }, i) => ({ name, i })))('$name', ({ i }) => {
    it('puts the issuer 30 mm from the page top, on the first page only', () => {
      const letter = letters[i];
      const issuer = first(docxLines[i], 1, letter.issuer);
      expect(emTopMm(issuer, TITLE_SIZE_PT)).toBeGreaterThan(LETTERHEAD.issuerTopMm - 1);
      expect(emTopMm(issuer, TITLE_SIZE_PT)).toBeLessThan(LETTERHEAD.issuerTopMm + 1);
      // (The signature names the issuer too, in the body's size.)
      const letterheads = docxLines[i].filter(
        (l) => l.text.replace(/\s+/g, '') === letter.issuer && l.size > TITLE_SIZE_PT - 1,
      );
      expect(letterheads.map((l) => l.page)).toEqual([1]);
    });

    it('sets the class marker, issuer, document number and title where the PDF does, within 1 mm', () => {
      const letter = letters[i];
      const titleStart = letter.title.slice(0, 6);
      for (const text of [letter.classMarker, letter.issuer, letter.documentNumber, titleStart]) {
        const docx = baselineMm(first(docxLines[i], 1, text));
        const pdf = baselineMm(first(pdfkitLines[i], 1, text));
        expect({ text, offMm: Math.abs(docx - pdf) < 1 ? 'under 1' : docx - pdf }).toEqual({ text, offMm: 'under 1' });
      }
    });
  });

  it('draws the red double rules 170 mm long, centred: 4 mm under the issuer and 20 mm above the foot, first page only', () => {
    for (const [i, letter] of letters.entries()) {
      const [firstPage, ...later] = docxRules[i];
      expect(later.flat()).toEqual([]);
      const upper = firstPage.filter((r) => r.top < 841.89 / 2);
      const lower = firstPage.filter((r) => r.top >= 841.89 / 2);
      for (const rule of [upper, lower]) {
        // Two lines each: thick and thin.
        expect(new Set(rule.map((r) => r.top.toFixed(1))).size).toBe(2);
        for (const r of rule) {
          expect(mm(r.left)).toBeCloseTo((PAGE_MM.width - LETTERHEAD.ruleLengthMm) / 2, 0);
          expect(mm(r.right - r.left)).toBeCloseTo(LETTERHEAD.ruleLengthMm, 0);
        }
      }
      const issuer = first(docxLines[i], 1, letter.issuer);
      const issuerFootMm = emTopMm(issuer, TITLE_SIZE_PT) + mm(TITLE_SIZE_PT);
      const upperTopMm = mm(Math.min(...upper.map((r) => r.top)));
      expect(Math.abs(upperTopMm - issuerFootMm - LETTERHEAD.ruleGapMm)).toBeLessThan(1);
      const lowerFootMm = PAGE_MM.height - mm(Math.max(...lower.map((r) => r.bottom)));
      expect(Math.abs(lowerFootMm - LETTERHEAD.bottomRuleFromPageBottomMm)).toBeLessThan(1);
    }
  });

  it('keeps the closing, signature and date on one page, with the copy list (版记) at the foot of the last', () => {
    for (const [i, letter] of letters.entries()) {
      const lines = docxLines[i];
      const squashed = (l: PdfLine) => l.text.replace(/\s+/g, '');
      // The signature is the issuer's name again, in the body's size: the last such line.
      const signature = lines.filter((l) => squashed(l) === letter.signature && l.size < TITLE_SIZE_PT - 1).at(-1);
      const date = lines.find((l) => squashed(l) === letter.date.replace(/\s+/g, ''));
      expect([signature?.page, date?.page]).toEqual([date?.page, signature?.page]);
      expect(date).toBeDefined();
      // …with the closing paragraph's last line: they are never alone on a page.
      const closing = letter.closing.replace(/\s+/g, '');
      const closingEnd = lines.filter((l) => squashed(l).length > 1 && closing.endsWith(squashed(l))).at(-1);
      expect(closingEnd?.page).toBe(signature?.page);
      const last = Math.max(...lines.map((l) => l.page));
      const copy = lines.filter((l) => l.page === last && !/^— \d+ —$/.test(l.text.trim())).at(-1);
      expect(copy && letter.copyTo.replace(/\s+/g, '').endsWith(squashed(copy))).toBe(true);
      // Its last line is the text area's last: its baseline within one line of the bottom margin.
      const bottomMm = 297 - MARGINS_MM.bottom;
      expect(copy && baselineMm(copy)).toBeGreaterThan(bottomMm - mm(BODY_LINE_PITCH_PT));
      expect(copy && baselineMm(copy)).toBeLessThanOrEqual(bottomMm);
    }
  });

  it('starts every later page at the 37 mm margin, numbered — n — from the second', () => {
    const lines = docxLines[1];
    const pages = Math.max(...lines.map((l) => l.page));
    expect(pages).toBeGreaterThan(2);
    const pitchMm = mm(BODY_LINE_PITCH_PT);
    for (let page = 2; page <= pages; page++) {
      const top = lines.find((l) => l.page === page);
      if (!top) throw new Error(`page ${page} has no text`);
      // The first line of the text area: its line is 37 mm … 37 mm + one pitch from the top.
      expect(emTopMm(top, BODY_SIZE_PT)).toBeGreaterThanOrEqual(MARGINS_MM.top);
      expect(baselineMm(top)).toBeLessThanOrEqual(MARGINS_MM.top + pitchMm);
      // Its number where the PDF has it (7 mm below the text area), within 1 mm.
      const number = lines.find((l) => l.page === page && l.text.trim() === `— ${page} —`);
      const pdfNumber = pdfkitLines[1].find((l) => l.page === page && l.text.trim() === `— ${page} —`);
      expect(number && pdfNumber && Math.abs(baselineMm(number) - baselineMm(pdfNumber))).toBeLessThan(1);
    }
    expect(lines.filter((l) => l.page === 1).map((l) => l.text.trim())).not.toContain('— 1 —');
  });
});
