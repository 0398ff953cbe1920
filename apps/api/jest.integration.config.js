const { projectJestConfig } = require('../../jest.preset');

module.exports = {
  ...projectJestConfig(__dirname, { displayName: 'api', kind: 'integration' }),
  // Every answer of the API is checked against the OpenAPI document (test/support/openapi-responses.ts).
  setupFilesAfterEnv: ['<rootDir>/test/support/openapi-responses.setup.ts'],
};
