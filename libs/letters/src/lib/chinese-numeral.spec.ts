import { DomainError } from '@banli/domain';
import { toChineseNumeral } from './chinese-numeral';

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [12, '十二'],
    [19, '十九'],
    [20, '二十'],
    [21, '二十一'],
    [99, '九十九'],
    [100, '一百'],
    [101, '一百零一'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [999, '九百九十九'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1100, '一千一百'],
  ])('writes %i as %s', (n, text) => {
    expect(toChineseNumeral(n)).toBe(text);
  });

  it.each([0, -1, 1.5, 10_000, Number.NaN])('refuses %p', (n) => {
    expect(() => toChineseNumeral(n)).toThrow(DomainError);
  });
});
