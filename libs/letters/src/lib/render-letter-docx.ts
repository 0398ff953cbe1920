import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  FrameAnchorType,
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
/** A double rule 170 mm long over the 156 mm text width: it reaches out 7 mm either side. */
const RULE_OUTSET = mmTwips((LETTERHEAD.ruleLengthMm - (PAGE_MM.width - MARGINS_MM.left - MARGINS_MM.right)) / 2);
/** Border widths in eighths of a point; the double-line styles draw both lines from one width. */
const RULE_SIZE = Math.round((LETTERHEAD.thickRulePt + LETTERHEAD.thinRulePt + LETTERHEAD.ruleGapPt) * 4);

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
function paragraphOf(block: LetterBlock, keepWithNext: boolean): Paragraph {
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
      line: twips(style.linePitchPt),
      lineRule: LineRuleType.EXACT,
      before:
        block.role === 'document-number'
          ? twips(LETTERHEAD.documentNumberGapPt)
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
          space: Math.round(LETTERHEAD.ruleGapMm * PT_PER_MM),
        },
      },
      indent: { left: -RULE_OUTSET, right: -RULE_OUTSET },
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
        spacing: { line: twips(PAGE_NUMBER.sizePt), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: pageNumberStyle.sizePt * 2, font })],
      }),
    ],
  });
}

/** The first page shows no number; its footer draws the 版头's lower rule, thin over thick. */
const firstPageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        indent: { left: -RULE_OUTSET, right: -RULE_OUTSET },
        border: { top: { style: BorderStyle.THIN_THICK_SMALL_GAP, size: RULE_SIZE, color: RED, space: 0 } },
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
  const blocks = doc.blocks;
  const roles = blocks.map((b) => b.role);
  const closing = roles.lastIndexOf('paragraph');
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
              // The page number's line (its dashes) 7 mm below the text area.
              footer: mmTwips(MARGINS_MM.bottom - PAGE_NUMBER.belowTextAreaMm) - twips(PAGE_NUMBER.sizePt),
            },
          },
        },
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
