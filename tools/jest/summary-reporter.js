// A Jest reporter that records each project's counts, and the tests that failed, for
// scripts/test-summary.js (which prints them at the end of `npm test`, where a CI log shows them).
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
  constructor(globalConfig, options) {
    this.name = options.name;
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.BANLI_TEST_SUMMARY_DIR;
    if (!dir) return;
    // eslint-disable-next-line no-control-regex
    const plain = (text) => String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
    const firstLines = (text) => plain(text).trim().split('\n').filter((l) => l.trim()).slice(0, 3).map((l) => l.trim()).join(' / ').slice(0, 400);
    const failures = [];
    for (const file of results.testResults) {
      const where = path.relative(process.cwd(), file.testFilePath);
      if (file.testExecError) failures.push({ file: where, test: '(the file did not run)', message: firstLines(file.testExecError.message) });
      for (const t of file.testResults) {
        if (t.status === 'failed') failures.push({ file: where, test: t.fullName, message: firstLines(t.failureMessages[0]) });
      }
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${this.name.replace(/[^\w.-]/g, '_')}.json`),
      JSON.stringify({
        project: this.name,
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        suitesFailed: results.numFailedTestSuites + (results.numRuntimeErrorTestSuites ?? 0),
        failures,
      }),
    );
  }
}

module.exports = SummaryReporter;
