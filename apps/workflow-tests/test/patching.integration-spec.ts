import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { temporal } from '@temporalio/proto';
import { PROPOSAL_WORKFLOW_PATCHES } from '@banli/contracts';
import { quietTemporalLogs } from '@banli/testing';
import { bundleWorkflows } from '@banli/worker';
import {
  alarmBursts,
  historyFixtures,
  localActivityMarkers,
  patchMarkers,
  readHistory,
  scheduledActivityInputs,
} from './support/history-fixtures';

/**
 * A workflow bundle as it would be had the change behind `patch` been made WITHOUT the patch:
 * `@temporalio/workflow` is swapped for a shim whose `patched(patch)` is always true and
 * records no marker, i.e. the new code unconditionally. Returns the bundle's path.
 */
async function bundleWithoutPatch(workDir: string, patch: string): Promise<string> {
  const shim = path.join(workDir, `workflow-without-${patch}.js`);
  fs.writeFileSync(
    shim,
    [
      `// @temporalio/workflow, except that patched(${JSON.stringify(patch)}) takes the new path without a marker.`,
      `const real = require(${JSON.stringify(require.resolve('@temporalio/workflow'))});`,
      `module.exports = Object.assign({}, real, {`,
      `  patched: (id) => (id === ${JSON.stringify(patch)} ? true : real.patched(id)),`,
      `});`,
    ].join('\n'),
  );
  const { code } = await bundleWorkflows({ extraAliases: { '@temporalio/workflow$': shim } });
  const bundle = path.join(workDir, `without-${patch}-bundle.js`);
  fs.writeFileSync(bundle, code);
  return bundle;
}

const replay = (bundle: string, file: string) =>
  Worker.runReplayHistory(
    { workflowBundle: { codePath: bundle } },
    temporal.api.history.v1.History.create(readHistory(file)),
    `replay-${file}`,
  );

async function replayError(bundle: string, file: string): Promise<unknown> {
  return replay(bundle, file).then(
    () => undefined,
    (e: unknown) => e,
  );
}

/**
 * The patch `parallel-alarm-notices` is needed, and it is enough.
 *
 * The change: the notices of alarms due together go out in one workflow task, then the next
 * escalation times of the escalated deadlines are computed together, instead of notice,
 * escalation time, notice, escalation time, one workflow task each. Proposals running since
 * before the change have histories written by the old order.
 *
 * This test bundles the workflow as it would be had the change been made WITHOUT the patch
 * (`bundleWithoutPatch`). Replaying a history
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
    unpatchedBundle = await bundleWithoutPatch(workDir, PATCH);
  }, 180_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

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
    const error = await replayError(unpatchedBundle, file);
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
 * The patch `local-projection` is needed, and it is enough.
 *
 * The change: the read model is written by a local activity inside the workflow task (a few
 * quick attempts, then the regular activity as a fallback) instead of by the regular activity
 * `projectProposal`. A history written before holds an `ActivityTaskScheduled` of
 * `projectProposal` for every change; the new code, unpatched, would record a local activity
 * marker there instead, and every such history fails to replay. With the patch, those
 * histories take the old path (replay.integration-spec.ts replays them all against the real
 * bundle), and the histories recorded since carry the marker, schedule no `projectProposal`
 * on the server and record each projection as a local activity marker whose result is empty:
 * the projection itself (about 2-3 KB, the handling state included) is no longer copied into
 * the history at every change.
 */
const LOCAL = PROPOSAL_WORKFLOW_PATCHES.localProjection;
const beforeLocal = historyFixtures(`before-${LOCAL}`);
const sinceLocal = historyFixtures().filter((f) => !f.includes('/'));
const projectionMarkers = (f: string) =>
  localActivityMarkers(readHistory(f)).filter((m) => m.type === 'projectProposal');
const historyBytes = (f: string) => temporal.api.history.v1.History.encode(readHistory(f)).finish().length;

describe(`the patch '${LOCAL}'`, () => {
  let workDir: string;
  let unpatchedBundle: string;

  beforeAll(async () => {
    quietTemporalLogs();
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banli-unpatched-'));
    unpatchedBundle = await bundleWithoutPatch(workDir, LOCAL);
  }, 180_000);

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

  it('has saved histories from before the change, each projection a regular activity with the projection as input', () => {
    expect(beforeLocal.length).toBeGreaterThanOrEqual(6);
    for (const f of beforeLocal) {
      expect(patchMarkers(readHistory(f))).not.toContain(LOCAL);
      expect(scheduledActivityInputs(readHistory(f), 'projectProposal').length).toBeGreaterThanOrEqual(2);
      expect(projectionMarkers(f)).toEqual([]);
    }
  });

  it('histories recorded since carry its marker and record each projection as a small local activity marker', () => {
    expect(sinceLocal.length).toBeGreaterThanOrEqual(6);
    for (const f of sinceLocal) {
      const history = readHistory(f);
      expect(patchMarkers(history)).toContain(LOCAL);
      const markers = projectionMarkers(f);
      expect(markers.length).toBeGreaterThanOrEqual(2);
      // The regular activity only as the fallback after failed local attempts (projection-fallback).
      expect(scheduledActivityInputs(history, 'projectProposal').length).toBe(markers.filter((m) => m.failed).length);
      for (const m of markers.filter((m) => !m.failed)) {
        expect(m.resultBytes).toBe(0);
        expect(m.eventBytes).toBeLessThan(400);
      }
    }
  });

  it.each(sinceLocal.filter((f) => beforeLocal.includes(`before-${LOCAL}/${f}`)))(
    '%s: the same scenario recorded since the change has a smaller history',
    (f) => {
      expect(historyBytes(f)).toBeLessThan(historyBytes(`before-${LOCAL}/${f}`));
    },
  );

  it.each(beforeLocal)('without the patch, %s fails to replay with a nondeterminism error', async (file) => {
    const error = await replayError(unpatchedBundle, file);
    expect(error).toBeInstanceOf(DeterminismViolationError);
    expect((error as Error).message).toMatch(/nondetermin/i);
  });
});
