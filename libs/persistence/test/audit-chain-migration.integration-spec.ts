import { DataSource } from 'typeorm';
import { AuditRecordRepository, checkAuditChain, dataSourceOptions, execSql, runMigrations } from '../src';
import { upgradeDatabase } from './upgrade-database';

/**
 * The audit trail becomes a hash chain: events stored before the upgrade are chained by the
 * migration, proposal by proposal in sequence order, so verification holds for them too.
 */
describe.each(['postgres', 'sqlite'] as const)('the audit chain migration on %s', (type) => {
  const db = upgradeDatabase(type, 'banli_test_chain');

  it('chains the events stored before it, and can be undone', async () => {
    const old = db.before((all) => all.filter((m) => !m.name.startsWith('AuditChain')));
    await old.initialize();
    await runMigrations(old);
    for (const id of ['8-2_0001', '8-2_0002']) {
      await execSql(
        old,
        `INSERT INTO "proposal" ("id", "workflow_id", "kind", "session_code", "session_name", "number", "title",
           "body", "proposers", "suggestion_points", "stage", "received_at", "projection_version", "updated_at", "search_terms")
         VALUES (:id, :id, 'proposal', '8-2', '八届二次', :id, '标题', '正文', '[]', '[]', 'assigned',
           '2026-03-01T00:00:00.000Z', 3, '2026-03-01T00:00:00.000Z', '')`,
        { id },
      );
      // Stored in another order than their sequence: the chain follows the sequence.
      for (const seq of [2, 1, 3]) {
        await execSql(
          old,
          `INSERT INTO "proposal_event" ("proposal_id", "seq", "type", "at", "actor_user_id", "actor_unit_id", "unit_id", "data")
           VALUES (:id, :seq, 'step', '2026-03-01T00:00:00.000Z', 'u-1', 'office', NULL, :data)`,
          { id, seq, data: JSON.stringify({ step: seq, 说明: '旧事件' }) },
        );
      }
    }
    await old.destroy();

    const current = new DataSource(dataSourceOptions(db.config()));
    await current.initialize();
    try {
      expect(await runMigrations(current)).toEqual([expect.stringMatching(/^AuditChain/)]);
      const records = new AuditRecordRepository(current);
      const heads = [];
      for (const id of ['8-2_0001', '8-2_0002']) {
        const events = await records.chainedEvents(id);
        expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
        expect(events[0].prevHash).toBe('');
        const check = checkAuditChain(events);
        expect(check).toMatchObject({ valid: true, events: 3, head: { seq: 3 } });
        heads.push(check.head?.hash);
      }
      // The proposal id is in every hash: two chains of the same events differ.
      expect(heads[0]).not.toBe(heads[1]);

      await current.undoLastMigration({ transaction: 'each' });
      const back = await execSql(current, `SELECT count(*) AS "n" FROM "proposal_event"`);
      expect(Number(back.rows[0]['n'])).toBe(6);
      expect(await runMigrations(current)).toHaveLength(1);
    } finally {
      await current.destroy();
    }
  });
});
