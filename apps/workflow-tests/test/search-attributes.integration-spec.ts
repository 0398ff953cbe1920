import * as fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { SEARCH_ATTRIBUTES } from '@banli/contracts';
import { createDataSource, runMigrations } from '@banli/persistence';
import { quietTemporalLogs, sqliteTestFile } from '@banli/testing';
import { createCalendarActivities, createProposalActivities } from '@banli/worker';
import { people, startProposalOn, UNITS } from './support/workflow-harness';

/** Stage, lead unit and next deadline are search attributes: the Temporal UI filters by them. */
describe('search attributes on the dev server', () => {
  let connection: Connection;
  let nativeConnection: NativeConnection;
  let dataSource: DataSource;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `sa-test-${Date.now().toString(36)}`;

  beforeAll(async () => {
    quietTemporalLogs();
    const address = process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string;
    dataSource = createDataSource({ type: 'sqlite', file: sqliteTestFile() });
    await dataSource.initialize();
    await runMigrations(dataSource);
    nativeConnection = await NativeConnection.connect({ address });
    worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowBundle: { code: fs.readFileSync(process.env['WORKFLOW_BUNDLE_PATH'] as string, 'utf8') },
      activities: { ...createProposalActivities(dataSource), ...createCalendarActivities(dataSource) },
    });
    running = worker.run();
    connection = await Connection.connect({ address });
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await nativeConnection?.close();
    await connection?.close();
    await dataSource?.destroy();
  });

  it('lets the Temporal UI find proposals by stage, lead unit and next deadline', async () => {
    const client = new Client({ connection });
    const p = await startProposalOn(client, taskQueue, new Date().toISOString());
    const handle = p.handle;
    await p.act('review', people.registrar, { decision: 'accept' });
    await p.act('assign', people.officer, { mode: 'lead', leadUnitId: UNITS.lead, coHandlerUnitIds: [UNITS.hr] });

    const query = `WorkflowId = '${handle.workflowId}' AND BanliStage = 'consultation' AND BanliLeadUnit = '${UNITS.lead}' AND BanliNextDeadline > '${new Date().toISOString()}'`;
    const until = Date.now() + 15_000;
    let found: string[] = [];
    while (found.length === 0 && Date.now() < until) {
      found = [];
      for await (const wf of client.workflow.list({ query })) found.push(wf.workflowId);
      if (found.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(found).toEqual([handle.workflowId]);
    const described = await handle.describe();
    expect(described.typedSearchAttributes.get(SEARCH_ATTRIBUTES.stage)).toBe('consultation');
  });
});
