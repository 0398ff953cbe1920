const { projectJestConfig } = require('../../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'domain', kind: 'unit' });
