import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The web decides nothing itself: who may act comes from the API's allowedActions, how a
 * deadline stands from its due. The lint configuration refuses the ways a rule creeps back
 * (role checks on the user, stage comparisons, calendar rules, values of the domain); these
 * cases prove it bites, and that what the web does instead passes.
 */
const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

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

function lintAll(cases: { filename: string; source: string }[]): string[][] {
  const run = spawnSync(process.execPath, ['-e', LINT_ALL], {
    cwd: WORKSPACE_ROOT,
    input: JSON.stringify(cases),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  // Nx may print a warning before the answer.
  return JSON.parse(run.stdout.slice(run.stdout.lastIndexOf('<<<') + 3)) as string[][];
}

const A_PANEL = 'apps/web/src/pages/proposal/ExamplePanel.tsx';
const DECLARE = `declare const user: { roles: string[] };
declare const roles: string[];
declare const detail: { stage: string; allowedActions: { action: string }[] };
`;

const REFUSED: [string, string, string][] = [
  // The call is spelled with a space before its arguments; the same call to ESLint.
  ['a role check on the user', `export const may = user.roles.includes ('handler');`, 'no-restricted-syntax'],
  ['a role check over roles', `export const may = roles.some((r) => r === 'supervisor');`, 'no-restricted-syntax'],
  ['a stage comparison', `export const open = detail.stage !== 'registered';`, 'no-restricted-syntax'],
  ['a loose stage comparison', `export const open = detail.stage == 'closed';`, 'no-restricted-syntax'],
  ['a stage comparison the other way round', `export const open = 'closed' !== detail.stage;`, 'no-restricted-syntax'],
  ['a stage list', `export const open = ['assigned', 'drafting'].includes(detail.stage);`, 'no-restricted-syntax'],
  [
    'a switch on the stage',
    `export function f() { switch (detail.stage) { case 'closed': return 1; default: return 0; } }`,
    'no-restricted-syntax',
  ],
  [
    'a working-days rule from anywhere',
    `import { workingDaysBetween } from '../../calendar';\nexport const f = workingDaysBetween;`,
    'no-restricted-syntax',
  ],
  [
    'the due-status rule from anywhere',
    `import { dueStatus } from './due';\nexport const f = dueStatus;`,
    'no-restricted-syntax',
  ],
  [
    'a value of the domain',
    `import { HANDLING_ACTION_ROLES } from '@banli/domain';\nexport const f = HANDLING_ACTION_ROLES;`,
    '@typescript-eslint/no-restricted-imports',
  ],
  [
    'a value of the contracts',
    `import { opinionsOf } from '@banli/contracts';\nexport const f = opinionsOf;`,
    '@typescript-eslint/no-restricted-imports',
  ],
];

const ACCEPTED = `import type { Adoption } from '@banli/domain';
declare const detail: { allowedActions: { action: string }[] };
export const may = detail.allowedActions.some((a) => a.action === 'markKey');
export const label = (a: Adoption) => a;
`;

describe('the web decides nothing that the API says', () => {
  let verdicts: string[][] = [];

  beforeAll(() => {
    verdicts = lintAll([
      ...REFUSED.map(([, source]) => ({ filename: A_PANEL, source: `${DECLARE}${source}\n` })),
      { filename: A_PANEL, source: ACCEPTED },
    ]);
  }, 120_000);

  it.each(REFUSED.map(([what, , rule], i) => [what, rule, i] as const))('refuses %s (%s)', (_what, rule, i) => {
    expect((verdicts[i] ?? []).some((m) => m.startsWith(`${rule}:`))).toBe(true);
  });

  it('accepts reading allowedActions and importing the domain’s types', () => {
    expect(verdicts[REFUSED.length]).toEqual([]);
  });
});
