import type { DataSource } from 'typeorm';
import { testDatabases } from '@banli/testing';
import {
  AccountRepository,
  createDataSource,
  OrgUnitEntity,
  runMigrations,
  SignInAttemptRepository,
  UserEntity,
} from '../src';

/** Sign-in counters and account changes, on both databases. */
describe.each(testDatabases())('accounts on $name', ({ config }) => {
  let dataSource: DataSource;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    dataSource = createDataSource(config);
    await dataSource.initialize();
    await runMigrations(dataSource);
  });
  afterAll(async () => {
    await dataSource?.destroy();
  });

  describe('SignInAttemptRepository', () => {
    const t0 = new Date('2026-12-04T09:00:00.000Z');
    const later = (ms: number) => new Date(t0.getTime() + ms);

    it('counts attempts arriving at once without losing one (one upsert each)', async () => {
      const attempts = new SignInAttemptRepository(dataSource);
      const key = `address:${run}-concurrent`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => attempts.count(key, 60_000, t0)));
      expect(answers.map((a) => a.attempts).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      await expect(attempts.current(key, 60_000, later(1_000))).resolves.toEqual({ attempts: 20, windowStartedAt: t0 });
    });

    it('starts a new window once the last one is over, and forgets a cleared key', async () => {
      const attempts = new SignInAttemptRepository(dataSource);
      const key = `account:${run}-window`;
      await attempts.count(key, 60_000, t0);
      await expect(attempts.count(key, 60_000, later(59_999))).resolves.toEqual({ attempts: 2, windowStartedAt: t0 });
      await expect(attempts.current(key, 60_000, later(60_000))).resolves.toBeNull();
      await expect(attempts.count(key, 60_000, later(60_000))).resolves.toEqual({
        attempts: 1,
        windowStartedAt: later(60_000),
      });
      await attempts.clear(key);
      await expect(attempts.current(key, 60_000, later(60_001))).resolves.toBeNull();
    });

    it('purges the counters whose window started before the cutoff', async () => {
      const attempts = new SignInAttemptRepository(dataSource);
      await attempts.count(`address:${run}-old`, 60_000, new Date('2000-01-01T00:00:00.000Z'));
      expect(await attempts.purgeBefore(new Date('2000-01-02T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
      await expect(attempts.current(`address:${run}-old`, 1e13, t0)).resolves.toBeNull();
    });
  });

  describe('AccountRepository', () => {
    const now = new Date('2026-12-04T09:00:00.000Z');
    const actor = { userId: 'admin', unitId: 'gov-office' };
    const unitId = `unit-acct-${run}`;

    beforeAll(async () => {
      await dataSource.getRepository(OrgUnitEntity).insert({ id: unitId, name: 'X市账户测试局', kind: 'bureau' });
    });

    async function user(id: string): Promise<void> {
      const at = now.toISOString();
      await dataSource.getRepository(UserEntity).insert({
        id,
        username: id,
        displayName: id,
        passwordHash: 'old-hash',
        unitId,
        roles: ['registrar'],
        disabled: 0,
        tokenVersion: 0,
        mustChangePassword: 0,
        createdAt: at,
        updatedAt: at,
      });
    }

    async function events(userId: string): Promise<string[]> {
      const rows: { type: string; data: string }[] = await dataSource.query(
        `SELECT "type", "data" FROM "admin_event" ORDER BY "at", "type"`,
      );
      return rows.filter((r) => JSON.parse(r.data).userId === userId).map((r) => r.type);
    }

    it('bumps the token version with every change, and records the admin’s changes (never the password)', async () => {
      const accounts = new AccountRepository(dataSource);
      const id = `acct-${run}`;
      await user(id);
      await expect(accounts.revokeTokens(id, now)).resolves.toMatchObject({ tokenVersion: 1 });
      await expect(accounts.resetPassword(actor, id, 'reset-hash', now)).resolves.toMatchObject({
        tokenVersion: 2,
        passwordHash: 'reset-hash',
        mustChangePassword: 1,
      });
      await expect(accounts.changePassword(id, 'own-hash', now)).resolves.toMatchObject({
        tokenVersion: 3,
        passwordHash: 'own-hash',
        mustChangePassword: 0,
      });
      await expect(accounts.setDisabled(actor, id, true, now)).resolves.toMatchObject({ tokenVersion: 4, disabled: 1 });
      await expect(accounts.setDisabled(actor, id, false, now)).resolves.toMatchObject({
        tokenVersion: 5,
        disabled: 0,
      });
      expect((await events(id)).sort()).toEqual(['user.disabled', 'user.enabled', 'user.password-reset']);
      const all = JSON.stringify(await dataSource.query(`SELECT "data" FROM "admin_event"`));
      expect(all).not.toContain('reset-hash');
    });

    it('answers null for a user that does not exist, and records nothing', async () => {
      const accounts = new AccountRepository(dataSource);
      await expect(accounts.revokeTokens(`ghost-${run}`, now)).resolves.toBeNull();
      await expect(accounts.resetPassword(actor, `ghost-${run}`, 'h', now)).resolves.toBeNull();
      await expect(accounts.setDisabled(actor, `ghost-${run}`, true, now)).resolves.toBeNull();
      expect(await events(`ghost-${run}`)).toEqual([]);
    });
  });
});
