import { builtinModules } from 'node:module';
import nx from '@nx/eslint-plugin';

/** Who may import whom. Deterministic workflow code sits at the bottom with the pure domain. */
const depConstraints = [
  // System and workflow tests drive the whole stack: they may use any library.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:letters', onlyDependOnLibsWithTags: ['type:domain'] },
  { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  // Logger, tracing and metrics plumbing shared by the API and the worker processes.
  { sourceTag: 'type:observability', onlyDependOnLibsWithTags: ['type:config'] },
  { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:letters'] },
  {
    sourceTag: 'type:worker',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config', 'type:persistence', 'type:letters', 'type:observability'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:config',
      'type:persistence',
      'type:worker',
      'type:observability',
    ],
  },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:config',
      'type:persistence',
      'type:letters',
      'type:observability',
    ],
  },
  // The calendar CLI (tools/calendar): the API's use case against the database and Temporal.
  {
    sourceTag: 'scope:cli',
    onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:config', 'type:persistence'],
  },
  // The browser app shares only types with the server (import type: nothing reaches the bundle).
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
  {
    sourceTag: 'scope:worker',
    onlyDependOnLibsWithTags: [
      'type:domain',
      'type:contracts',
      'type:config',
      'type:persistence',
      'type:worker',
      'type:letters',
      'type:observability',
    ],
  },
];

/**
 * Tests may also use the testing library, and run a worker (with its persistence and
 * configuration) in-process against a real Temporal server.
 */
const testDepConstraints = depConstraints.map((c) =>
  c.sourceTag.startsWith('scope:') || c.sourceTag.startsWith('type:')
    ? {
        ...c,
        onlyDependOnLibsWithTags: [
          ...new Set([...c.onlyDependOnLibsWithTags, 'type:testing', 'type:worker', 'type:persistence', 'type:config']),
        ],
      }
    : c,
);

const TEST_FILES = ['**/*.spec.ts', '**/*.integration-spec.ts', '**/test/**/*.ts'];

/** Workflow code is replayed and must be deterministic: nothing that does I/O. */
const workflowBannedImports = {
  paths: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({
    name,
    message: 'Workflow code must be deterministic: no Node built-ins. Do I/O in an activity.',
  })),
  patterns: [
    { group: ['node:*'], message: 'Workflow code must be deterministic: no Node built-ins.' },
    { group: ['typeorm', 'typeorm/*'], message: 'Workflows never touch the database; call an activity.' },
    { group: ['@nestjs/*'], message: 'Workflows do not run inside Nest.' },
    {
      group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
      message: 'Workflow code may only use @temporalio/workflow (and @temporalio/common).',
    },
  ],
};

/**
 * The API reaches the database only through persistence's repositories: controller -> one
 * service -> repositories. Only its database module holds the DataSource (it builds the
 * repositories from it). `apps/api/src/app/layering-lint.spec.ts` proves the rule bites.
 */
const API_DATABASE_MODULE = 'apps/api/src/app/database/database.module.ts';
const apiStorageBannedImports = {
  paths: [
    {
      name: 'typeorm',
      message:
        'The API does not use TypeORM (DataSource, EntityManager, Repository…): use a repository of @banli/persistence.',
    },
    {
      name: '@banli/persistence',
      importNames: ['execSql', 'inTransaction', 'createDataSource', 'runMigrations', 'pingDatabase'],
      message: 'SQL and transactions live in libs/persistence: add a repository method.',
    },
  ],
  patterns: [
    { group: ['typeorm/*'], message: 'The API does not use TypeORM: use a repository of @banli/persistence.' },
  ],
};
const apiStorageBannedSyntax = [
  {
    selector:
      'CallExpression[callee.property.name=/^(getRepository|createQueryBuilder|createQueryRunner|query|transaction)$/]',
    message: 'No queries in the API: storage is reached through a repository of @banli/persistence.',
  },
];

/**
 * The web shows what the API says and decides nothing itself (docs/rules.md): who may act comes
 * from `allowedActions`, how a deadline stands from `due`. So no role or stage checks and no
 * calendar rules in the web, and only types from the domain. `apps/web/src/web-rules-lint.spec.ts`
 * proves the rule bites.
 */
const WEB_RULES = 'Ask the API: who may act is its allowedActions, how a deadline stands its due (docs/rules.md).';
const webDecidesNothingSyntax = [
  {
    selector:
      "CallExpression[callee.object.property.name='roles'][callee.property.name=/^(includes|some|every|find|indexOf)$/]",
    message: `No role checks in the web. ${WEB_RULES}`,
  },
  {
    selector: "CallExpression[callee.object.name='roles'][callee.property.name=/^(includes|some|every|find|indexOf)$/]",
    message: `No role checks in the web. ${WEB_RULES}`,
  },
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/][left.property.name='stage'][right.type='Literal']",
    message: `No stage checks in the web. ${WEB_RULES}`,
  },
  {
    selector: "BinaryExpression[operator=/^[!=]==?$/][right.property.name='stage'][left.type='Literal']",
    message: `No stage checks in the web. ${WEB_RULES}`,
  },
  {
    selector: "CallExpression[callee.property.name='includes'][arguments.0.property.name='stage']",
    message: `No stage checks in the web. ${WEB_RULES}`,
  },
  {
    selector: "SwitchStatement[discriminant.property.name='stage']",
    message: `No stage checks in the web. ${WEB_RULES}`,
  },
  {
    selector:
      'ImportSpecifier[imported.name=/^(workingDays|addWorkingDays|isWorkingDay|dueStatus|dueSoon|availableActions|canAct)/]',
    message: `No calendar or handling rules in the web. ${WEB_RULES}`,
  },
];
const webDecidesNothingImports = {
  paths: ['@banli/domain', '@banli/contracts'].map((name) => ({
    name,
    allowTypeImports: true,
    message: `The web imports only types from ${name}: its rules run on the server. ${WEB_RULES}`,
  })),
  patterns: [
    {
      group: ['@banli/domain/*', '@banli/contracts/*', 'chinese-days'],
      allowTypeImports: true,
      message: `No domain rules or calendars in the web. ${WEB_RULES}`,
    },
  ],
};

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.tools', '**/data', '**/tmp', '**/coverage', '**/*.js', '**/*.mjs'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: true, allow: [], depConstraints }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: [], depConstraints: testDepConstraints },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', workflowBannedImports] },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: [API_DATABASE_MODULE],
    rules: {
      'no-restricted-imports': ['error', apiStorageBannedImports],
      'no-restricted-syntax': ['error', ...apiStorageBannedSyntax],
    },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    ignores: ['apps/web/src/api/generated/**'],
    rules: {
      'no-restricted-syntax': ['error', ...webDecidesNothingSyntax],
      '@typescript-eslint/no-restricted-imports': ['error', webDecidesNothingImports],
    },
  },
];
