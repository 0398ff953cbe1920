import { JwtService } from '@nestjs/jwt';
import type { UserEntity } from '@banli/persistence';
import { newDirectoryRepositoryMock } from '../../../test/support/repository-mocks';
import { AuthService, JWT_OPTIONS } from './auth.service';
import { passwordHasher } from './password-hasher';

const SECRET = 'a-secret-for-this-spec-only-0123456789abcdef';

describe('AuthService: signing in, and who is behind a token', () => {
  let directory: ReturnType<typeof newDirectoryRepositoryMock>;
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
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
  });

  beforeEach(() => {
    directory = newDirectoryRepositoryMock();
    directory.userByUsername.mockImplementation(async (username) => (username === handler.username ? handler : null));
    directory.userById.mockImplementation(async (id) => (id === handler.id ? handler : null));
    jwt = new JwtService({ secret: SECRET });
    sut = new AuthService(directory, jwt, 3600);
  });

  it('signs in with the right password: a token for the user and their unit, and only roles Banli knows', async () => {
    const { accessToken, expiresIn, user } = await sut.login('edu-handler', 'right-password');
    expect(expiresIn).toBe(3600);
    expect(user).toEqual({
      userId: 'edu-handler',
      username: 'edu-handler',
      displayName: '张老师',
      unitId: 'education',
      roles: ['handler'],
    });
    await expect(jwt.verifyAsync(accessToken, JWT_OPTIONS)).resolves.toMatchObject({
      sub: 'edu-handler',
      unit: 'education',
    });
  });

  it.each([
    ['a wrong password', 'edu-handler', 'wrong-password'],
    ['an unknown user', 'nobody', 'right-password'],
  ])('refuses %s, alike', async (_what, username, password) => {
    await expect(sut.login(username, password)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a disabled account, even with the right password', async () => {
    directory.userByUsername.mockResolvedValue({ ...handler, disabled: 1 });
    await expect(sut.login('edu-handler', 'right-password')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('a token stands for the user as the directory has them now', async () => {
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'education' })).resolves.toMatchObject({
      unitId: 'education',
    });
  });

  it('a token of a user moved to another unit is refused', async () => {
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'industry-it' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('a token of a disabled or deleted user is refused', async () => {
    directory.userById.mockResolvedValueOnce({ ...handler, disabled: 1 });
    await expect(sut.resolve({ sub: 'edu-handler', unit: 'education' })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(sut.resolve({ sub: 'gone', unit: 'education' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
