// Shared Jest configuration. Every project has a `test` target (unit tests, *.spec.ts) and,
// where it talks to real services, a `test-integration` target (*.integration-spec.ts) that
// runs one file at a time against a real Temporal server, PostgreSQL and SQLite.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const WORKSPACE_ROOT = __dirname;

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    path.join(WORKSPACE_ROOT, `${target}.ts`),
  ]),
);

const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

/**
 * Packages published as ES modules only, which Jest's CommonJS runtime cannot load as they are
 * (plain Node can: require(esm)); swc turns them into CommonJS for the tests.
 */
const ESM_ONLY_PACKAGES = ['openid-client', 'oauth4webapi', 'jose', 'pixelmatch', 'github-slugger', 'canonicalize'];
const esmOnlyTransform = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];

function projectJestConfig(projectDir, { displayName, kind }) {
  const integration = kind === 'integration';
  return {
    displayName: integration ? `${displayName}:integration` : displayName,
    rootDir: projectDir,
    testEnvironment: 'node',
    transform: {
      '^.+\\.ts$': swcTransform,
      [`/node_modules/(${ESM_ONLY_PACKAGES.join('|')})/.+\\.js$`]: esmOnlyTransform,
    },
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_PACKAGES.join('|')})/)`],
    moduleFileExtensions: ['ts', 'js', 'json'],
    moduleNameMapper,
    reporters: [
      'default',
      [
        path.join(WORKSPACE_ROOT, 'tools/jest/summary-reporter.js'),
        { name: integration ? `${displayName}:integration` : displayName },
      ],
    ],
    testMatch: integration ? ['<rootDir>/**/*.integration-spec.ts'] : ['<rootDir>/**/*.spec.ts'],
    ...(integration
      ? {
          globalSetup: path.join(WORKSPACE_ROOT, 'tools/jest/global-setup.ts'),
          globalTeardown: path.join(WORKSPACE_ROOT, 'tools/jest/global-teardown.ts'),
          maxWorkers: 1,
          testTimeout: 120_000,
          slowTestThreshold: 30,
        }
      : { testTimeout: 10_000 }),
  };
}

module.exports = { projectJestConfig, moduleNameMapper, swcTransform, WORKSPACE_ROOT };
