import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORM_LIMITS } from './limits';

/**
 * The web may not import the domain's values (its rules run on the server), so the limits the
 * forms state are compared with the domain's source text: a change there fails here.
 */
const REGISTRATION = path.resolve(__dirname, '../../../libs/domain/src/lib/registration.ts');

describe('form limits', () => {
  it('states the title limit the domain enforces (REGISTRATION_LIMITS.titleLength)', () => {
    const source = fs.readFileSync(REGISTRATION, 'utf8');
    const match = /REGISTRATION_LIMITS = \{[^}]*?titleLength: ([\d_]+)/s.exec(source);
    expect(match).not.toBeNull();
    expect(FORM_LIMITS.title).toBe(Number((match as RegExpExecArray)[1].replace(/_/g, '')));
  });
});
