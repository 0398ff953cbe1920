import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { quietTemporalLogs } from '@banli/testing';
import { historyFixtures, readHistory } from './support/history-fixtures';

/**
 * The determinism guard. These are real histories of proposals handled by earlier versions
 * of the workflow (written by the scenario tests with UPDATE_HISTORY_FIXTURES=1; those of
 * versions before a patched change are kept in a subfolder named after it). Replaying them
 * against the current code fails when a change would break proposals already running: such
 * a change must use patching (see docs/developers/workflow.md, "Changing the workflow safely", and
 * patching.integration-spec.ts).
 */
const fixtures = historyFixtures();

describe('replaying saved proposal histories against the current workflow code', () => {
  beforeAll(() => quietTemporalLogs());

  it('has fixtures to replay, of the current version and of the version before the last patch', () => {
    expect(fixtures.filter((f) => !f.includes('/')).length).toBeGreaterThanOrEqual(6);
    expect(fixtures.filter((f) => f.startsWith('before-parallel-alarm-notices/')).length).toBeGreaterThanOrEqual(6);
    expect(fixtures.filter((f) => f.startsWith('before-office-decision-deadlines/')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('%s replays without a nondeterminism error', async (file) => {
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: process.env['WORKFLOW_BUNDLE_PATH'] as string } },
      temporal.api.history.v1.History.create(readHistory(file)),
      `replay-${file}`,
    );
  });
});
