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
  'document-number': { ...body, align: 'center', firstLineIndentChars: 0, spaceBeforeLines: 1 },
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
