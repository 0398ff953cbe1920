// Adds up what every Jest project reported (tools/jest/summary-reporter.js) and
// prints one closing line: "tests: N passed, N failed".
const fs = require('node:fs');
const path = require('node:path');

const dir = process.argv[2];
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let suitesFailed = 0;
const failures = [];
for (const f of files) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  passed += r.passed;
  failed += r.failed;
  suitesFailed += r.suitesFailed;
  for (const f of r.failures ?? []) failures.push({ project: r.project, ...f });
  console.log(`  ${r.project.padEnd(28)} ${String(r.passed).padStart(4)} passed  ${r.failed} failed`);
}
for (const f of failures) {
  console.log(`  FAILED ${f.project}: ${f.file} › ${f.test}`);
  if (f.message) console.log(`         ${f.message}`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
if (files.length === 0 || passed === 0) {
  console.error('No test ran.');
  process.exit(1);
}
process.exit(failed > 0 || suitesFailed > 0 ? 1 : 0);
