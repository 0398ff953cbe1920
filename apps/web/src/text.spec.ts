import { isBlank } from './text';

describe('isBlank', () => {
  it('finds titles that would show as blank rows', () => {
    expect(isBlank('\u200b\u200b')).toBe(true);
    expect(isBlank(' \u200d\ufeff\u2060 ')).toBe(true);
    expect(isBlank('')).toBe(true);
    expect(isBlank(undefined)).toBe(true);
  });

  it('keeps every title that shows something', () => {
    expect(isBlank('关于\u200b提案')).toBe(false);
    expect(isBlank('a')).toBe(false);
  });
});
