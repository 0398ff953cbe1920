import type { DataSource } from 'typeorm';
import { inTransaction, OrgUnitEntity, UserEntity } from '@banli/persistence';
import { passwordHasher } from '../auth/password-hasher';
import { DEMO_UNITS, DEMO_USERS } from './demo-city';

/**
 * Loads the demo city into an empty database (no units yet); does nothing otherwise, so the
 * start command can run it every time.
 */
export async function seedDemoCity(dataSource: DataSource, password: string, now = new Date()): Promise<boolean> {
  if ((await dataSource.getRepository(OrgUnitEntity).count()) > 0) return false;
  const at = now.toISOString();
  const hashed = await passwordHasher.hash(password);
  await inTransaction(dataSource, async (tx) => {
    await tx.getRepository(OrgUnitEntity).insert(DEMO_UNITS.map((u) => ({ ...u })));
    await tx.getRepository(UserEntity).insert(
      DEMO_USERS.map((u) => ({
        id: u.username,
        username: u.username,
        displayName: u.displayName,
        passwordHash: hashed,
        unitId: u.unitId,
        roles: u.roles,
        email: u.email,
        phone: u.phone,
        disabled: 0,
        createdAt: at,
        updatedAt: at,
      })),
    );
  });
  return true;
}
