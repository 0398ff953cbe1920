const { projectJestConfig } = require('../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'workflows', kind: 'integration' });
