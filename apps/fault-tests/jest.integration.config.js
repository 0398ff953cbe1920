// The fault tests start their own processes (Temporal dev server on a SQLite file, the built
// worker and API, PostgreSQL), so they use no shared global set-up. BANLI_FAULT_MODE=full
// runs the full size (200 proposals per scenario).
const path = require('node:path');
const { moduleNameMapper, swcTransform, WORKSPACE_ROOT } = require('../../jest.preset');

const full = process.env.BANLI_FAULT_MODE === 'full';
const name = full ? 'fault-tests:full' : 'fault-tests:integration';

module.exports = {
  displayName: name,
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swcTransform },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  reporters: ['default', [path.join(WORKSPACE_ROOT, 'tools/jest/summary-reporter.js'), { name }]],
  testMatch: ['<rootDir>/**/*.integration-spec.ts'],
  maxWorkers: 1,
  testTimeout: full ? 3 * 3_600_000 : 10 * 60_000,
  slowTestThreshold: 60,
};
