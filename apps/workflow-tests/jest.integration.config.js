const { projectJestConfig } = require('../../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'workflow-tests', kind: 'integration' });
