import type { IDirectoryRepository } from '@banli/persistence';
import { passwordHasher } from '../auth/password-hasher';
import { DEMO_UNITS, DEMO_USERS } from './demo-city';

/**
 * Loads the demo city into an empty directory (no units yet); does nothing otherwise, so the
 * start command can run it every time.
 */
export async function seedDemoCity(
  directory: Pick<IDirectoryRepository, 'isEmpty' | 'load'>,
  password: string,
  now = new Date(),
): Promise<boolean> {
  if (!(await directory.isEmpty())) return false;
  const hashed = await passwordHasher.hash(password);
  await directory.load(
    DEMO_UNITS,
    DEMO_USERS.map((u) => ({
      id: u.username,
      username: u.username,
      displayName: u.displayName,
      passwordHash: hashed,
      unitId: u.unitId,
      roles: u.roles,
      email: u.email,
      phone: u.phone,
    })),
    now,
  );
  return true;
}
