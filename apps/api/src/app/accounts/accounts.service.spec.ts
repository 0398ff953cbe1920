import type { UserEntity } from '@banli/persistence';
import { newAccountRepositoryMock } from '../../../test/support/repository-mocks';
import { passwordHasher } from '../auth/password-hasher';
import { AccountsService } from './accounts.service';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const admin = {
  userId: 'admin',
  username: 'admin',
  displayName: '管理员',
  unitId: 'committee',
  roles: ['admin' as const],
};
const user = (over: Partial<UserEntity> = {}): UserEntity => ({
  id: 'edu-handler',
  username: 'edu-handler',
  displayName: '张老师',
  passwordHash: 'x',
  unitId: 'education',
  roles: ['handler'],
  disabled: 0,
  tokenVersion: 1,
  mustChangePassword: 0,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  ...over,
});

describe('AccountsService: an admin resets, disables and enables accounts', () => {
  let accounts: ReturnType<typeof newAccountRepositoryMock>;
  let sut: AccountsService;

  beforeEach(() => {
    accounts = newAccountRepositoryMock();
    sut = new AccountsService(accounts, () => NOW);
  });

  it('resets to a generated temporary password, stored hashed, that the user must change', async () => {
    accounts.resetPassword.mockResolvedValue(user({ mustChangePassword: 1 }));
    const answer = await sut.resetPassword(admin, 'edu-handler');
    expect(answer).toMatchObject({ userId: 'edu-handler', mustChangePassword: true, disabled: false });
    const [actor, userId, hash] = accounts.resetPassword.mock.calls[0];
    expect([actor, userId]).toEqual([admin, 'edu-handler']);
    await expect(passwordHasher.verify(hash, answer.temporaryPassword)).resolves.toBe(true);
  });

  it('takes an admin’s own temporary password only if it meets the policy', async () => {
    await expect(sut.resetPassword(admin, 'edu-handler', 'short')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([expect.objectContaining({ field: 'temporaryPassword' })]),
    });
    expect(accounts.resetPassword).not.toHaveBeenCalled();
  });

  it('answers 404 for a user who does not exist', async () => {
    accounts.resetPassword.mockResolvedValue(null);
    accounts.setDisabled.mockResolvedValue(null);
    await expect(sut.resetPassword(admin, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(sut.disable(admin, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('disables and enables a user', async () => {
    accounts.setDisabled.mockResolvedValueOnce(user({ disabled: 1 })).mockResolvedValueOnce(user());
    await expect(sut.disable(admin, 'edu-handler')).resolves.toEqual({
      userId: 'edu-handler',
      disabled: true,
      mustChangePassword: false,
    });
    await expect(sut.enable(admin, 'edu-handler')).resolves.toMatchObject({ disabled: false });
    expect(accounts.setDisabled.mock.calls.map((c) => c[2])).toEqual([true, false]);
  });

  it('does not let an admin disable their own account', async () => {
    await expect(sut.disable(admin, 'admin')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(accounts.setDisabled).not.toHaveBeenCalled();
  });
});
