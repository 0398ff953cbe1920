import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
  Header,
  HorizontalPositionAlign,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  VerticalPositionAlign,
} from 'docx';
import {
  BLOCK_STYLES,
  BODY_LINE_PITCH_PT,
  BODY_SIZE_PT,
  LETTERHEAD,
  MARGINS_MM,
  PAGE_MM,
  PAGE_NUMBER,
  PT_PER_MM,
  TWIPS_PER_PT,
  type BlockStyle,
  type LetterFace,
} from './letter-layout';
import { emMeasure, titleLines } from './line-breaking';
import { letterBlocks, type LetterBlock, type ReplyLetter } from './reply-letter';
import type { OfficialDocument } from './official-document';

/**
 * The fonts Chinese offices' Word and WPS installations have for official documents. Latin
 * letters and digits (document numbers, phone numbers) use Times New Roman, as is usual.
 */
export const DOCX_EAST_ASIA_FONTS: Readonly<Record<LetterFace, string>> = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading: '黑体',
};
/** The page numbers' face: 宋体 (GB/T 9704-2012 7.5). */
export const DOCX_PAGE_NUMBER_FONT = '宋体';
const LATIN_FONT = 'Times New Roman';
const RED = LETTERHEAD.color.replace('#', '').toUpperCase();

const twips = (pt: number) => Math.round(pt * TWIPS_PER_PT);
const mmTwips = (mm: number) => twips(mm * PT_PER_MM);
const TEXT_WIDTH_PT = (PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right) * PT_PER_MM;
/**
 * A double rule 170 mm long, centred on the page (GB/T 9704-2012 10.2), over the text area of
 * 156 mm (28 mm from the left, 26 from the right): it reaches out 8 mm left and 6 mm right.
 */
const RULE_LEFT_MM = (PAGE_MM.width - LETTERHEAD.ruleLengthMm) / 2;
const RULE_INDENT = {
  left: -mmTwips(MARGINS_MM.left - RULE_LEFT_MM),
  right: -mmTwips(MARGINS_MM.right - RULE_LEFT_MM),
};
/** Border widths in eighths of a point; the double-line styles draw both lines from one width. */
const RULE_SIZE = Math.round((LETTERHEAD.thickRulePt + LETTERHEAD.thinRulePt + LETTERHEAD.ruleGapPt) * 4);
/** The footers end 20 mm above the page's foot, where the lower rule of the first page's 版头 does. */
const FOOTER_DISTANCE = mmTwips(LETTERHEAD.bottomRuleFromPageBottomMm);

/**
 * Where a line's text sits in a line of exact height, as Word and LibreOffice set it: the line's
 * extra height goes above the text, whose foot is the font's descent below the baseline; the
 * ideographic em box reaches EM_BOX_ASCENT of the size above the baseline. The descent is the
 * font's: 0.288 of the size in Noto Serif/Sans CJK (Banli's default fonts, which the test that
 * renders the DOCX measures); Founder's and Microsoft's CJK fonts have about 0.12–0.14, which
 * puts their em box up to 1.3 mm lower in a 二号 line than reckoned here.
 */
const LINE_DESCENT_EM = 0.288;
const EM_BOX_ASCENT = 0.88;
/** From a line's top (exact height `linePt`) to the top of its characters' em box. */
const emTopInLine = (linePt: number, sizePt: number) => linePt - LINE_DESCENT_EM * sizePt - EM_BOX_ASCENT * sizePt;

/**
 * The first page's header holds the 版头 (GB/T 9704-2012 10.2): the class marker, then the
 * issuer with the red double rule under it, placed by the header's distance from the page's
 * top so that the issuer's characters start LETTERHEAD.issuerTopMm (30 mm) from the top edge.
 * The header is taller than the top margin, so Word (and LibreOffice) start the first page's
 * text below it, with the document number; later pages have no header and keep the 37 mm
 * margin. Exported for the tests, in twips.
 */
export const DOCX_LETTERHEAD = (() => {
  const issuerLinePt = BLOCK_STYLES.issuer.linePitchPt;
  /** As in the PDF: the class marker's em box 1.75 characters above the issuer's. */
  const classMarkerLinePt = 1.75 * BODY_SIZE_PT;
  const issuerLineTopPt = LETTERHEAD.issuerTopMm * PT_PER_MM - emTopInLine(issuerLinePt, BLOCK_STYLES.issuer.sizePt);
  return {
    headerDistance: twips(issuerLineTopPt - classMarkerLinePt),
    classMarkerLine: twips(classMarkerLinePt),
    issuerLine: twips(issuerLinePt),
    /**
     * The rule's distance below the issuer's line, in points (a border's `w:space`): 4 mm below
     * the characters' em box, whose foot is above the line's by the descent beyond the em box.
     */
    ruleSpacePt: Math.round(
      LETTERHEAD.ruleGapMm * PT_PER_MM - (LINE_DESCENT_EM - (1 - EM_BOX_ASCENT)) * BLOCK_STYLES.issuer.sizePt,
    ),
    /** Space before the document number's line: its em box LETTERHEAD.documentNumberGapPt below the rule. */
    documentNumberBefore: twips(
      Math.max(0, LETTERHEAD.documentNumberGapPt - emTopInLine(BODY_LINE_PITCH_PT, BODY_SIZE_PT)),
    ),
  };
})();

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

const run = (
  text: string,
  style: Pick<BlockStyle, 'face' | 'sizePt'>,
  extra: { color?: string; break?: number } = {},
) =>
  new TextRun({
    text,
    size: style.sizePt * 2,
    font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIA_FONTS[style.face] },
    language: { eastAsia: 'zh-CN' },
    ...extra,
  });

/**
 * One paragraph per part. Titles (and the issuer) are broken explicitly between words, into
 * balanced lines (line-breaking.ts; Word itself would break anywhere). The closing paragraph
 * is kept whole and with the signature and date, a heading with what follows; the copy list
 * (版记) is a frame at the foot of the page it falls on, the last.
 */
function paragraphOf(block: LetterBlock, keepWithNext: boolean, lineTwips?: number): Paragraph {
  const style: BlockStyle = BLOCK_STYLES[block.role];
  const charTwips = twips(style.sizePt);
  const indent = {
    // Word measures `firstLineChars` in hundredths of a character; `firstLine` is for readers that do not.
    ...(style.firstLineIndentChars > 0 && {
      firstLine: style.firstLineIndentChars * charTwips,
      firstLineChars: style.firstLineIndentChars * 100,
    }),
    ...(style.rightIndentChars > 0 && { right: style.rightIndentChars * charTwips }),
  };
  const broken = block.role === 'title' || block.role === 'issuer';
  const pieces = broken ? titleLines(block.text, emMeasure(style.sizePt), TEXT_WIDTH_PT) : [block.text];
  const color = block.role === 'issuer' ? { color: RED } : {};
  return new Paragraph({
    alignment: ALIGNMENTS[style.align],
    ...(Object.keys(indent).length > 0 && { indent }),
    spacing: {
      line: lineTwips ?? twips(style.linePitchPt),
      lineRule: LineRuleType.EXACT,
      before:
        block.role === 'document-number'
          ? DOCX_LETTERHEAD.documentNumberBefore
          : twips(style.spaceBeforeLines * BODY_LINE_PITCH_PT),
      after: 0,
    },
    ...(keepWithNext && { keepNext: true, keepLines: true }),
    ...(block.role === 'issuer' && {
      // The 版头's rule, thick over thin, 4 mm below the issuer and 170 mm long.
      border: {
        bottom: {
          style: BorderStyle.THICK_THIN_SMALL_GAP,
          size: RULE_SIZE,
          color: RED,
          space: DOCX_LETTERHEAD.ruleSpacePt,
        },
      },
      indent: RULE_INDENT,
    }),
    ...(block.role === 'copy-to' && {
      // One character in from each side; a second line aligns after the colon (GB/T 9704-2012 7.4).
      indent: {
        left: (style.firstLineIndentChars + copyLabelChars(block.text)) * charTwips,
        hanging: copyLabelChars(block.text) * charTwips,
        right: style.firstLineIndentChars * charTwips,
      },
      frame: {
        type: 'alignment' as const,
        alignment: { x: HorizontalPositionAlign.LEFT, y: VerticalPositionAlign.BOTTOM },
        anchor: { horizontal: FrameAnchorType.MARGIN, vertical: FrameAnchorType.MARGIN },
        width: twips(TEXT_WIDTH_PT),
      },
    }),
    children: pieces.map((piece, i) => run(piece, style, { ...color, ...(i > 0 && { break: 1 }) })),
  });
}

/** The characters of `抄送：` that a copy list's further lines hang under. */
const copyLabelChars = (text: string) => (/^[^：]*：/.exec(text)?.[0] ?? '').length;

/**
 * The page number's dashes 7 mm below the text area, as in the PDF: its baseline 0.3 of the size
 * below them, its line's foot the font's descent below that; raised above the footers' foot by this.
 */
const PAGE_NUMBER_RAISE =
  mmTwips(MARGINS_MM.bottom - PAGE_NUMBER.belowTextAreaMm) -
  twips((0.3 + LINE_DESCENT_EM) * PAGE_NUMBER.sizePt) -
  FOOTER_DISTANCE;

const pageNumberStyle = { face: 'body' as const, sizePt: PAGE_NUMBER.sizePt };

/** `— PAGE —` at the right (odd pages) or the left (even pages), one character in. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const inset = twips(PAGE_NUMBER.insetChars * PAGE_NUMBER.sizePt);
  const font = { ascii: DOCX_PAGE_NUMBER_FONT, hAnsi: DOCX_PAGE_NUMBER_FONT, eastAsia: DOCX_PAGE_NUMBER_FONT };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: inset } : { left: inset },
        spacing: { line: twips(PAGE_NUMBER.sizePt), lineRule: LineRuleType.EXACT, before: 0, after: PAGE_NUMBER_RAISE },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pageNumberStyle.sizePt * 2, font })],
      }),
    ],
  });
}

/**
 * The first page shows no number; its footer draws the 版头's lower rule, thin over thick, its
 * foot 20 mm above the page's bottom edge, where the section's footers end (the page numbers'
 * footers raise their line by the difference).
 */
const firstPageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        indent: RULE_INDENT,
        // A bottom border: word processors draw its thin-thick from the top down alike (a top
        // border's they may turn over, as LibreOffice does).
        border: { bottom: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: RULE_SIZE, color: RED, space: 0 } },
        spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [],
      }),
    ],
  });

/**
 * The letter as a Word document for filing, in the letter format of GB/T 9704-2012: A4 with
 * its margins, the 版头 (red issuer and double rules), page numbers in the footer from the
 * second page (odd at the right, even at the left), one paragraph per part.
 */
export async function renderLetterDocx(letter: ReplyLetter): Promise<Buffer> {
  return renderDocumentDocx({ title: letter.title, issuer: letter.issuer, blocks: letterBlocks(letter) });
}

/** Any official document written out as blocks, as a Word document laid out as the letter is. */
export async function renderDocumentDocx(doc: OfficialDocument): Promise<Buffer> {
  const all = doc.blocks;
  const head = all.filter((b) => b.role === 'class-marker' || b.role === 'issuer');
  const blocks = all.filter((b) => !head.includes(b));
  const roles = blocks.map((b) => b.role);
  const closing = roles.lastIndexOf('paragraph');
  const letterhead = new Header({
    children: head.map((block) =>
      paragraphOf(block, false, block.role === 'issuer' ? DOCX_LETTERHEAD.issuerLine : DOCX_LETTERHEAD.classMarkerLine),
    ),
  });
  const document = new Document({
    title: doc.title,
    creator: doc.issuer,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: BODY_SIZE_PT * 2,
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: DOCX_EAST_ASIA_FONTS.body },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: mmTwips(PAGE_MM.width), height: mmTwips(PAGE_MM.height) },
            margin: {
              top: mmTwips(MARGINS_MM.top),
              bottom: mmTwips(MARGINS_MM.bottom),
              left: mmTwips(MARGINS_MM.left),
              right: mmTwips(MARGINS_MM.right),
              header: DOCX_LETTERHEAD.headerDistance,
              footer: FOOTER_DISTANCE,
            },
          },
        },
        headers: { first: letterhead },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left'), first: firstPageFooter() },
        children: blocks.map((block, i) =>
          paragraphOf(
            block,
            i === closing || block.role === 'signature' || block.role === 'section-heading' || block.role === 'title',
          ),
        ),
      },
    ],
  });
  return Packer.toBuffer(document);
}
