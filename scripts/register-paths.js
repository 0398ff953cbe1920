// Resolves the workspace aliases (@banli/*) of compiled code under dist/out-tsc, for
// `node -r ./scripts/register-paths.js dist/out-tsc/apps/<app>/src/main.js`.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

tsconfigPaths.register({
  baseUrl: path.resolve(__dirname, '../dist/out-tsc'),
  paths: compilerOptions.paths,
});
