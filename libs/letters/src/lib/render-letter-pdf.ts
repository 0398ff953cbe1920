import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { fontCollectionFaces, isFontCollection, preferredChineseFace } from './cjk-font';
import { BLOCK_STYLES, BODY_LINE_PITCH_PT, MARGINS_MM, PT_PER_MM } from './letter-layout';
import { letterBlocks, type ReplyLetter } from './reply-letter';

export interface RenderLetterPdfOptions {
  /** The face to use from a font collection (.ttc), by PostScript name; chosen when absent. */
  fontFace?: string;
}

const FONT_NAME = 'letter-cjk';

async function loadFont(fontPath: string, fontFace: string | undefined): Promise<{ data: Buffer; face?: string }> {
  const data = await readFile(fontPath);
  if (!isFontCollection(data)) return { data };
  const faces = fontCollectionFaces(data);
  const face = fontFace ?? preferredChineseFace(faces);
  if (!face || !faces.includes(face)) {
    throw new Error(`${fontPath} has no face ${fontFace ?? '(none readable)'}; it has: ${faces.join(', ') || 'none'}`);
  }
  return { data, face };
}

/**
 * The letter as a PDF for filing: A4, GB/T 9704 margins, the title centred, body paragraphs
 * indented two characters. `fontPath` is a CJK TrueType/OpenType font (see findCjkFont); its
 * glyphs are embedded (subset), so the letter reads the same everywhere and its text can be
 * extracted. The letter's own text is all there is: no page furniture is added.
 */
export async function renderLetterPdf(
  letter: ReplyLetter,
  fontPath: string,
  options: RenderLetterPdfOptions = {},
): Promise<Buffer> {
  const font = await loadFont(fontPath, options.fontFace);
  const mm = (value: number) => value * PT_PER_MM;
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mm(MARGINS_MM.top),
      bottom: mm(MARGINS_MM.bottom),
      left: mm(MARGINS_MM.left),
      right: mm(MARGINS_MM.right),
    },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: letter.title, Author: letter.issuer },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.registerFont(FONT_NAME, font.data, font.face);
  doc.font(FONT_NAME);
  const left = doc.page.margins.left;
  const contentWidth = doc.page.width - left - doc.page.margins.right;

  for (const block of letterBlocks(letter)) {
    const style = BLOCK_STYLES[block.role];
    doc.fontSize(style.sizePt);
    if (style.spaceBeforeLines > 0) doc.y += style.spaceBeforeLines * BODY_LINE_PITCH_PT;
    doc.text(block.text, left, doc.y, {
      width: contentWidth - style.rightIndentChars * style.sizePt,
      align: style.align,
      indent: style.firstLineIndentChars * style.sizePt,
      lineGap: Math.max(0, style.linePitchPt - doc.currentLineHeight()),
    });
  }
  doc.end();
  return finished;
}
