import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { Client, WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { DataSource } from 'typeorm';
import {
  ActionRequest,
  ActionResult,
  proposalStateQuery,
  ProposalStateView,
  proposalUpdates,
  ProposalUpdateName,
  ProposalWorkflowInput,
} from '@banli/contracts';
import { handlingConfigFromEnv } from '@banli/config';
import { Actor, ProposalRegistration, proposalIdOf, proposalWorkflowIdOf, Role } from '@banli/domain';
import { createDataSource, ProposalEntity, runMigrations } from '@banli/persistence';
import { sqliteTestFile, startTimeSkippingServer } from '@banli/testing';
import { createCalendarActivities, createProposalActivities } from '@banli/worker';

/** The time-skipping test server, a worker with the real activities, and a SQLite read model. */
export interface Harness {
  env: TestWorkflowEnvironment;
  dataSource: DataSource;
  taskQueue: string;
  worker: Worker;
  startWorker(): void;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const env = await startTimeSkippingServer();
  const dataSource = createDataSource({ type: 'sqlite', file: sqliteTestFile() });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const taskQueue = `workflow-test-${Date.now().toString(36)}`;
  const code = fs.readFileSync(process.env['WORKFLOW_BUNDLE_PATH'] as string, 'utf8');
  const makeWorker = () =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { code },
      activities: { ...createProposalActivities(dataSource), ...createCalendarActivities(dataSource) },
    });
  const harness: Harness = {
    env,
    dataSource,
    taskQueue,
    worker: await makeWorker(),
    startWorker() {
      running = harness.worker.run();
    },
    async stopWorker() {
      harness.worker.shutdown();
      await running;
      harness.worker = await makeWorker();
    },
    async close() {
      if (harness.worker.getState() === 'RUNNING') {
        harness.worker.shutdown();
        await running;
      }
      await env.teardown();
      await dataSource.destroy();
    },
  };
  let running: Promise<void> = Promise.resolve();
  harness.startWorker();
  return harness;
}

export const UNITS = {
  office: 'gov-office',
  committee: 'committee',
  lead: 'industry-it',
  hr: 'human-resources',
  edu: 'education',
  data: 'government-data',
  market: 'market-regulation',
} as const;

export function actor(unitId: string, ...roles: Role[]): Actor {
  return { userId: `${unitId}-${roles.join('+')}`, unitId, roles };
}

export const people = {
  registrar: actor(UNITS.committee, 'registrar'),
  officer: actor(UNITS.office, 'assigning-officer'),
  supervisor: actor(UNITS.office, 'supervisor'),
  handler: (unitId: string) => actor(unitId, 'handler'),
  reviewer: (unitId: string) => actor(unitId, 'reviewer'),
  signer: (unitId: string) => actor(unitId, 'signer'),
  coHandler: (unitId: string) => actor(unitId, 'co-handler'),
};

let counter = 0;

export function registration(overrides: Partial<ProposalRegistration> = {}): ProposalRegistration {
  counter++;
  return {
    kind: 'proposal',
    sessionCode: '8-2',
    sessionName: '市政协八届二次会议',
    number: `${Date.now().toString(36)}${counter}`,
    title: '关于加快数字经济发展的提案',
    proposers: [
      { name: '李明', lead: true },
      { name: '王芳', lead: false },
    ],
    body: '正文',
    suggestionPoints: [
      { seq: 1, text: '加快5G基站建设' },
      { seq: 2, text: '培育数据要素市场' },
    ],
    ...overrides,
  };
}

export class ProposalDriver {
  constructor(
    readonly handle: WorkflowHandle,
    readonly proposalId: string,
    /** The read model the worker's projection writes, when the test can see it. */
    private readonly readModel?: DataSource,
  ) {}

  /**
   * An action as the API sends it: the update answers once its projection is scheduled, then
   * (as the API does) the read model is awaited until the proposal's row shows the version the
   * update returned.
   */
  async act(name: ProposalUpdateName, who: Actor, input: object = {}): Promise<ActionResult> {
    const request: ActionRequest<unknown> = { actor: who, input };
    const result = (await this.handle.executeUpdate(proposalUpdates[name], { args: [request] })) as ActionResult;
    if (this.readModel) await waitForReadModel(this.readModel, this.proposalId, result.version);
    return result;
  }

  state(): Promise<ProposalStateView> {
    return this.handle.query(proposalStateQuery);
  }
}

export interface StartOptions {
  registration?: ProposalRegistration;
  urgent?: boolean;
  settingsEnv?: NodeJS.ProcessEnv;
  maxHistoryEvents?: number;
}

/** Starts a proposal's workflow as the API would, on any Temporal server and task queue. */
export async function startProposalOn(
  client: Client,
  taskQueue: string,
  receivedAt: string,
  options: StartOptions = {},
): Promise<ProposalDriver> {
  const reg = options.registration ?? registration();
  const proposalId = proposalIdOf(reg.sessionCode, reg.number);
  const config = handlingConfigFromEnv(options.settingsEnv ?? {});
  const input: ProposalWorkflowInput = {
    proposalId,
    registration: reg,
    receivedAt,
    settings: options.urgent ? config.urgent : config.normal,
    ...(options.maxHistoryEvents ? { maxHistoryEvents: options.maxHistoryEvents } : {}),
  };
  const handle = await client.workflow.start('proposalWorkflow', {
    workflowId: proposalWorkflowIdOf(proposalId),
    taskQueue,
    args: [input],
  });
  return new ProposalDriver(handle, proposalId);
}

export async function startProposal(h: Harness, options: StartOptions = {}): Promise<ProposalDriver> {
  const p = await startProposalOn(h.env.client, h.taskQueue, await nowIso(h), options);
  return new ProposalDriver(p.handle, p.proposalId, h.dataSource);
}

/** Waits until the proposal's row in the read model shows this workflow state version. */
export async function waitForReadModel(
  dataSource: DataSource,
  proposalId: string,
  version: number,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await dataSource.getRepository(ProposalEntity).findOneBy({ id: proposalId });
    if (row && row.projectionVersion >= version) return;
    if (Date.now() > until) throw new Error(`${proposalId}: the read model is not at version ${version}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const SECTIONS = [
  { seq: 1, adoption: 'adopted', text: '已将5G基站建设纳入年度计划。' },
  { seq: 2, adoption: 'partly-adopted', text: '正在研究数据要素市场试点。' },
];

/** The code of a rejected update (its ApplicationFailure type), or a thrown error if accepted. */
export async function rejection(p: Promise<unknown>): Promise<{ type: string | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
      return { type: e.cause.type ?? undefined, message: e.cause.message };
    }
    throw e;
  }
  throw new Error('expected the action to be rejected');
}

/** Skips the test server's clock to an instant (time passes only forward). */
export async function skipTo(h: Harness, instant: string | number): Promise<void> {
  const target = typeof instant === 'number' ? instant : Date.parse(instant);
  const now = await h.env.currentTimeMs();
  if (target > now) await h.env.sleep(target - now);
}

export async function nowIso(h: Harness): Promise<string> {
  return new Date(await h.env.currentTimeMs()).toISOString();
}

/** Drafts, reviews and signs a unit's reply; returns the document number. */
export async function writeAndSign(
  p: ProposalDriver,
  unitId: string,
  replyClass = 'A',
  disclosure = 'on-request',
): Promise<string> {
  await p.act('submitDraft', people.handler(unitId), { replyClass, disclosure, sections: SECTIONS });
  await p.act('reviewDraft', people.reviewer(unitId), { decision: 'approve' });
  const signed = await p.act('signOff', people.signer(unitId), { decision: 'sign' });
  return signed.documentNumber as string;
}

/** Writes the run's history as a replay fixture when UPDATE_HISTORY_FIXTURES is set. */
export async function saveHistoryFixture(p: ProposalDriver, name: string): Promise<void> {
  if (!process.env['UPDATE_HISTORY_FIXTURES']) return;
  const history = await p.handle.fetchHistory();
  const dir = path.resolve(__dirname, '../fixtures/histories');
  fs.mkdirSync(dir, { recursive: true });
  // Binary protobuf: the SDK's JSON helper trips over two protobufjs copies in node_modules.
  fs.writeFileSync(path.join(dir, `${name}.history.pb`), temporal.api.history.v1.History.encode(history).finish());
}

/**
 * Waits for the workflow to complete without `handle.result()`: on the time-skipping server
 * a result wait lets the server skip time freely (years, for every other open proposal).
 */
export async function expectCompleted(p: ProposalDriver, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const status = (await p.handle.describe()).status.name;
    if (status === 'COMPLETED') return;
    if (status !== 'RUNNING' || Date.now() > until) throw new Error(`workflow ${p.handle.workflowId} is ${status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
