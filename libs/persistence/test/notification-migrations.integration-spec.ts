import { DataSource } from 'typeorm';
import { dataSourceOptions, execSql, runMigrations } from '../src';
import { upgradeDatabase } from './upgrade-database';

/**
 * The notification migrations on a database that already holds data: a pending outbox row
 * (written by the deadline activity before the upgrade) survives the SQLite table rebuild,
 * and the changes can be undone and redone.
 */
describe.each(['postgres', 'sqlite'] as const)('notification migrations on %s', (type) => {
  const db = upgradeDatabase(type, 'banli_test_migr');

  it('keeps existing outbox rows and users, allows digest rows without a proposal, and can be undone', async () => {
    // The migrations before the notification ones (what a deployed database had then).
    const old = db.before((all) => all.slice(0, 6));
    await old.initialize();
    await runMigrations(old);
    await execSql(
      old,
      `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
       VALUES ('8-2_1/5', '8-2_1', 'education', 'deadline-reminder', '{"dueAt":"2026-01-05T15:59:59.999Z"}', '2026-01-02T01:00:00.000Z', 'pending')`,
    );
    await execSql(old, `INSERT INTO "org_unit" ("id", "name", "kind") VALUES ('education', 'X市教育局', 'bureau')`);
    await execSql(
      old,
      `INSERT INTO "app_user" ("id", "username", "display_name", "password_hash", "unit_id", "roles", "disabled", "created_at", "updated_at")
       VALUES ('u1', 'u1', '用户', 'x', 'education', '["handler"]', 0, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    await old.destroy();

    const current = new DataSource(dataSourceOptions(db.config()));
    await current.initialize();
    try {
      const applied = await runMigrations(current);
      expect(applied).toEqual([
        expect.stringMatching(/^UserContacts/),
        expect.stringMatching(/^NotificationDelivery/),
        expect.stringMatching(/^OutboxWithoutProposal/),
        expect.stringMatching(/^SupervisionReadModel/),
        expect.stringMatching(/^HandlingState/),
        expect.stringMatching(/^QuerySortKeys/),
        // and every later one
        ...Array.from({ length: applied.length - 6 }, () => expect.any(String)),
      ]);
      const kept = await execSql(
        current,
        `SELECT "id", "proposal_id", "status", "attempts", "dispatched_at", "lease_owner" FROM "notification_outbox"`,
      );
      expect(kept.rows.map((r) => ({ ...r, attempts: Number(r['attempts']) }))).toEqual([
        { id: '8-2_1/5', proposal_id: '8-2_1', status: 'pending', attempts: 0, dispatched_at: null, lease_owner: null },
      ]);
      const users = await execSql(current, `SELECT "id", "email", "phone" FROM "app_user"`);
      expect(users.rows).toEqual([{ id: 'u1', email: null, phone: null }]);
      await execSql(
        current,
        `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
         VALUES ('digest/education/2026-01-05', NULL, 'education', 'daily-digest', '{}', '2026-01-05T00:30:00.000Z', 'pending')`,
      );

      // Undo the three and every later migration (the digest row without a proposal goes with
      // OutboxWithoutProposal), then redo them.
      for (let i = 0; i < applied.length; i++) await current.undoLastMigration({ transaction: 'each' });
      const undone = await execSql(current, `SELECT "id" FROM "notification_outbox"`);
      expect(undone.rows).toEqual([{ id: '8-2_1/5' }]);
      expect(await runMigrations(current)).toHaveLength(applied.length);
      const redone = await execSql(current, `SELECT "id", "status" FROM "notification_outbox"`);
      expect(redone.rows).toEqual([{ id: '8-2_1/5', status: 'pending' }]);
    } finally {
      await current.destroy();
    }
  });
});
