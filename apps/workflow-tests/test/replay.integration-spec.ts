import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { quietTemporalLogs } from '@banli/testing';

/**
 * The determinism guard. These are real histories of proposals handled by earlier versions
 * of the workflow (written by the scenario tests with UPDATE_HISTORY_FIXTURES=1). Replaying
 * them against the current code fails when a change would break proposals already running:
 * such a change must use patching (see the README, "Changing the workflow safely").
 */
const DIR = path.join(__dirname, 'fixtures/histories');
const fixtures = fs.readdirSync(DIR).filter((f) => f.endsWith('.history.pb'));

describe('replaying saved proposal histories against the current workflow code', () => {
  beforeAll(() => quietTemporalLogs());

  it('has fixtures to replay', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  it.each(fixtures)('%s replays without a nondeterminism error', async (file) => {
    const history = temporal.api.history.v1.History.decode(fs.readFileSync(path.join(DIR, file)));
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: process.env['WORKFLOW_BUNDLE_PATH'] as string } },
      history,
      `replay-${file}`,
    );
  });
});
