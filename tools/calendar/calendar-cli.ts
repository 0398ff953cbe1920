/**
 * `npm run calendar -- <command>`: loads and lists calendars against the configured database
 * and Temporal (the worker's environment: DATABASE_*, TEMPORAL_*), without the API running.
 *
 *   load <file.json|file.ics> [--label <label>]   a year's notice or local days off
 *   list                                          every version, newest first
 *   report <seq>                                  the deadlines that version moved
 *   status                                        published and provisional years
 *
 * The audit trail records the operator as `cli:<os user>`: whoever can run this can reach the
 * database anyway.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporalConfigFromEnv } from '@banli/config';
import { DomainError } from '@banli/domain';
import {
  calendarFileFormat,
  CalendarLoading,
  CalendarOverrideRepository,
  createDataSource,
  databaseConfigFromEnv,
  runMigrations,
  temporalCalendarReplanStarter,
} from '@banli/persistence';

const USAGE = `Usage: npm run calendar -- load <file.json|file.ics> [--label <label>]
       npm run calendar -- list | report <seq> | status`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || !['load', 'list', 'report', 'status'].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const dataSource = createDataSource(databaseConfigFromEnv());
  await dataSource.initialize();
  const temporal = temporalConfigFromEnv();
  // Lazy: list, report and status never need Temporal; a load whose re-planning cannot start
  // is stored anyway and says so.
  const connection = Connection.lazy({ address: temporal.address, connectTimeout: '5s' });
  try {
    await runMigrations(dataSource);
    const service = new CalendarLoading(
      new CalendarOverrideRepository(dataSource),
      temporalCalendarReplanStarter(new Client({ connection, namespace: temporal.namespace }), temporal.taskQueue),
    );
    if (command === 'load') return await load(service, rest);
    if (command === 'list') {
      for (const v of await service.list()) {
        const covers = [...v.years.map(String), ...v.localDaysOff].join(', ');
        console.log(
          `#${v.seq} ${v.label} (${v.kind}, ${v.format}) covers ${covers}; loaded ${v.loadedAt} by ${v.loadedBy} ` +
            `from ${v.source}; re-planning ${v.replan.status}, ${v.replan.signalled} proposals signalled`,
        );
      }
      return 0;
    }
    if (command === 'report') {
      const seq = Number(rest[0]);
      if (!Number.isInteger(seq) || seq < 1) {
        console.error(USAGE);
        return 2;
      }
      const report = await service.report(seq);
      console.log(`#${report.version.seq} ${report.version.label}: ${report.changes.length} deadlines changed`);
      for (const c of report.changes) {
        const flag = c.oldProvisional && !c.newProvisional ? ' (now final)' : '';
        console.log(`${c.proposalId} ${c.deadlineKey}: ${c.oldEndDate} -> ${c.newEndDate}${flag}`);
      }
      return 0;
    }
    const status = await service.status();
    for (const y of status.years) console.log(`${y.year}: ${y.published ? 'published' : 'provisional'}`);
    if (status.missingNextYear) console.log(`Reminder: the ${status.missingNextYear} notice is not loaded.`);
    return 0;
  } finally {
    await connection.close().catch(() => undefined);
    await dataSource.destroy();
  }
}

async function load(service: CalendarLoading, args: string[]): Promise<number> {
  const file = args[0];
  const labelAt = args.indexOf('--label');
  const label = labelAt >= 0 ? args[labelAt + 1] : undefined;
  const format = file ? calendarFileFormat(file) : undefined;
  if (!file || !format || (labelAt >= 0 && !label)) {
    console.error(USAGE);
    return 2;
  }
  const text = fs.readFileSync(file, 'utf8');
  const actor = { userId: `cli:${os.userInfo().username}`.slice(0, 64), unitId: 'cli' };
  const result = await service.load(actor, {
    text,
    format,
    source: `cli:${path.basename(file)}`,
    ...(label ? { label } : {}),
  });
  const v = result.version;
  console.log(
    `${result.created ? 'Loaded' : 'Already loaded'} #${v.seq} ${v.label}: ` +
      `${[...v.years.map(String), ...v.localDaysOff].join(', ')} (calendar ${v.calendarVersion})`,
  );
  if (!result.replanStarted) {
    console.error('Re-planning did not start (Temporal unreachable): run the same command again.');
    return 1;
  }
  console.log(`Re-planning open proposals: see \`npm run calendar -- report ${v.seq}\`.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof DomainError) {
      console.error(`${err.code}: ${err.message}`);
      for (const d of err.details ?? []) console.error(`  ${d.field ? `${d.field}: ` : ''}${d.message}`);
      process.exit(1);
    }
    console.error('calendar failed:', err);
    process.exit(1);
  },
);
