import { newDirectoryRepositoryMock } from '../../../test/support/repository-mocks';
import { passwordHasher } from '../auth/password-hasher';
import { DEMO_UNITS, DEMO_USERS } from './demo-city';
import { seedDemoCity } from './seed.service';

describe('seedDemoCity: the demo city, into an empty database only', () => {
  const NOW = new Date('2025-12-01T02:00:00.000Z');

  it('loads every demo unit and user, all with the given password', async () => {
    const directory = newDirectoryRepositoryMock();
    directory.isEmpty.mockResolvedValue(true);
    await expect(seedDemoCity(directory, 'demo-password', NOW)).resolves.toBe(true);
    const [units, users, at] = directory.load.mock.calls[0] ?? [];
    expect(units).toEqual(DEMO_UNITS);
    expect(users?.map((u) => u.username)).toEqual(DEMO_USERS.map((u) => u.username));
    expect(at).toBe(NOW);
    await expect(passwordHasher.verify(users?.[0]?.passwordHash ?? '', 'demo-password')).resolves.toBe(true);
  });

  it('leaves a database that has units alone', async () => {
    const directory = newDirectoryRepositoryMock();
    directory.isEmpty.mockResolvedValue(false);
    await expect(seedDemoCity(directory, 'demo-password', NOW)).resolves.toBe(false);
    expect(directory.load).not.toHaveBeenCalled();
  });
});
