import { READ_BACK_CASES } from '../../test/letter-fixtures';
import { pdfLines, readPdfs, requireLetterFonts, type PdfLine } from '../../test/read-back';
import { docxToPdf } from '../../test/word-processor';
import { BODY_LINE_PITCH_PT, BODY_SIZE_PT, LETTERHEAD, MARGINS_MM, PT_PER_MM, TITLE_SIZE_PT } from './letter-layout';
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

  beforeAll(async () => {
    const fonts = requireLetterFonts();
    const docxPdfs = await docxToPdf(await Promise.all(letters.map((letter) => renderLetterDocx(letter))));
    const ownPdfs = await Promise.all(letters.map((letter) => renderLetterPdf(letter, fonts)));
    docxLines = (await readPdfs(docxPdfs)).map(pdfLines);
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
      expect(lines.filter((l) => l.page === page).map((l) => l.text.trim())).toContain(`— ${page} —`);
    }
    expect(lines.filter((l) => l.page === 1).map((l) => l.text.trim())).not.toContain('— 1 —');
  });
});
