import { HOSTILE_CASE, READ_BACK_CASES, letterInput } from '../../test/letter-fixtures';
import { docxParagraphs, docxPart } from '../../test/read-back';
import { buildReplyLetter, letterBlocks, letterLines, type LetterBlockRole, type ReplyLetter } from './reply-letter';
import { renderLetterDocx } from './render-letter-docx';

const XML_UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

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
      .map((m) => m[1].replace(/&(amp|lt|gt|quot|apos);/g, (e) => XML_UNESCAPES[e]))
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
      const paragraphs = xmlParagraphs(docxPart(docx, 'word/document.xml'));
      const blocks = letterBlocks(letter);
      expect(paragraphs.map((p) => p.text)).toEqual(blocks.map((b) => b.text));

      const withRole = (roles: LetterBlockRole[]) => paragraphs.filter((_, i) => roles.includes(blocks[i].role));
      for (const p of withRole(['issuer', 'document-number', 'title'])) {
        expect(p.properties).toContain('<w:jc w:val="center"/>');
      }
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

  it('sets an A4 page with the margins of GB/T 9704 (37/35/28/26 mm)', () => {
    const xml = docxPart(renderedCase(READ_BACK_CASES[0].name).docx, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
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
