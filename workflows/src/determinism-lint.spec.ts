import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The lint configuration is the guard that keeps I/O out of workflow code (a replayed
 * workflow that did I/O would break running proposals). These cases prove the guard holds.
 */
const WORKSPACE_ROOT = path.resolve(__dirname, '../..');

// ESLint's config loader needs native ESM import(), which Jest's VM does not offer: run the
// real CLI, as `npm run lint` does.
async function lintAsWorkflowFile(source: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [
      path.join(WORKSPACE_ROOT, 'node_modules/eslint/bin/eslint.js'),
      '--stdin',
      '--stdin-filename',
      'workflows/src/example.workflow.ts',
      '--format',
      'json',
    ],
    { cwd: WORKSPACE_ROOT, input: source, encoding: 'utf8' },
  );
  if (run.status !== 0 && run.status !== 1) throw new Error(`eslint failed: ${run.stderr}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('workflow code may not import anything that does I/O', () => {
  it.each([
    ["import * as fs from 'fs';", 'no-restricted-imports'],
    ["import { readFile } from 'node:fs/promises';", 'no-restricted-imports'],
    ["import { randomUUID } from 'crypto';", 'no-restricted-imports'],
    ["import { DataSource } from 'typeorm';", 'no-restricted-imports'],
    ["import { Injectable } from '@nestjs/common';", 'no-restricted-imports'],
    ["import { Client } from '@temporalio/client';", 'no-restricted-imports'],
    ["import { Worker } from '@temporalio/worker';", 'no-restricted-imports'],
    ["import { Context } from '@temporalio/activity';", 'no-restricted-imports'],
    ["import { createDataSource } from '@banli/persistence';", '@nx/enforce-module-boundaries'],
  ])('rejects %s', async (importLine, rule) => {
    const messages = await lintAsWorkflowFile(
      `${importLine}\nexport const used = [${importLine
        .match(/\{ (\w+) \}|\* as (\w+)/)
        ?.slice(1)
        .find(Boolean)}];\n`,
    );
    expect(messages.some((m) => m.startsWith(`${rule}:`))).toBe(true);
  });

  it('accepts the workflow API and the pure libraries', async () => {
    const messages = await lintAsWorkflowFile(
      "import { condition } from '@temporalio/workflow';\nimport { proposalIdOf } from '@banli/domain';\nimport { PROPOSAL_TASK_QUEUE } from '@banli/contracts';\nexport const used = [condition, proposalIdOf, PROPOSAL_TASK_QUEUE];\n",
    );
    expect(messages).toEqual([]);
  });
});
