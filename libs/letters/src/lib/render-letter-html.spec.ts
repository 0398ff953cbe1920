import { HOSTILE_CASE, READ_BACK_CASES, letterInput } from '../../test/letter-fixtures';
import { buildReplyLetter, letterLines } from './reply-letter';
import { renderLetterHtml } from './render-letter-html';

const UNESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescapeHtml = (text: string) => text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity]);

/** The text of each paragraph of the page, as a browser would show it. */
function paragraphTexts(html: string): string[] {
  return [...html.matchAll(/<p class="[a-z-]+">([^<]*)<\/p>/g)].map((m) => unescapeHtml(m[1]));
}

function ruleFor(html: string, selector: string): string {
  const rule = new RegExp(`(?:^|\\n)${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(html);
  if (!rule) throw new Error(`no CSS rule for ${selector}`);
  return rule[1];
}

describe('renderLetterHtml', () => {
  it.each(READ_BACK_CASES)('shows exactly the letter lines, in order: $name', ({ input }) => {
    const letter = buildReplyLetter(input);
    expect(paragraphTexts(renderLetterHtml(letter))).toEqual(letterLines(letter));
  });

  it('is a complete Chinese HTML document titled with the letter title', () => {
    const html = renderLetterHtml(buildReplyLetter(letterInput()));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>X市交通运输局关于市政协八届二次会议第20230117号提案答复的函</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('prints on A4 with the margins of GB/T 9704', () => {
    const html = renderLetterHtml(buildReplyLetter(letterInput()));
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
  });

  it('sets Chinese text in a CJK font stack, 仿宋 first', () => {
    const body = ruleFor(renderLetterHtml(buildReplyLetter(letterInput())), '.paragraph');
    expect(body).toMatch(
      /font-family: "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif/,
    );
  });

  it('centres the title and the issuer, the document number at the right (信函格式), and indents body paragraphs two characters', () => {
    const html = renderLetterHtml(buildReplyLetter(letterInput()));
    expect(ruleFor(html, '.title')).toContain('text-align: center');
    expect(ruleFor(html, '.document-number')).toContain('text-align: right');
    expect(ruleFor(html, '.issuer')).toContain('text-align: center');
    expect(ruleFor(html, '.paragraph')).toContain('text-indent: 2em');
    expect(ruleFor(html, '.sub-point')).toContain('text-indent: 2em');
    expect(ruleFor(html, '.salutation')).toContain('text-indent: 0em');
    expect(html).toMatch(/<p class="document-number">X交函〔2023〕12号<\/p>\n<p class="title">/);
    expect(html).toMatch(/<p class="issuer">X市交通运输局<\/p>\n<p class="document-number">/);
  });

  it('escapes every text, so markup in a proposal or opinion shows as text', () => {
    const html = renderLetterHtml(buildReplyLetter(HOSTILE_CASE.input));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<w:p>');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; ]]&gt; &lt;w:p&gt;',
    );
    expect(html).toContain('<title>X市交通运输局关于市政协八届二次会议第20230117号建议答复的函</title>');
  });

  it('escapes the title element too', () => {
    const letter = { ...buildReplyLetter(letterInput()), title: '</title><script>x()</script>' };
    expect(renderLetterHtml(letter)).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
  });
});
