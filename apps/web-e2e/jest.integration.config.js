const path = require('node:path');
const { projectJestConfig } = require('../../jest.preset');

// One running system (npm start) for all browser test files: see global-setup.ts.
module.exports = {
  ...projectJestConfig(__dirname, { displayName: 'web-e2e', kind: 'integration' }),
  globalSetup: path.join(__dirname, 'global-setup.ts'),
  testTimeout: 180_000,
};
