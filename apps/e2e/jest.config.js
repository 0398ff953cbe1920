const { projectJestConfig } = require('../../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'e2e', kind: 'unit' });
