const path = require('node:path');
const { projectJestConfig } = require('../../jest.preset');

// One running system (npm start) for all browser test files: see global-setup.ts.
module.exports = {
  ...projectJestConfig(__dirname, { displayName: 'web-e2e', kind: 'integration' }),
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  // On a failure, what each open page showed: see test/support/diagnostics.ts.
  testEnvironment: path.join(__dirname, 'test/support/environment.ts'),
  setupFilesAfterEnv: [path.join(__dirname, 'test/support/diagnostics.ts')],
  // A test of a dozen actions, each of which the API may take up to 15 s to answer: the longest
  // took 88 s with the two cores kept busy (load average 27); 180 s left too little room.
  testTimeout: 300_000,
};
