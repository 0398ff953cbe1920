import type { LetterBlockRole } from './reply-letter';

/**
 * The page and the look of each part of the letter, after GB/T 9704-2012 (the national
 * standard for official documents), shared by the HTML, DOCX and PDF renderings so that
 * they agree: A4, margins 37/35/28/26 mm, body in 三号 (16 pt) 仿宋 at 22 lines a page,
 * the title in 二号 (22 pt) 小标宋, body paragraphs indented two characters.
 */
export const PAGE_MM = { width: 210, height: 297 } as const;
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;

export const BODY_SIZE_PT = 16;
export const TITLE_SIZE_PT = 22;
/** 22 lines fill the text area's height. */
export const BODY_LINE_PITCH_PT = ((PAGE_MM.height - MARGINS_MM.top - MARGINS_MM.bottom) / 22) * PT_PER_MM;
export const TITLE_LINE_PITCH_PT = 36;

/**
 * The 版头 of the letter format (信函格式, GB/T 9704-2012 10.2), first page only: the issuer's
 * name centred with its top 30 mm below the page's top edge, in red 小标宋; 4 mm below it a red
 * double rule, thick over thin, 170 mm long and centred; the document number flush with the
 * text area's right edge, 7/8 of a 三号 character below that rule; 20 mm above the page's
 * bottom edge a red double rule, thin over thick. The title comes two lines below the number.
 */
export const LETTERHEAD = {
  issuerTopMm: 30,
  ruleGapMm: 4,
  ruleLengthMm: 170,
  bottomRuleFromPageBottomMm: 20,
  /** Thick and thin line of the double rules, and the gap between them, in points. */
  thickRulePt: 2,
  thinRulePt: 0.75,
  ruleGapPt: 1.5,
  documentNumberGapPt: (BODY_SIZE_PT * 7) / 8,
  /** Red, as the standard recommends for the issuer and the rules. */
  color: '#e60012',
} as const;

/**
 * Page numbers (GB/T 9704-2012 7.5 and 10.2): 四号 (14 pt) half-width 宋体 Arabic numerals with a
 * dash (一字线) either side, `— 2 —`; the dashes 7 mm below the text area; odd pages at the
 * right, even pages at the left, one character in from the text area's edge. The letter
 * format shows no number on the first page (its pages are still counted).
 */
export const PAGE_NUMBER = { sizePt: 14, belowTextAreaMm: 7, insetChars: 1 } as const;

export const pageNumberText = (page: number) => `— ${page} —`;

/** Which typeface a part uses: 仿宋 for text, 小标宋 for the title and issuer, 黑体 for headings. */
export type LetterFace = 'body' | 'title' | 'heading';

export interface BlockStyle {
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent, in characters of the block's own size. */
  firstLineIndentChars: number;
  /** Space kept free at the right edge, in characters. */
  rightIndentChars: number;
  face: LetterFace;
  sizePt: number;
  linePitchPt: number;
  /** Empty body lines before the block. */
  spaceBeforeLines: number;
}

const body: BlockStyle = {
  align: 'justify',
  firstLineIndentChars: 2,
  rightIndentChars: 0,
  face: 'body',
  sizePt: BODY_SIZE_PT,
  linePitchPt: BODY_LINE_PITCH_PT,
  spaceBeforeLines: 0,
};
const flushLeft: BlockStyle = { ...body, align: 'left', firstLineIndentChars: 0 };
const display: BlockStyle = {
  ...body,
  align: 'center',
  firstLineIndentChars: 0,
  face: 'title',
  sizePt: TITLE_SIZE_PT,
  linePitchPt: TITLE_LINE_PITCH_PT,
};

export const BLOCK_STYLES: Readonly<Record<LetterBlockRole, BlockStyle>> = {
  'class-marker': flushLeft,
  issuer: display,
  // Flush with the text area's right edge, under the 版头's rule (信函格式).
  'document-number': { ...body, align: 'right', firstLineIndentChars: 0 },
  title: { ...display, spaceBeforeLines: 2 },
  salutation: { ...flushLeft, spaceBeforeLines: 1 },
  paragraph: body,
  'section-heading': { ...body, align: 'left', face: 'heading' },
  'sub-point': body,
  // 附件说明: one empty line after the body, 2 characters in; further titles under the first (附件： is 3 wide).
  attachment: { ...flushLeft, firstLineIndentChars: 2, spaceBeforeLines: 1 },
  'attachment-continued': { ...flushLeft, firstLineIndentChars: 5 },
  signature: { ...flushLeft, align: 'right', rightIndentChars: 2, spaceBeforeLines: 2 },
  date: { ...flushLeft, align: 'right', rightIndentChars: 2 },
  contact: { ...body, align: 'left' },
  disclosure: { ...flushLeft, firstLineIndentChars: 1, spaceBeforeLines: 1 },
  'copy-to': { ...flushLeft, firstLineIndentChars: 1 },
};
