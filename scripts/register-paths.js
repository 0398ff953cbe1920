// Resolves the workspace aliases (@banli/*) of compiled code, for
// `node -r ./scripts/register-paths.js dist/out-tsc/<app>/apps/<app>/src/main.js`.
// Each app compiles into its own folder (dist/out-tsc/api, dist/out-tsc/worker) with the
// workspace as rootDir, so the libraries it uses sit beside it under <folder>/libs. Separate
// folders keep Nx's cache restore of one app from deleting the other's output.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

function compiledRoot(entry) {
  const marker = `${path.sep}apps${path.sep}`;
  const at = entry ? path.resolve(entry).lastIndexOf(marker) : -1;
  if (at < 0) throw new Error(`register-paths: ${entry} is not an app compiled under dist/out-tsc/<app>/apps/`);
  return path.resolve(entry).slice(0, at);
}

// Worker threads get this preload too but no entry script: they inherit the main thread's
// answer through the environment.
process.env.BANLI_COMPILED_ROOT ??= compiledRoot(process.argv[1]);
tsconfigPaths.register({
  baseUrl: process.env.BANLI_COMPILED_ROOT,
  paths: compilerOptions.paths,
});
