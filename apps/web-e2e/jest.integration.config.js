const path = require('node:path');
const { projectJestConfig } = require('../../jest.preset');

// One running system (npm start) for all browser test files: see global-setup.ts.
module.exports = {
  ...projectJestConfig(__dirname, { displayName: 'web-e2e', kind: 'integration' }),
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  // On a failure, what each open page showed: see test/support/diagnostics.ts.
  testEnvironment: path.join(__dirname, 'test/support/environment.ts'),
  setupFilesAfterEnv: [path.join(__dirname, 'test/support/diagnostics.ts')],
  testTimeout: 180_000,
};
