/**
 * `npm run verify -- <proposal id>... | --all [--json]`: checks proposals' records against the
 * configured database and Temporal (the worker's environment: DATABASE_*, TEMPORAL_*), as
 * `GET /api/proposals/:id/verification` does: the audit chain recomputed from the stored events,
 * its head against the head the workflow's history recorded, each signed letter's files
 * against their stored and recorded SHA-256 (docs/developers/verification.md).
 *
 * Exit status: 0 every record intact, 1 a record broken or missing, 2 usage.
 */
import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { temporalConfigFromEnv } from '@banli/config';
import {
  AuditRecordRepository,
  createDataSource,
  databaseConfigFromEnv,
  ProposalRecordVerifier,
  runMigrations,
} from '@banli/persistence';
import type { ProposalRecordVerification } from '@banli/persistence';

const USAGE = 'Usage: npm run verify -- <proposal id>... | --all [--json]';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const all = argv.includes('--all');
  const ids = argv.filter((a) => !a.startsWith('--'));
  if (
    (all && ids.length > 0) ||
    (!all && ids.length === 0) ||
    argv.some((a) => a.startsWith('--') && !['--all', '--json'].includes(a))
  ) {
    console.error(USAGE);
    return 2;
  }
  const dataSource = createDataSource(databaseConfigFromEnv());
  await dataSource.initialize();
  const temporal = temporalConfigFromEnv();
  const connection = await Connection.connect({ address: temporal.address, connectTimeout: '10s' });
  try {
    await runMigrations(dataSource);
    const records = new AuditRecordRepository(dataSource);
    const verifier = new ProposalRecordVerifier(records, new Client({ connection, namespace: temporal.namespace }));
    let broken = 0;
    let checked = 0;
    const report = (v: ProposalRecordVerification) => {
      checked++;
      if (!v.valid) broken++;
      if (json) return console.log(JSON.stringify(v));
      const anchor = v.anchor.recorded ? `anchored at event ${v.anchor.recorded.seq}` : 'no anchor recorded yet';
      console.log(
        `${v.valid ? 'ok  ' : 'FAIL'} ${v.proposalId}: ${v.chain.events} events, ${anchor}, ${v.letters.length} letter files`,
      );
      for (const p of v.problems) console.log(`     ${p}`);
    };
    if (all) {
      let after = '';
      for (;;) {
        const page = await records.proposals(after, 100);
        for (const p of page) report(await verifier.verify(p.id, p.workflowId));
        if (page.length < 100) break;
        after = page[page.length - 1].id;
      }
    } else {
      for (const id of ids) {
        const workflowId = await records.workflowIdOf(id);
        if (!workflowId) {
          console.error(`${id}: no such proposal`);
          broken++;
          continue;
        }
        report(await verifier.verify(id, workflowId));
      }
    }
    if (!json) console.log(`${checked} checked, ${broken} broken or missing`);
    return broken > 0 ? 1 : 0;
  } finally {
    await connection.close().catch(() => undefined);
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error('verify failed:', err);
    process.exit(1);
  },
);
