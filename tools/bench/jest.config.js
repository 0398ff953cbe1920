const { projectJestConfig } = require('../../jest.preset');

module.exports = projectJestConfig(__dirname, { displayName: 'bench', kind: 'unit' });
