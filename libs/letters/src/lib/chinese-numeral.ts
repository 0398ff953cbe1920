import { DomainError } from '@banli/domain';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const UNITS = ['千', '百', '十', ''] as const;

/**
 * The number as a letter numbers its sections and sub-points: 一, 十, 十一, 二十一, 九十九,
 * 一百, 一百零一, 一百一十, 一千零一. A teen is written 十X, but 一百一十 keeps its 一.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) {
    throw new DomainError('VALIDATION_FAILED', `Only whole numbers from 1 to 9999 are numbered: ${n}`);
  }
  if (n < 20) return n < 10 ? DIGITS[n] : `十${n === 10 ? '' : DIGITS[n - 10]}`;

  const digits = String(n).padStart(4, '0').split('').map(Number);
  let text = '';
  let zeroPending = false;
  digits.forEach((digit, i) => {
    if (digit === 0) {
      zeroPending = text !== '';
      return;
    }
    if (zeroPending) text += '零';
    zeroPending = false;
    text += DIGITS[digit] + UNITS[i];
  });
  return text;
}
