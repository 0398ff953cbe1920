import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { temporal } from '@temporalio/proto';
import { PROPOSAL_WORKFLOW_PATCHES } from '@banli/contracts';
import { quietTemporalLogs } from '@banli/testing';
import { bundleWorkflows } from '@banli/worker';
import { alarmBursts, historyFixtures, patchMarkers, readHistory } from './support/history-fixtures';

/**
 * The patch `parallel-alarm-notices` is needed, and it is enough.
 *
 * The change: the notices of alarms due together go out in one workflow task, then the next
 * escalation times of the escalated deadlines are computed together, instead of notice,
 * escalation time, notice, escalation time, one workflow task each. Proposals running since
 * before the change have histories written by the old order.
 *
 * This test bundles the workflow as it would be had the change been made WITHOUT the patch:
 * `@temporalio/workflow` is swapped for a shim whose `patched('parallel-alarm-notices')` is
 * always true and records no marker, i.e. the new code unconditionally. Replaying a history
 * saved before the change in which two deadlines escalated together (`NLNL`) against that
 * bundle fails with a nondeterminism error: the new code asks for the second notice where the
 * history holds the first escalation time. replay.integration-spec.ts replays every saved
 * history against the real (patched) bundle without one, and the histories recorded since
 * the change show the new order with the patch's marker.
 *
 * What the SDK does not catch: a burst of reminders only (`NN`) keeps the same order of
 * commands; Temporal's core matches commands to the history by order and type, not by
 * workflow task, so those histories replay even without the patch (with the events' times
 * taken at another moment than the original run did). The patch keeps them exact too.
 */
const PATCH = PROPOSAL_WORKFLOW_PATCHES.parallelAlarmNotices;
const BEFORE = 'before-parallel-alarm-notices';
const before = historyFixtures(BEFORE);
const bursts = (f: string) => alarmBursts(readHistory(f));
/** Histories in which an escalation time was computed before a later notice of the same burst. */
const reordered = before.filter((f) => bursts(f).some((b) => /L.*N/.test(b.order)));
const sameOrder = before.filter((f) => !reordered.includes(f));
const current = historyFixtures().filter((f) => !f.includes('/'));

describe(`the patch '${PATCH}'`, () => {
  let workDir: string;
  let unpatchedBundle: string;

  beforeAll(async () => {
    quietTemporalLogs();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-unpatched-'));
    const shim = path.join(workDir, 'workflow-without-patch.js');
    fs.writeFileSync(
      shim,
      [
        `// @temporalio/workflow, except that patched(${JSON.stringify(PATCH)}) takes the new path without a marker.`,
        `const real = require(${JSON.stringify(require.resolve('@temporalio/workflow'))});`,
        `module.exports = Object.assign({}, real, {`,
        `  patched: (id) => (id === ${JSON.stringify(PATCH)} ? true : real.patched(id)),`,
        `});`,
      ].join('\n'),
    );
    const { code } = await bundleWorkflows({ extraAliases: { '@temporalio/workflow$': shim } });
    unpatchedBundle = path.join(workDir, 'unpatched-bundle.js');
    fs.writeFileSync(unpatchedBundle, code);
  }, 180_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const replay = (bundle: string, file: string) =>
    Worker.runReplayHistory(
      { workflowBundle: { codePath: bundle } },
      temporal.api.history.v1.History.create(readHistory(file)),
      `replay-${file}`,
    );

  it('has saved histories from before the change in which alarms fell due together', () => {
    expect(reordered.length).toBeGreaterThanOrEqual(1);
    for (const f of before) {
      // The old code: one workflow task per notice, each escalation time right after its notice.
      for (const b of bursts(f)) expect(b.workflowTasks).toBe(b.notices);
      expect(patchMarkers(readHistory(f))).toEqual([]);
    }
  });

  it('histories recorded since the change carry its marker, with the notices due together sent at once', () => {
    const all = current.flatMap(bursts);
    expect(all.some((b) => b.notices > 1)).toBe(true);
    expect(all.some((b) => /NL/.test(b.order))).toBe(true);
    for (const b of all) {
      expect(b.workflowTasks).toBe(1);
      expect(b.order).toMatch(/^N+L*$/);
    }
    for (const f of current) {
      if (bursts(f).length > 0) expect(patchMarkers(readHistory(f))).toContain(PATCH);
    }
  });

  it.each(reordered)('without the patch, %s fails to replay with a nondeterminism error', async (file) => {
    const error = await replay(unpatchedBundle, file).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeterminismViolationError);
    expect((error as Error).message).toMatch(/nondetermin/i);
  });

  it.each(sameOrder)(
    'without the patch, %s (same order of commands) still replays: the SDK cannot tell',
    async (file) => {
      await replay(unpatchedBundle, file);
    },
  );
});

/**
 * The patch `answer-before-projection` is needed: since it, an action answers from the
 * workflow task that schedules its projection, and projections run one at a time in the
 * workflow's projection loop. The histories saved before it hold each action's update completed
 * only after its projection activity completed; the new code, taken without the patch, completes
 * the update a workflow task earlier, and Temporal's core refuses the replay.
 */
describe(`the patch '${PROPOSAL_WORKFLOW_PATCHES.answerBeforeProjection}'`, () => {
  const ANSWER = PROPOSAL_WORKFLOW_PATCHES.answerBeforeProjection;
  const beforeAnswer = historyFixtures(`before-${ANSWER}`);
  let workDir: string;
  let unpatchedBundle: string;

  beforeAll(async () => {
    quietTemporalLogs();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-unpatched-answer-'));
    const shim = path.join(workDir, 'workflow-without-patch.js');
    fs.writeFileSync(
      shim,
      [
        `const real = require(${JSON.stringify(require.resolve('@temporalio/workflow'))});`,
        `module.exports = Object.assign({}, real, {`,
        `  patched: (id) => (id === ${JSON.stringify(ANSWER)} ? true : real.patched(id)),`,
        `});`,
      ].join('\n'),
    );
    const { code } = await bundleWorkflows({ extraAliases: { '@temporalio/workflow$': shim } });
    unpatchedBundle = path.join(workDir, 'unpatched-bundle.js');
    fs.writeFileSync(unpatchedBundle, code);
  }, 180_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('histories recorded since the change carry its marker; those before it do not', () => {
    expect(beforeAnswer.length).toBeGreaterThanOrEqual(6);
    for (const f of beforeAnswer) expect(patchMarkers(readHistory(f))).not.toContain(ANSWER);
    expect(current.length).toBeGreaterThanOrEqual(6);
    for (const f of current) expect(patchMarkers(readHistory(f))).toContain(ANSWER);
  });

  it.each(beforeAnswer)('without the patch, %s fails to replay with a nondeterminism error', async (file) => {
    const error = await Worker.runReplayHistory(
      { workflowBundle: { codePath: unpatchedBundle } },
      temporal.api.history.v1.History.create(readHistory(file)),
      `replay-${file}`,
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeterminismViolationError);
  });
});

/**
 * The patch `office-decision-deadlines` is needed: since it, each objection and extension request
 * starts the assigning office's decision deadline, which the workflow plans with the calendar
 * (one more `planDeadlines` activity after the request) and then reminds and escalates. The
 * histories saved before it hold a request followed directly by its projection; the new code,
 * taken without the patch, asks for the plan there, and the replay fails.
 */
describe(`the patch '${PROPOSAL_WORKFLOW_PATCHES.officeDecisionDeadlines}'`, () => {
  const DECISION = PROPOSAL_WORKFLOW_PATCHES.officeDecisionDeadlines;
  const beforeDecision = historyFixtures(`before-${DECISION}`);
  /** Histories with an objection or an extension request (the only ones the change touches). */
  const withRequest = (files: string[]) =>
    files.filter((f) =>
      /^(reassignment-after-objection|extension-moves-timer|office-decision-deadline)\./.test(path.basename(f)),
    );
  let workDir: string;
  let unpatchedBundle: string;

  beforeAll(async () => {
    quietTemporalLogs();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-unpatched-decision-'));
    const shim = path.join(workDir, 'workflow-without-patch.js');
    fs.writeFileSync(
      shim,
      [
        `const real = require(${JSON.stringify(require.resolve('@temporalio/workflow'))});`,
        `module.exports = Object.assign({}, real, {`,
        `  patched: (id) => (id === ${JSON.stringify(DECISION)} ? true : real.patched(id)),`,
        `});`,
      ].join('\n'),
    );
    const { code } = await bundleWorkflows({ extraAliases: { '@temporalio/workflow$': shim } });
    unpatchedBundle = path.join(workDir, 'unpatched-bundle.js');
    fs.writeFileSync(unpatchedBundle, code);
  }, 180_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('histories recorded since the change carry its marker; those before it do not', () => {
    expect(withRequest(beforeDecision).length).toBe(2);
    for (const f of beforeDecision) expect(patchMarkers(readHistory(f))).not.toContain(DECISION);
    expect(withRequest(current).length).toBe(3);
    for (const f of current) expect(patchMarkers(readHistory(f))).toContain(DECISION);
  });

  it.each(withRequest(beforeDecision))(
    'without the patch, %s fails to replay with a nondeterminism error',
    async (file) => {
      const error = await Worker.runReplayHistory(
        { workflowBundle: { codePath: unpatchedBundle } },
        temporal.api.history.v1.History.create(readHistory(file)),
        `replay-${file}`,
      ).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DeterminismViolationError);
    },
  );
});
