import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** The largest value of a 32-bit integer column (PostgreSQL `integer`). */
const INT4_MAX = 2_147_483_647;

/**
 * A whole number in a path (a round, an objection or extension number, a year): digits only,
 * within 1..2³¹−1 by default, else 400 BAD_REQUEST. Nest's ParseIntPipe takes
 * "99999999999999999999" (1e20, no longer exact), which PostgreSQL then refuses as out of
 * range for its integer columns: a 500.
 */
@Injectable()
export class PathIntPipe implements PipeTransform<string, number> {
  constructor(
    private readonly min = 1,
    private readonly max = INT4_MAX,
  ) {}

  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < this.min || n > this.max) {
      throw new BadRequestException(`A whole number from ${this.min} to ${this.max} is expected in the path`);
    }
    return n;
  }
}

/** The usual path number: 1..2³¹−1. */
export const PATH_INT = new PathIntPipe();
