import { registrationProblems } from './registration';
import { hasVisibleText, normalisedText, textProblem, visibleText } from './text';

describe('text as Banli takes it', () => {
  it('sees nothing in zero-width characters, the byte-order mark or spaces alone', () => {
    for (const invisible of ['\u200b', '\u200b\u200c\u200d', '\ufeff', ' \u2060 ', '\u00ad']) {
      expect(hasVisibleText(invisible)).toBe(false);
    }
    expect(hasVisibleText('李\u200b明')).toBe(true);
    expect(visibleText('李\u200b明 ')).toBe('李明');
  });

  it('normalises to NFC', () => {
    expect(normalisedText('e\u0301')).toBe('\u00e9');
  });

  it('refuses BEL, ESC and the bidirectional overrides, takes tab and line breaks', () => {
    expect(textProblem('\u0007')).toBeDefined();
    expect(textProblem('\u001b')).toBeDefined();
    expect(textProblem('\u202e')).toBeDefined();
    expect(textProblem('a\tb\r\nc')).toBeUndefined();
  });
});

describe('a registration’s names and title', () => {
  const base = {
    kind: 'proposal' as const,
    sessionCode: '8-2',
    sessionName: '市政协八届二次会议',
    number: '1',
    title: '关于测试的提案',
    body: '正文',
    suggestionPoints: [{ seq: 1, text: '建议' }],
  };
  const fields = (r: object) =>
    registrationProblems({ ...base, proposers: [{ name: '李明', lead: true }], ...r }).map((p) => p.field);

  it('refuses a title of invisible characters only', () => {
    expect(fields({ title: '\u200b\u200b' })).toEqual(['title']);
  });

  it('refuses a proposer named twice, also when the names differ only by invisible characters or by form', () => {
    expect(
      fields({
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
          { name: '李\u200b明', lead: false },
          { name: '王芳 ', lead: false },
        ],
      }),
    ).toEqual(['proposers[2].name', 'proposers[3].name']);
    expect(
      fields({
        proposers: [
          { name: 'Ren\u00e9', lead: true },
          { name: 'Rene\u0301', lead: false },
        ],
      }),
    ).toEqual(['proposers[1].name']);
  });
});
