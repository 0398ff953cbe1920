import { BadRequestException } from '@nestjs/common';
import { PathIntPipe, PATH_INT } from './path-int.pipe';

describe('PathIntPipe', () => {
  it('takes whole numbers within the range of an integer column', () => {
    expect(PATH_INT.transform('1')).toBe(1);
    expect(PATH_INT.transform('2147483647')).toBe(2_147_483_647);
    expect(new PathIntPipe(2000, 2200).transform('2026')).toBe(2026);
  });

  it.each(['0', '-1', '2147483648', '99999999999999999999', '1.5', '1e3', '0x10', ' 1', '', 'NaN', '１'])(
    'refuses %p with 400',
    (value) => {
      expect(() => PATH_INT.transform(value)).toThrow(BadRequestException);
    },
  );
});
