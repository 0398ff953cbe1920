const { projectJestConfig } = require('../../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'worker-runtime', kind: 'unit' });
