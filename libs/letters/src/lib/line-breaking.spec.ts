import { atomsOf, breakParagraph, breakTitle, chineseWords, emMeasure, titleLines } from './line-breaking';

const measure = emMeasure(16);
const text = (line: { atoms: { text: string }[] }) => line.atoms.map((a) => a.text).join('');

describe('line breaking', () => {
  it('keeps Latin letters and digits whole and each Chinese character alone', () => {
    expect(atomsOf('加快5G基站 0571-87000000', measure).map((a) => a.text)).toEqual([
      '加',
      '快',
      '5G',
      '基',
      '站',
      ' ',
      '0571-87000000',
    ]);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // Ten characters a line: the comma after the tenth goes down with it, the （ before the eleventh too.
    const lines = breakParagraph('一二三四五六七八九十，一二三四五六七八九（十）', measure, {
      firstWidth: 160,
      width: 160,
      justify: false,
    }).map(text);
    expect(lines).toEqual(['一二三四五六七八九', '十，一二三四五六七八', '九（十）']);
  });

  it('justifies only across the gaps between Chinese characters, never beside a number', () => {
    const [first] = breakParagraph('第20230117号提案收悉我局认真研究现答复如下共计二十个字', measure, {
      firstWidth: 200,
      width: 200,
      justify: true,
    });
    const widthWithExtra = first.atoms.reduce((sum, a, i) => sum + a.width + first.extraAfter[i], 0);
    expect(widthWithExtra).toBeCloseTo(200, 6);
    first.atoms.forEach((atom, i) => {
      const next = first.atoms[i + 1];
      if (!atom.cjk || !next?.cjk) expect(first.extraAfter[i]).toBe(0);
    });
    expect(first.extraAfter.some((extra) => extra > 0)).toBe(true);
  });

  it('does not justify the last line of a paragraph', () => {
    const lines = breakParagraph('一二三四五六七八九十一二', measure, { firstWidth: 160, width: 160, justify: true });
    expect(lines[1].extraAfter.every((extra) => extra === 0)).toBe(true);
  });

  it('segments Chinese into words with ICU (the full-icu dictionary)', () => {
    expect(chineseWords('关于加快数字经济发展的提案')).toEqual(['关于', '加快', '数字', '经济', '发展', '的', '提案']);
  });

  it('breaks a title between words only, into balanced lines', () => {
    const title = 'X市交通运输局关于市政协八届二次会议第20230117号提案答复的函';
    const lines = titleLines(title, emMeasure(22), 22 * 20);
    expect(lines.join('')).toBe(title);
    expect(lines).toHaveLength(2);
    const words = new Set(
      chineseWords(title).reduce<number[]>((ends, w) => [...ends, (ends.at(-1) ?? 0) + w.length], []),
    );
    expect(words.has(lines[0].length)).toBe(true);
    const widths = breakTitle(title, emMeasure(22), 22 * 20).map((line) => line.width);
    expect(Math.abs(widths[0] - widths[1])).toBeLessThanOrEqual(22 * 3);
  });

  it('does not break 会议 where a character-by-character break would (after the tenth character)', () => {
    const lines = titleLines('关于市政协八届二次会议提案的答复函', emMeasure(22), 22 * 10);
    expect(lines.every((line) => !line.endsWith('会') && !line.startsWith('议'))).toBe(true);
  });
});
