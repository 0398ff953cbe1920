import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflows } from '@banli/worker';

/**
 * Pre-builds the workflow bundle, so workers start in a second and run exactly this code:
 * `node scripts/run-app.js build-workflow-bundle <file>` (the worker's bundle-workflows target
 * writes scripts/built-apps.json's workflowBundle).
 */
async function main(): Promise<void> {
  if (!process.argv[2]) throw new Error('usage: build-workflow-bundle <output file>');
  const out = path.resolve(process.argv[2]);
  const { code } = await bundleWorkflows();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
