import { randomInt } from 'node:crypto';
import { DomainError } from '@banli/domain';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** What a new password must be, as the errors and the API document say it. */
export const PASSWORD_POLICY = `at least ${PASSWORD_MIN_LENGTH} characters (at most ${PASSWORD_MAX_LENGTH}), with a letter and a digit, not containing the user name, and not the current password`;

/**
 * Refuses a new password that breaks the policy (422 VALIDATION_FAILED, one detail per broken
 * rule, on `field`). Length over composition rules, as NIST SP 800-63B advises, with a letter
 * and a digit so a word alone does not do.
 */
export function checkPasswordPolicy(
  password: string,
  context: { username: string; field: string; currentPasswordMatches?: boolean },
): void {
  const broken: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) broken.push(`The password must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) broken.push(`The password must have at most ${PASSWORD_MAX_LENGTH} characters`);
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) {
    broken.push('The password must contain a letter and a digit');
  }
  if (context.username && password.toLowerCase().includes(context.username.toLowerCase())) {
    broken.push('The password must not contain the user name');
  }
  if (context.currentPasswordMatches) broken.push('The new password must differ from the current one');
  if (broken.length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The password does not meet the policy: ${PASSWORD_POLICY}`,
      broken.map((message) => ({ field: context.field, message })),
    );
  }
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password an admin hands over: 16 random characters (about 93 bits), policy-conformant. */
export function temporaryPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/[a-zA-Z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}
