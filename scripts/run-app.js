// Starts a built app by name: `node scripts/run-app.js <api|worker|seed|migrate|build-workflow-bundle> [args…]`.
// The apps' paths are in scripts/built-apps.json, the one table of them; `npm start`
// (scripts/start.sh), the Docker images, compose's seed service, the benchmark and the fault
// tests all start the apps through this file. It runs the app in this process (signals reach
// it directly, as under `node main.js`): process.argv becomes `node <main.js> [args…]`, then
// scripts/register-paths.js resolves the @banli/* aliases beside that main, then the main runs.
// The worker gets WORKFLOW_BUNDLE_PATH, unless set, pointing at the bundle built beside it.
const fs = require('node:fs');
const path = require('node:path');
const table = require('./built-apps.json');

const ROOT = path.resolve(__dirname, '..');
const name = process.argv[2];
const main = Object.hasOwn(table.apps, name ?? '') ? table.apps[name] : undefined;
if (!main) {
  console.error(`usage: node scripts/run-app.js <${Object.keys(table.apps).join('|')}> [args…]`);
  process.exit(2);
}
const entry = path.join(ROOT, main);
if (!fs.existsSync(entry)) {
  console.error(`${name} is not built (no ${main}): npx nx run-many -t build bundle-workflows -p api worker`);
  process.exit(1);
}
if (name === 'worker') process.env.WORKFLOW_BUNDLE_PATH ??= path.join(ROOT, table.workflowBundle);
process.argv.splice(1, 2, entry);
require('./register-paths.js');
require(entry);
