// The test compares the web's stated limits with the domain's: the only place a domain value is read.
// eslint-disable-next-line no-restricted-imports
import { REGISTRATION_LIMITS } from '@banli/domain';
import { FORM_LIMITS } from './limits';

describe('form limits', () => {
  it('states the title limit the domain enforces', () => {
    expect(FORM_LIMITS.title).toBe(REGISTRATION_LIMITS.titleLength);
  });
});
