import * as fs from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
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
import { createDataSource, runMigrations } from '@banli/persistence';
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
  ) {}

  act(name: ProposalUpdateName, who: Actor, input: object = {}): Promise<ActionResult> {
    const request: ActionRequest<unknown> = { actor: who, input };
    return this.handle.executeUpdate(proposalUpdates[name], { args: [request] }) as Promise<ActionResult>;
  }

  state(): Promise<ProposalStateView> {
    return this.handle.query(proposalStateQuery);
  }
}

export async function startProposal(
  h: Harness,
  options: { registration?: ProposalRegistration; urgent?: boolean; settingsEnv?: NodeJS.ProcessEnv } = {},
): Promise<ProposalDriver> {
  const reg = options.registration ?? registration();
  const proposalId = proposalIdOf(reg.sessionCode, reg.number);
  const config = handlingConfigFromEnv(options.settingsEnv ?? {});
  const input: ProposalWorkflowInput = {
    proposalId,
    registration: reg,
    receivedAt: new Date(await h.env.currentTimeMs()).toISOString(),
    settings: options.urgent ? config.urgent : config.normal,
  };
  const handle = await h.env.client.workflow.start('proposalWorkflow', {
    workflowId: proposalWorkflowIdOf(proposalId),
    taskQueue: h.taskQueue,
    args: [input],
  });
  return new ProposalDriver(handle, proposalId);
}
