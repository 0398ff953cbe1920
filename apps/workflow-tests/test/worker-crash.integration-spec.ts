import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { proposalStateQuery } from '@banli/contracts';
import { createDataSource, ProposalEventEntity, runMigrations, TaskEntity } from '@banli/persistence';
import { sqliteTestFile } from '@banli/testing';
import { people, startProposalOn, UNITS, waitForReadModel } from './support/workflow-harness';

const ROOT = path.resolve(__dirname, '../../..');
const { lead, hr, edu, data, market } = UNITS;

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'support/worker-process.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: path.join(ROOT, 'tsconfig.base.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d) => {
      output += d;
      if (output.includes('worker ready')) resolve(child);
    });
    child.stderr?.on('data', (d) => (output += d));
    child.once('exit', (code) => reject(new Error(`worker exited ${code}:\n${output}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('a worker killed with SIGKILL mid-consultation', () => {
  let client: Client;
  let connection: Connection;
  let dataSource: DataSource;
  const file = sqliteTestFile();
  const taskQueue = `crash-test-${Date.now().toString(36)}`;
  const workerEnv = {
    TEMPORAL_ADDRESS: process.env['BANLI_TEST_TEMPORAL_ADDRESS'] as string,
    TASK_QUEUE: taskQueue,
    SQLITE_FILE: file,
    WORKFLOW_BUNDLE_PATH: process.env['WORKFLOW_BUNDLE_PATH'] as string,
  };
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    dataSource = createDataSource({ type: 'sqlite', file });
    await dataSource.initialize();
    await runMigrations(dataSource);
    connection = await Connection.connect({ address: workerEnv.TEMPORAL_ADDRESS });
    client = new Client({ connection });
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) await kill(worker);
    await connection?.close();
    await dataSource?.destroy();
  });

  it('loses no opinion, no deadline and no event, and carries on with the next worker', async () => {
    worker = await startWorkerProcess(workerEnv);
    const p = await startProposalOn(client, taskQueue, new Date().toISOString());
    const { handle, proposalId } = p;
    const act = p.act.bind(p);
    const opinion = (unitId: string) =>
      act('submitOpinion', people.coHandler(unitId), {
        points: [{ seq: 1, adoption: 'adopted', text: `${unitId}的意见` }],
      });

    await act('review', people.registrar, { decision: 'accept' });
    await act('assign', people.officer, { mode: 'lead', leadUnitId: lead, coHandlerUnitIds: [hr, edu, data, market] });
    await opinion(hr);
    const before = await handle.query(proposalStateQuery);

    // Crash while two opinions are on their way in.
    const inFlight = [opinion(edu), opinion(data)];
    await new Promise((r) => setTimeout(r, 50));
    await kill(worker);
    worker = await startWorkerProcess(workerEnv);
    await Promise.all(inFlight);
    await opinion(market);

    const after = await handle.query(proposalStateQuery);
    expect(Object.values(after.state.opinions).map((o) => [o.unitId, o.status, o.version])).toEqual(
      [hr, edu, data, market].map((u) => [u, 'submitted', 1]),
    );
    for (const d of before.deadlines) {
      expect(after.deadlines.find((x) => x.key === d.key)?.dueAt).toBe(d.dueAt);
    }
    // The read model converged: no opinion task left open, every event written once, in order.
    // Actions answer before their projection is written (patch answer-before-projection), and a
    // projection cut by the kill runs again after its 10 s start-to-close timeout: wait for it,
    // as the API does before it answers.
    await waitForReadModel(dataSource, proposalId, after.state.version, 60_000);
    const open = await dataSource.getRepository(TaskEntity).findBy({ proposalId, status: 'open' });
    expect(open.filter((t) => t.kind === 'opinion')).toEqual([]);
    const events = await dataSource
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId }, order: { seq: 'ASC' } });
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    expect(
      events
        .filter((e) => e.type === 'opinion-submitted')
        .map((e) => e.unitId)
        .sort(),
    ).toEqual([hr, edu, data, market].sort());
  });
});
