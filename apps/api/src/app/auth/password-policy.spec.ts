import { checkPasswordPolicy, temporaryPassword } from './password-policy';

const check =
  (password: string, currentPasswordMatches = false) =>
  () =>
    checkPasswordPolicy(password, { username: 'lead-handler', field: 'newPassword', currentPasswordMatches });

describe('the password policy', () => {
  it('takes ten characters or more with a letter and a digit, Chinese letters included', () => {
    expect(check('correct-horse-7')).not.toThrow();
    expect(check('提案办理系统密码二〇二七年9')).not.toThrow();
  });

  it.each([
    ['too short', 'abc12345', 'at least 10 characters'],
    ['without a digit', 'only-letters-here', 'a letter and a digit'],
    ['without a letter', '1234567890123', 'a letter and a digit'],
    ['containing the user name', 'Lead-Handler-2027', 'must not contain the user name'],
    ['too long', `a1${'x'.repeat(199)}`, 'at most 200 characters'],
  ])('refuses one %s, naming the rule on the field', (_what, password, rule) => {
    expect(check(password)).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: expect.arrayContaining([{ field: 'newPassword', message: expect.stringContaining(rule) }]),
      }),
    );
  });

  it('refuses the current password as the new one', () => {
    expect(check('correct-horse-7', true)).toThrow(/does not meet the policy/);
  });

  it('generates temporary passwords that meet it, each different', () => {
    const generated = Array.from({ length: 50 }, () => temporaryPassword());
    for (const p of generated) expect(() => checkPasswordPolicy(p, { username: 'x-y-z', field: 'p' })).not.toThrow();
    expect(new Set(generated).size).toBe(50);
  });
});
