import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { fontCollectionFaces, isFontCollection, preferredChineseFace, type LetterFontFiles } from './cjk-font';
import {
  BLOCK_STYLES,
  BODY_LINE_PITCH_PT,
  BODY_SIZE_PT,
  LETTERHEAD,
  MARGINS_MM,
  PAGE_NUMBER,
  PT_PER_MM,
  pageNumberText,
  type BlockStyle,
  type LetterFace,
} from './letter-layout';
import { breakParagraph, breakTitle, type SetLine } from './line-breaking';
import { letterBlocks, type LetterBlock, type ReplyLetter } from './reply-letter';
import type { OfficialDocument } from './official-document';

export interface RenderLetterPdfOptions {
  /** The face to use from a font collection (.ttc), by PostScript name; chosen when absent. */
  fontFace?: string;
}

const FACES: readonly LetterFace[] = ['title', 'body', 'heading'];
/** The ideographic em box reaches 0.88 of the size above the baseline (as in Noto CJK and most CJK fonts). */
const EM_BOX_ASCENT = 0.88;
const mm = (value: number) => value * PT_PER_MM;

/**
 * Font files read once per process (CJK fonts are 10–30 MB; a letter reads up to three). A
 * cache only: a font file changes with a package upgrade, and a restart picks that up.
 */
const fontFiles = new Map<string, Promise<Buffer>>();

function readFontFile(fontPath: string): Promise<Buffer> {
  let data = fontFiles.get(fontPath);
  if (!data) {
    data = readFile(fontPath);
    fontFiles.set(fontPath, data);
    // A failed read is not kept: the next letter tries again.
    data.catch(() => fontFiles.delete(fontPath));
  }
  return data;
}

async function loadFont(fontPath: string, fontFace: string | undefined): Promise<{ data: Buffer; face?: string }> {
  const data = await readFontFile(fontPath);
  if (!isFontCollection(data)) return { data };
  const faces = fontCollectionFaces(data);
  const face = fontFace ?? preferredChineseFace(faces);
  if (!face || !faces.includes(face)) {
    throw new Error(`${fontPath} has no face ${fontFace ?? '(none readable)'}; it has: ${faces.join(', ') || 'none'}`);
  }
  return { data, face };
}

/** One line of the running text, set and ready to be placed on a page. */
interface FlowLine {
  block: LetterBlock;
  style: BlockStyle;
  set: SetLine;
  /** Offset of the line's start from the text area's left edge. */
  x: number;
  /** Space before it unless it opens a page. */
  spaceBeforePt: number;
  /** Must be on the same page as the line before it. */
  keepWithPrevious: boolean;
}

interface Placed {
  line: FlowLine;
  page: number;
  top: number;
}

/**
 * Pages the running text: line by line, breaking where a line no longer fits; a line that
 * must stay with the one before it takes that one along to the next page (and so on back).
 */
function paginate(lines: FlowLine[], firstTop: number, top: number, bottom: number): Placed[] {
  const placed: Placed[] = [];
  let page = 0;
  let y = firstTop;
  let pageStart = false;
  for (let i = 0; i < lines.length;) {
    const line = lines[i];
    const before = pageStart ? 0 : line.spaceBeforePt;
    if (!pageStart && y + before + line.style.linePitchPt > bottom + 0.01) {
      let first = i;
      while (first > 0 && lines[first].keepWithPrevious && placed[first - 1].page === page) first--;
      // Moving the group helps only if something stays behind on this page.
      if (first < i && first > 0 && placed[first - 1].page === page) {
        placed.length = first;
        i = first;
      }
      page++;
      y = top;
      pageStart = true;
      continue;
    }
    placed[i] = { line, page, top: y + before };
    y += before + line.style.linePitchPt;
    pageStart = false;
    i++;
  }
  return placed;
}

/**
 * The letter as a PDF for filing, laid out in the letter format of GB/T 9704-2012 (信函格式):
 * the 版头 on the first page (issuer and red double rules), A4 with the standard's margins,
 * 22 lines of 三号 text a page, page numbers from the second page on, the signature and date
 * kept together with the closing paragraph, and the copy list (抄送, the 版记) at the foot of
 * the last page. Lines are broken and justified by line-breaking.ts. `fonts` is one CJK font
 * file for every face, or one per face (see findLetterFonts); their glyphs are embedded
 * (subset), so the letter reads the same everywhere and its text can be extracted.
 */
export async function renderLetterPdf(
  letter: ReplyLetter,
  fonts: string | LetterFontFiles,
  options: RenderLetterPdfOptions = {},
): Promise<Buffer> {
  return renderDocumentPdf(
    { title: letter.title, issuer: letter.issuer, blocks: letterBlocks(letter) },
    fonts,
    options,
  );
}

/**
 * Any official document written out as blocks (a reply letter, a 催办单, a 督办通报), laid out
 * as the letter is: the same 版头, page, text, pagination and 版记. The class marker, the
 * document number and the copy list are drawn only when the document has them.
 */
export async function renderDocumentPdf(
  document: OfficialDocument,
  fonts: string | LetterFontFiles,
  options: RenderLetterPdfOptions = {},
): Promise<Buffer> {
  const files: LetterFontFiles = typeof fonts === 'string' ? { title: fonts, body: fonts, heading: fonts } : fonts;
  // One font per distinct file: a single BANLI_CJK_FONT for every face is read and embedded once.
  const paths = [...new Set(FACES.map((face) => files[face]))];
  const loaded = await Promise.all(paths.map((path) => loadFont(path, options.fontFace)));
  const fontName = (face: LetterFace) => `letter-font-${paths.indexOf(files[face])}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: {
      top: mm(MARGINS_MM.top),
      bottom: mm(MARGINS_MM.bottom),
      left: mm(MARGINS_MM.left),
      right: mm(MARGINS_MM.right),
    },
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: document.title, Author: document.issuer },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  paths.forEach((_, i) => doc.registerFont(`letter-font-${i}`, loaded[i].data, loaded[i].face));

  const left = mm(MARGINS_MM.left);
  const right = doc.page.width - mm(MARGINS_MM.right);
  const top = mm(MARGINS_MM.top);
  const bottom = doc.page.height - mm(MARGINS_MM.bottom);
  const textWidth = right - left;
  const use = (style: Pick<BlockStyle, 'face' | 'sizePt'>) => doc.font(fontName(style.face)).fontSize(style.sizePt);
  const measure = (text: string) => doc.widthOfString(text);

  /**
   * Draws a set line from x with the top of its characters' em box at y (so every font sits the
   * same: its baseline EM_BOX_ASCENT of the size below). Each atom is placed where the line
   * breaker measured it, alone, so a shaper's context (digits after Chinese take other widths
   * in some fonts) cannot move it, and the justification's extra space lands in CJK gaps only.
   */
  const draw = (set: SetLine, x: number, y: number, sizePt: number) => {
    let at = x;
    set.atoms.forEach((atom, k) => {
      doc.text(atom.text, at, y + EM_BOX_ASCENT * sizePt, { lineBreak: false, baseline: 'alphabetic' });
      at += atom.width + set.extraAfter[k];
    });
  };

  const setBlock = (block: LetterBlock, style: BlockStyle): { set: SetLine; x: number }[] => {
    use(style);
    const char = style.sizePt;
    const width = textWidth - style.rightIndentChars * char;
    if (block.role === 'copy-to') {
      // 版记 (GB/T 9704-2012 7.4): one character in from each side; a second line aligns with the
      // first character after the colon.
      const label = /^[^：]*：/.exec(block.text)?.[0] ?? '';
      const indent = style.firstLineIndentChars * char;
      const hang = indent + measure(label);
      const sets = breakParagraph(block.text, measure, {
        firstWidth: width - 2 * indent,
        width: width - indent - hang,
        justify: false,
      });
      return sets.map((set, i) => ({ set, x: i === 0 ? indent : hang }));
    }
    const sets =
      block.role === 'title' || block.role === 'issuer'
        ? breakTitle(block.text, measure, width)
        : breakParagraph(block.text, measure, {
            firstWidth: width - style.firstLineIndentChars * char,
            width,
            justify: style.align === 'justify',
          });
    return sets.map((set, i) => ({
      set,
      x:
        style.align === 'center'
          ? (width - set.width) / 2
          : style.align === 'right'
            ? width - set.width
            : i === 0
              ? style.firstLineIndentChars * char
              : 0,
    }));
  };

  const blocks = document.blocks;
  const byRole = (role: LetterBlock['role']) => blocks.filter((b) => b.role === role);

  // The 版头, first page: class marker above, issuer, thick-over-thin rule, document number at the right.
  const [classMarker] = byRole('class-marker');
  const issuerTop = mm(LETTERHEAD.issuerTopMm);
  if (classMarker) {
    use(BLOCK_STYLES['class-marker']);
    draw(
      setBlock(classMarker, BLOCK_STYLES['class-marker'])[0].set,
      left,
      issuerTop - 1.75 * BODY_SIZE_PT,
      BODY_SIZE_PT,
    );
  }
  const issuerStyle = BLOCK_STYLES.issuer;
  const issuerLines = setBlock(byRole('issuer')[0], issuerStyle);
  doc.fillColor(LETTERHEAD.color);
  issuerLines.forEach(({ set, x }, i) => {
    use(issuerStyle);
    draw(set, left + x, issuerTop + i * issuerStyle.linePitchPt, issuerStyle.sizePt);
  });
  doc.fillColor('black');
  const ruleTop =
    issuerTop + (issuerLines.length - 1) * issuerStyle.linePitchPt + issuerStyle.sizePt + mm(LETTERHEAD.ruleGapMm);
  const ruleLeft = (doc.page.width - mm(LETTERHEAD.ruleLengthMm)) / 2;
  const ruleRight = ruleLeft + mm(LETTERHEAD.ruleLengthMm);
  const doubleRule = (y: number, upper: number, lower: number) => {
    doc.save().strokeColor(LETTERHEAD.color);
    doc
      .lineWidth(upper)
      .moveTo(ruleLeft, y + upper / 2)
      .lineTo(ruleRight, y + upper / 2)
      .stroke();
    const lowerY = y + upper + LETTERHEAD.ruleGapPt + lower / 2;
    doc.lineWidth(lower).moveTo(ruleLeft, lowerY).lineTo(ruleRight, lowerY).stroke();
    doc.restore();
    return upper + LETTERHEAD.ruleGapPt + lower;
  };
  const ruleHeight = doubleRule(ruleTop, LETTERHEAD.thickRulePt, LETTERHEAD.thinRulePt);
  const numberStyle = BLOCK_STYLES['document-number'];
  const numberTop = ruleTop + ruleHeight + LETTERHEAD.documentNumberGapPt;
  const [numberBlock] = byRole('document-number');
  if (numberBlock) {
    const [numberLine] = setBlock(numberBlock, { ...numberStyle, align: 'right' });
    use(numberStyle);
    draw(numberLine.set, left + numberLine.x, numberTop, numberStyle.sizePt);
  }
  const bottomRuleHeight = LETTERHEAD.thinRulePt + LETTERHEAD.ruleGapPt + LETTERHEAD.thickRulePt;
  doubleRule(
    doc.page.height - mm(LETTERHEAD.bottomRuleFromPageBottomMm) - bottomRuleHeight,
    LETTERHEAD.thinRulePt,
    LETTERHEAD.thickRulePt,
  );

  // The running text, from the title to the disclosure line.
  const HEAD_ROLES = new Set(['class-marker', 'issuer', 'document-number', 'copy-to']);
  const flowBlocks = blocks.filter((b) => !HEAD_ROLES.has(b.role));
  const lastParagraph = flowBlocks.map((b) => b.role).lastIndexOf('paragraph');
  const flow: FlowLine[] = flowBlocks.flatMap((block, b) => {
    const style = BLOCK_STYLES[block.role];
    const previous = flowBlocks[b - 1]?.role;
    const lines = setBlock(block, style);
    return lines.map(({ set, x }, i): FlowLine => ({
      block,
      style,
      set,
      x,
      spaceBeforePt: i === 0 ? style.spaceBeforeLines * BODY_LINE_PITCH_PT : 0,
      keepWithPrevious:
        // The closing paragraph stays whole and the signature and date stay with it…
        (b === lastParagraph && i > 0) ||
        block.role === 'signature' ||
        block.role === 'date' ||
        // …a title and a heading never end a page alone.
        (i === 0 && (previous === 'section-heading' || previous === 'title')) ||
        (block.role === 'title' && i > 0) ||
        // …and no paragraph leaves its first or last line alone on a page (orphans and widows).
        i === 1 ||
        (i > 0 && i === lines.length - 1),
    }));
  });
  const placed = paginate(flow, numberTop + numberStyle.linePitchPt, top, bottom);

  // The 版记: the copy list at the foot of the last page, on a page of its own if the text leaves no room.
  const copyStyle = BLOCK_STYLES['copy-to'];
  const copyLines = byRole('copy-to').flatMap((block) => setBlock(block, copyStyle));
  let lastPage = placed.length > 0 ? placed[placed.length - 1].page : 0;
  const textEnd =
    placed.length > 0 ? placed[placed.length - 1].top + placed[placed.length - 1].line.style.linePitchPt : top;
  let copyTop = bottom - copyLines.length * copyStyle.linePitchPt;
  if (copyTop < textEnd + BODY_LINE_PITCH_PT) {
    lastPage++;
    copyTop = Math.max(top, copyTop);
  }

  for (let page = 0; page <= lastPage; page++) {
    if (page > 0) doc.addPage();
    for (const { line, top: y } of placed.filter((p) => p.page === page)) {
      use(line.style);
      draw(line.set, left + line.x, y, line.style.sizePt);
    }
    if (page === lastPage) {
      use(copyStyle);
      copyLines.forEach(({ set, x }, i) => draw(set, left + x, copyTop + i * copyStyle.linePitchPt, copyStyle.sizePt));
    }
    if (page > 0) {
      const number = page + 1;
      const style = { face: 'title' as const, sizePt: PAGE_NUMBER.sizePt };
      use(style);
      const text = pageNumberText(number);
      const width = measure(text);
      const inset = PAGE_NUMBER.insetChars * PAGE_NUMBER.sizePt;
      const x = number % 2 === 1 ? right - inset - width : left + inset;
      // The dashes (at about a third of the size above the baseline) 7 mm below the text area.
      doc.text(text, x, bottom + mm(PAGE_NUMBER.belowTextAreaMm) + PAGE_NUMBER.sizePt * 0.3, {
        lineBreak: false,
        baseline: 'alphabetic',
      });
    }
  }
  doc.end();
  return finished;
}
