import { JwtService } from '@nestjs/jwt';
import type { UserEntity } from '@banli/persistence';
import { newAccountRepositoryMock, newDirectoryRepositoryMock } from '../../../test/support/repository-mocks';
import { RetryLaterError } from '../common/retry-later-error';
import { AuthService, JWT_OPTIONS } from './auth.service';
import { passwordHasher } from './password-hasher';
import type { SignInLimiter } from './sign-in-limiter';

const SECRET = 'a-secret-for-this-spec-only-0123456789abcdef';

describe('AuthService: signing in, who is behind a token, and changing one’s password', () => {
  let directory: ReturnType<typeof newDirectoryRepositoryMock>;
  let accounts: ReturnType<typeof newAccountRepositoryMock>;
  let limiter: jest.Mocked<Pick<SignInLimiter, 'admit' | 'checkAccount' | 'failed' | 'succeeded'>>;
  let jwt: JwtService;
  let sut: AuthService;
  let handler: UserEntity;

  beforeAll(async () => {
    handler = {
      id: 'edu-handler',
      username: 'edu-handler',
      displayName: '张老师',
      passwordHash: await passwordHasher.hash('right-password'),
      unitId: 'education',
      roles: ['handler', 'no-such-role'],
      disabled: 0,
      tokenVersion: 3,
      mustChangePassword: 0,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
  });

  beforeEach(() => {
    directory = newDirectoryRepositoryMock();
    directory.userByUsername.mockImplementation(async (username) => (username === handler.username ? handler : null));
    directory.userById.mockImplementation(async (id) => (id === handler.id ? handler : null));
    accounts = newAccountRepositoryMock();
    limiter = {
      admit: jest.fn().mockResolvedValue(undefined),
      checkAccount: jest.fn().mockResolvedValue(undefined),
      failed: jest.fn().mockResolvedValue(undefined),
      succeeded: jest.fn().mockResolvedValue(undefined),
    };
    jwt = new JwtService({ secret: SECRET });
    sut = new AuthService(directory, accounts, limiter, jwt, 3600);
  });

  it('signs in with the right password: a token for the user, their unit and token version, and only roles Banli knows', async () => {
    const { accessToken, expiresIn, user } = await sut.login('edu-handler', 'right-password', '10.0.0.1');
    expect(expiresIn).toBe(3600);
    expect(user).toEqual({
      userId: 'edu-handler',
      username: 'edu-handler',
      displayName: '张老师',
      unitId: 'education',
      roles: ['handler'],
      mustChangePassword: false,
    });
    await expect(jwt.verifyAsync(accessToken, JWT_OPTIONS)).resolves.toMatchObject({
      sub: 'edu-handler',
      unit: 'education',
      ver: 3,
    });
    expect(limiter.admit).toHaveBeenCalledWith('10.0.0.1', 'edu-handler');
    expect(limiter.succeeded).toHaveBeenCalledWith('edu-handler');
  });

  it.each([
    ['a wrong password', 'edu-handler', 'wrong-password'],
    ['an unknown user', 'nobody', 'right-password'],
  ])('refuses %s alike, and counts it as a failure of that name', async (_what, username, password) => {
    await expect(sut.login(username, password, '10.0.0.1')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(limiter.failed).toHaveBeenCalledWith(username);
    expect(limiter.succeeded).not.toHaveBeenCalled();
  });

  it('refuses a disabled account, even with the right password', async () => {
    directory.userByUsername.mockResolvedValue({ ...handler, disabled: 1 });
    await expect(sut.login('edu-handler', 'right-password', '10.0.0.1')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('checks no password while the limits refuse the attempt', async () => {
    limiter.admit.mockRejectedValue(new RetryLaterError('TOO_MANY_SIGN_IN_ATTEMPTS', 'later', 60));
    await expect(sut.login('edu-handler', 'right-password', '10.0.0.1')).rejects.toMatchObject({
      code: 'TOO_MANY_SIGN_IN_ATTEMPTS',
      retryAfterSeconds: 60,
    });
    expect(directory.userByUsername).not.toHaveBeenCalled();
  });

  it('a token stands for the user as the directory has them now', async () => {
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'education', ver: 3 })).resolves.toMatchObject({
      unitId: 'education',
    });
  });

  it('a token issued before the last revocation is refused as revoked', async () => {
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'education', ver: 2 })).rejects.toMatchObject({
      code: 'TOKEN_REVOKED',
    });
  });

  it('a token of a user moved to another unit is refused', async () => {
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'industry-it', ver: 3 })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('a token of a disabled or deleted user is refused', async () => {
    directory.userById.mockResolvedValueOnce({ ...handler, disabled: 1 });
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'education', ver: 3 })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(sut.resolve({ sub: 'gone', unit: 'education', ver: 0 })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  describe('changing one’s own password', () => {
    const me = {
      userId: 'edu-handler',
      username: 'edu-handler',
      displayName: '张老师',
      unitId: 'education',
      roles: [],
    };

    it('stores the new password hashed and answers a token of the new version', async () => {
      accounts.changePassword.mockImplementation(async (_id, passwordHash) => ({
        ...handler,
        passwordHash,
        tokenVersion: 4,
      }));
      const { accessToken } = await sut.changePassword(me, 'right-password', 'new-passphrase-2027');
      const stored = accounts.changePassword.mock.calls[0][1];
      await expect(passwordHasher.verify(stored, 'new-passphrase-2027')).resolves.toBe(true);
      await expect(jwt.verifyAsync(accessToken, JWT_OPTIONS)).resolves.toMatchObject({ ver: 4 });
    });

    it('refuses a wrong current password on its field, counts it as a failure, and changes nothing', async () => {
      await expect(sut.changePassword(me, 'wrong-password', 'new-passphrase-2027')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'currentPassword', message: 'The current password is wrong' }],
      });
      expect(limiter.failed).toHaveBeenCalledWith('edu-handler');
      expect(accounts.changePassword).not.toHaveBeenCalled();
    });

    it('refuses a new password that breaks the policy, and changes nothing', async () => {
      await expect(sut.changePassword(me, 'right-password', 'short1')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      expect(accounts.changePassword).not.toHaveBeenCalled();
    });
  });
});
