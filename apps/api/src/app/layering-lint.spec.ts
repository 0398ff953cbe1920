import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The lint configuration keeps storage out of the API's controllers and services: they reach
 * the database only through persistence's repositories, and only the database module holds
 * TypeORM's DataSource. These cases prove the guard holds.
 */
const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');

// ESLint's config loader needs native ESM import(), which Jest's VM does not offer: run the
// real ESLint (its Node API, as `npm run lint` uses it) in a child process, once for every case.
const LINT_ALL = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
(async () => {
  const eslint = new ESLint();
  const out = [];
  for (const c of cases) {
    const [result] = await eslint.lintText(c.source, { filePath: c.filename });
    out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
  }
  process.stdout.write('\\n<<<' + JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(2); });
`;

interface LintCase {
  filename: string;
  source: string;
}

function lintAll(cases: LintCase[]): string[][] {
  const run = spawnSync(process.execPath, ['-e', LINT_ALL], {
    cwd: WORKSPACE_ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  // Nx may print a warning before the answer.
  return JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('<<<') + 3)) as string[][];
}

const A_SERVICE = 'apps/api/src/app/units/example.service.ts';
const THE_DATABASE_MODULE = 'apps/api/src/app/database/database.module.ts';

const BANNED_IMPORTS: [string, string][] = [
  ["import { DataSource } from 'typeorm';", 'DataSource'],
  ["import type { DataSource } from 'typeorm';", 'DataSource'],
  ["import { EntityManager } from 'typeorm';", 'EntityManager'],
  ["import { Repository } from 'typeorm';", 'Repository'],
  ["import { SelectQueryBuilder } from 'typeorm/query-builder/SelectQueryBuilder';", 'SelectQueryBuilder'],
  ["import { execSql } from '@banli/persistence';", 'execSql'],
  ["import { inTransaction } from '@banli/persistence';", 'inTransaction'],
];

const BANNED_CALLS: [string, string][] = [
  ['a repository from the data source', 'source.getRepository(Entity).find()'],
  ['a query builder', "source.createQueryBuilder().select('1')"],
  ['raw SQL', "source.query('SELECT 1')"],
  ['a transaction', 'source.transaction(async () => undefined)'],
];

const A_SERVICE_OVER_REPOSITORIES = `import type { ITaskQueryRepository } from '@banli/persistence';
export class ExampleService {
  constructor(private readonly tasks: ITaskQueryRepository) {}
  inbox(unitId: string) {
    return this.tasks.inbox({ unitId, status: 'open', sort: 'dueAt', page: 1, pageSize: 20, now: '', dueSoonBefore: '' });
  }
}
`;

const THE_DATABASE_MODULE_SOURCE = `import { DataSource } from 'typeorm';
import { createRepositories } from '@banli/persistence';
export const build = (source: DataSource) => createRepositories(source);
`;

describe('the API reaches the database only through repositories', () => {
  let verdicts: string[][] = [];
  const verdictOf = (i: number) => verdicts[i] ?? [];

  beforeAll(() => {
    verdicts = lintAll([
      ...BANNED_IMPORTS.map(([line, name]) => ({
        filename: A_SERVICE,
        source: `${line}\nexport const used = [${name}];\n`,
      })),
      ...BANNED_CALLS.map(([, call]) => ({
        filename: A_SERVICE,
        source: `declare const source: Record<string, (...args: unknown[]) => never>;\ndeclare const Entity: unknown;\nexport const used = () => ${call};\n`,
      })),
      { filename: A_SERVICE, source: A_SERVICE_OVER_REPOSITORIES },
      { filename: THE_DATABASE_MODULE, source: THE_DATABASE_MODULE_SOURCE },
    ]);
  }, 120_000);

  it.each(BANNED_IMPORTS.map(([line], i) => [line, i] as const))('rejects %s in a service', (_line, i) => {
    expect(verdictOf(i).some((m) => m.startsWith('no-restricted-imports:'))).toBe(true);
  });

  it.each(BANNED_CALLS.map(([what], i) => [what, BANNED_IMPORTS.length + i] as const))(
    'rejects %s in a service',
    (_what, i) => {
      expect(verdictOf(i).some((m) => m.startsWith('no-restricted-syntax:'))).toBe(true);
    },
  );

  it('accepts a service that receives repositories', () => {
    expect(verdictOf(BANNED_IMPORTS.length + BANNED_CALLS.length)).toEqual([]);
  });

  it('lets the database module build the DataSource and hand it to the repositories', () => {
    expect(verdictOf(BANNED_IMPORTS.length + BANNED_CALLS.length + 1)).toEqual([]);
  });
});
