import {
  BLOCK_STYLES,
  BODY_LINE_PITCH_PT,
  LETTERHEAD,
  MARGINS_MM,
  PAGE_MM,
  type BlockStyle,
  type LetterFace,
} from './letter-layout';
import { letterBlocks, type LetterBlockRole, type ReplyLetter } from './reply-letter';

/** Font stacks from the fonts of Chinese government offices to those a Linux or Mac box has. */
export const CSS_FONT_STACKS: Readonly<Record<LetterFace, string>> = {
  body: '"仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif',
  title:
    '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "SimSun", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif',
  heading: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function cssOf(style: BlockStyle): string {
  const rules = [
    `font-family: ${CSS_FONT_STACKS[style.face]}`,
    `font-size: ${style.sizePt}pt`,
    `line-height: ${style.linePitchPt.toFixed(2)}pt`,
    `text-align: ${style.align}`,
    `text-indent: ${style.firstLineIndentChars}em`,
    `padding-right: ${style.rightIndentChars}em`,
    `margin: ${(style.spaceBeforeLines * BODY_LINE_PITCH_PT).toFixed(2)}pt 0 0 0`,
  ];
  return rules.join('; ');
}

function stylesheet(): string {
  const { top, right, bottom, left } = MARGINS_MM;
  const roles = Object.entries(BLOCK_STYLES) as [LetterBlockRole, BlockStyle][];
  return [
    `@page { size: A4; margin: ${top}mm ${right}mm ${bottom}mm ${left}mm; }`,
    `html { background: #eee; }`,
    `body { margin: 0; color: #000; font-family: ${CSS_FONT_STACKS.body}; }`,
    // On screen the page is drawn as a sheet; in print @page sets the margins instead.
    `.page { box-sizing: border-box; width: ${PAGE_MM.width}mm; min-height: ${PAGE_MM.height}mm; ` +
      `margin: 0 auto; padding: ${top}mm ${right}mm ${bottom}mm ${left}mm; background: #fff; }`,
    `@media print { html { background: none; } .page { width: auto; min-height: 0; padding: 0; } }`,
    `p { overflow-wrap: anywhere; }`,
    ...roles.map(([role, style]) => `.${role} { ${cssOf(style)}; }`),
    // The 版头 of the letter format: the issuer in red over a red double rule (GB/T 9704-2012 10.2).
    `.issuer { color: ${LETTERHEAD.color}; padding-bottom: ${LETTERHEAD.ruleGapMm}mm; ` +
      `border-bottom: ${LETTERHEAD.thickRulePt + LETTERHEAD.thinRulePt + LETTERHEAD.ruleGapPt}pt double ${LETTERHEAD.color}; }`,
  ].join('\n');
}

/** The letter as a complete HTML document for preview and printing. Every text is escaped. */
export function renderLetterHtml(letter: ReplyLetter): string {
  const paragraphs = letterBlocks(letter).map((block) => `<p class="${block.role}">${escapeHtml(block.text)}</p>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(letter.title)}</title>`,
    `<style>\n${stylesheet()}\n</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    ...paragraphs,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
