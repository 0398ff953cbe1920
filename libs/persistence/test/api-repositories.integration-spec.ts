import type { DataSource } from 'typeorm';
import { createDataSource, DirectoryRepository, IdempotencyRepository, runMigrations } from '../src';
import { testDatabases } from '@banli/testing';

/** The repositories the API added for what it used to query itself, on both databases. */
describe.each(testDatabases())('API repositories on $name', ({ config }) => {
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

  describe('IdempotencyRepository', () => {
    const at = new Date('2026-03-08T02:00:00.000Z');

    it('claims a key once; a later claim sees it in progress, then settled with the first answer', async () => {
      const records = new IdempotencyRepository(dataSource);
      const key = `key-${run}-1`;
      await expect(records.claim('u1', key, 'hash-a', at)).resolves.toEqual({ kind: 'first' });
      await expect(records.claim('u1', key, 'hash-a', at)).resolves.toEqual({
        kind: 'in-progress',
        requestHash: 'hash-a',
      });
      await records.settle('u1', key, 200, '{"body":{"id":1}}');
      await records.settle('u1', key, 500, '{"error":"second answer"}');
      await expect(records.claim('u1', key, 'hash-b', at)).resolves.toEqual({
        kind: 'done',
        requestHash: 'hash-a',
        responseStatus: 200,
        responseBody: '{"body":{"id":1}}',
      });
    });

    it('keys are per user, and a forgotten key is free again', async () => {
      const records = new IdempotencyRepository(dataSource);
      const key = `key-${run}-2`;
      await expect(records.claim('u1', key, 'hash-a', at)).resolves.toEqual({ kind: 'first' });
      await expect(records.claim('u2', key, 'hash-a', at)).resolves.toEqual({ kind: 'first' });
      await records.forget('u1', key);
      await expect(records.claim('u1', key, 'hash-c', at)).resolves.toEqual({ kind: 'first' });
    });
  });

  describe('DirectoryRepository', () => {
    it('loads units and their users together, and finds users by name and id', async () => {
      const directory = new DirectoryRepository(dataSource);
      const unitId = `unit-${run}`;
      await directory.load(
        [{ id: unitId, name: 'X市测试局', kind: 'bureau', issuerCode: `X测${run}` }],
        [
          {
            id: `user-${run}`,
            username: `user-${run}`,
            displayName: '测试',
            passwordHash: 'not-a-real-hash',
            unitId,
            roles: ['handler'],
            email: null,
            phone: null,
          },
        ],
        new Date('2026-03-08T02:00:00.000Z'),
      );
      await expect(directory.isEmpty()).resolves.toBe(false);
      const units = await directory.units();
      expect(units).toContainEqual({ id: unitId, name: 'X市测试局', shortName: 'X市测试局', kind: 'bureau', enabled: true });
      await expect(directory.userByUsername(`user-${run}`)).resolves.toMatchObject({
        unitId,
        roles: ['handler'],
        disabled: 0,
        createdAt: '2026-03-08T02:00:00.000Z',
      });
      await expect(directory.userById(`user-${run}`)).resolves.toMatchObject({ username: `user-${run}` });
      await expect(directory.userByUsername(`nobody-${run}`)).resolves.toBeNull();
    });

    it('loads nothing when one row is refused', async () => {
      const directory = new DirectoryRepository(dataSource);
      const user = (unitId: string) => ({
        id: `user-${run}-c`,
        username: `user-${run}-c-${unitId}`,
        displayName: '重复',
        passwordHash: 'x',
        unitId,
        roles: [],
      });
      const first = `unit-${run}-c1`;
      const second = `unit-${run}-c2`;
      await directory.load([{ id: first, name: 'X市甲局', kind: 'bureau' }], [user(first)], new Date());
      // The same user id again: the second unit must not stay either.
      await expect(
        directory.load([{ id: second, name: 'X市乙局', kind: 'bureau' }], [user(second)], new Date()),
      ).rejects.toThrow();
      const ids = (await directory.units()).map((u) => u.id);
      expect(ids).toContain(first);
      expect(ids).not.toContain(second);
    });
  });
});
