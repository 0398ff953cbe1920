const { projectJestConfig } = require('../../jest.preset');

module.exports = {
  ...projectJestConfig(__dirname, { displayName: 'web-e2e', kind: 'integration' }),
  testTimeout: 300_000,
};
