import { Transform } from 'class-transformer';

/**
 * A whole number in a query string: digits only ("12"), made a number; anything else
 * ("0x1", "1e0", "1.0", "+1", " 1") is left as text, so the `@IsInt()` beside it refuses it
 * with 400. class-transformer's `@Type(() => Number)` would take all of those as 1.
 */
export const WholeNumber = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value));
