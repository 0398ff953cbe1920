import { HOSTILE_CASE, READ_BACK_CASES, letterInput } from '../../test/letter-fixtures';
import { docxFirstHeader, docxParagraphs, docxPart, docxParts, unescapeXml } from '../../test/read-back';
import { emMeasure, titleLines } from './line-breaking';
import { buildReplyLetter, letterBlocks, letterLines, type LetterBlockRole, type ReplyLetter } from './reply-letter';
import { DOCX_LETTERHEAD, renderLetterDocx } from './render-letter-docx';

interface XmlParagraph {
  properties: string;
  runProperties: string;
  text: string;
}

/** document.xml's paragraphs: their properties and their text. */
function xmlParagraphs(documentXml: string): XmlParagraph[] {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>/g)].map(([, inner]) => ({
    properties: /<w:pPr>(.*?)<\/w:pPr>/.exec(inner)?.[1] ?? '',
    runProperties: /<w:rPr>(.*?)<\/w:rPr>/.exec(inner)?.[1] ?? '',
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => unescapeXml(m[1]))
      .join(''),
  }));
}

describe('renderLetterDocx', () => {
  const rendered = new Map<string, { letter: ReplyLetter; docx: Buffer }>();
  const renderedCase = (name: string) => {
    const found = rendered.get(name);
    if (!found) throw new Error(`${name} was not rendered`);
    return found;
  };

  beforeAll(async () => {
    for (const { name, input } of READ_BACK_CASES) {
      const letter = buildReplyLetter(input);
      rendered.set(name, { letter, docx: await renderLetterDocx(letter) });
    }
  });

  describe.each(READ_BACK_CASES)('$name', ({ name }) => {
    it('reads back, paragraph by paragraph, as the letter lines', async () => {
      const { letter, docx } = renderedCase(name);
      expect(await docxParagraphs(docx)).toEqual(letterLines(letter));
    });

    it('lays each part out by its role', () => {
      const { letter, docx } = renderedCase(name);
      // The 版头 (class marker, issuer) is the first page's header; the rest is the body.
      const paragraphs = xmlParagraphs(docxFirstHeader(docx) + docxPart(docx, 'word/document.xml'));
      const blocks = letterBlocks(letter);
      expect(paragraphs.map((p) => p.text)).toEqual(blocks.map((b) => b.text));

      const withRole = (roles: LetterBlockRole[]) => paragraphs.filter((_, i) => roles.includes(blocks[i].role));
      for (const p of withRole(['issuer', 'title'])) {
        expect(p.properties).toContain('<w:jc w:val="center"/>');
      }
      expect(withRole(['document-number'])[0].properties).toContain('<w:jc w:val="right"/>');
      // The 版头: the issuer in red over a red double rule, thick over thin.
      expect(withRole(['issuer'])[0].runProperties).toContain('<w:color w:val="E60012"/>');
      expect(withRole(['issuer'])[0].properties).toMatch(/<w:bottom w:val="thickThinSmallGap"[^>]*w:color="E60012"/);
      // The closing paragraph stays whole and with the signature, which stays with the date.
      const closing = paragraphs[blocks.map((b) => b.role).lastIndexOf('paragraph')];
      expect(closing.text).toBe(letter.closing);
      for (const p of [closing, ...withRole(['signature'])]) {
        expect(p.properties).toContain('<w:keepNext/>');
        expect(p.properties).toContain('<w:keepLines/>');
      }
      // The copy list (版记) framed at the foot of the page.
      expect(withRole(['copy-to'])[0].properties).toMatch(/<w:framePr [^>]*w:yAlign="bottom"/);
      for (const p of withRole(['paragraph', 'sub-point', 'section-heading'])) {
        expect(p.properties).toMatch(/<w:ind [^>]*w:firstLine="640"/);
        expect(p.properties).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
      }
      for (const p of withRole(['class-marker', 'salutation'])) {
        expect(p.properties).not.toContain('w:firstLine');
        expect(p.properties).toContain('<w:jc w:val="left"/>');
      }
      for (const p of withRole(['signature', 'date'])) {
        expect(p.properties).toContain('<w:jc w:val="right"/>');
      }
      for (const p of withRole(['paragraph', 'sub-point', 'salutation', 'contact'])) {
        expect(p.runProperties).toContain('w:eastAsia="仿宋_GB2312"');
        expect(p.runProperties).toContain('<w:sz w:val="32"/>');
      }
      expect(withRole(['title'])[0].runProperties).toContain('<w:sz w:val="44"/>');
    });
  });

  it('breaks the title between words, explicitly, into balanced lines', () => {
    const { letter, docx } = renderedCase(READ_BACK_CASES[0].name);
    const title = xmlParagraphs(docxPart(docx, 'word/document.xml')).find((p) => p.text === letter.title);
    const xml = docxPart(docx, 'word/document.xml');
    const expected = titleLines(letter.title, emMeasure(22), 442);
    expect(expected.length).toBeGreaterThan(1);
    expect(title).toBeDefined();
    for (const [i, line] of expected.entries()) {
      expect(xml).toContain(
        i === 0 ? `<w:t xml:space="preserve">${line}</w:t>` : `<w:br/><w:t xml:space="preserve">${line}</w:t>`,
      );
    }
  });

  it('numbers the pages in the footer, — PAGE — in 四号 宋体: none on the first, odd at the right, even at the left', () => {
    const docx = renderedCase(READ_BACK_CASES[2].name).docx;
    const xml = docxPart(docx, 'word/document.xml');
    expect(docxPart(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    expect(xml).toContain('<w:titlePg/>');
    const rels = docxPart(docx, 'word/_rels/document.xml.rels');
    const footers = docxParts(docx, /^word\/footer\d+\.xml$/);
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(xml)?.[1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return footers[`word/${target}`];
    };
    for (const [type, side] of [
      ['default', 'right'],
      ['even', 'left'],
    ]) {
      const footer = footerOf(type);
      expect(footer).toContain(`<w:jc w:val="${side}"/>`);
      expect(footer).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/);
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toContain('w:eastAsia="宋体"');
    }
    expect(footerOf('first')).not.toContain('PAGE');
    // The lower rule, thin over thick, where the footers end: 20 mm above the page's foot.
    expect(footerOf('first')).toMatch(/<w:bottom w:val="thinThickSmallGap"/);
    expect(xml).toMatch(/<w:pgMar [^>]*w:footer="1134"/);
  });

  it('sets an A4 page with the margins of GB/T 9704 (37/35/28/26 mm)', () => {
    const xml = docxPart(renderedCase(READ_BACK_CASES[0].name).docx, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('puts the 版头 in the first page\'s header only, its distance from the top setting the issuer at 30 mm', () => {
    const { letter, docx } = renderedCase(READ_BACK_CASES[2].name);
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml.match(/<w:headerReference w:type="(\w+)"/g)).toEqual(['<w:headerReference w:type="first"']);
    expect(xml).toMatch(new RegExp(`<w:pgMar [^>]*w:header="${DOCX_LETTERHEAD.headerDistance}"`));
    const header = xmlParagraphs(docxFirstHeader(docx));
    expect(header.map((p) => p.text)).toEqual([letter.classMarker, letter.issuer]);
    expect(header[0].properties).toMatch(new RegExp(`<w:spacing [^>]*w:line="${DOCX_LETTERHEAD.classMarkerLine}" w:lineRule="exact"`));
    expect(header[1].properties).toMatch(new RegExp(`<w:spacing [^>]*w:line="${DOCX_LETTERHEAD.issuerLine}" w:lineRule="exact"`));
    // Header distance and the class marker's line: 20.1 mm, so the issuer's 36 pt line starts
    // 26.4 mm down and its characters (Noto CJK's descent) at 30 mm; LibreOffice's rendering of
    // this is measured in render-letter-docx-layout.spec.ts.
    const twipsToMm = (t: number) => (t / 20) * (25.4 / 72);
    expect(twipsToMm(DOCX_LETTERHEAD.headerDistance + DOCX_LETTERHEAD.classMarkerLine)).toBeCloseTo(26.4, 1);
    expect(header[1].properties).toMatch(
      new RegExp(`<w:bottom w:val="thickThinSmallGap"[^>]*w:space="${DOCX_LETTERHEAD.ruleSpacePt}"`),
    );
  });

  it('names a Chinese font for East Asian text in the document defaults too', () => {
    const styles = docxPart(renderedCase(READ_BACK_CASES[0].name).docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="仿宋_GB2312".*<\/w:docDefaults>/s);
  });

  it('keeps markup in the texts as text, so the document stays well-formed', async () => {
    const { docx } = renderedCase(HOSTILE_CASE.name);
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<w:p> ');
    expect((await docxParagraphs(docx)).filter((p) => p.includes('<script>alert("x")</script>'))).toHaveLength(5);
  });

  it('renders a letter of the default input', async () => {
    const letter = buildReplyLetter(letterInput());
    expect(await docxParagraphs(await renderLetterDocx(letter))).toEqual(letterLines(letter));
  });
});
