import type { ValidationError } from 'class-validator';
import type { ErrorDetail } from '@banli/domain';

/**
 * class-validator's errors as the API's details: one per failed constraint, with the field's
 * path written as the domain writes it (`points[0].text`, `proposers[1].name`) and the
 * constraint's message.
 */
export function validationDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property)
      ? `${parent}[${e.property}]`
      : parent
        ? `${parent}.${e.property}`
        : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, message })),
      ...validationDetails(e.children ?? [], field),
    ];
  });
}
