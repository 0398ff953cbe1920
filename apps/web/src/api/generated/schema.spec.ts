import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../..');

describe('apps/web/src/api/generated/schema.d.ts', () => {
  it('is what openapi-typescript makes of apps/api/openapi.json (regenerate: npm run openapi)', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), 'apps/api/openapi.json'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(readFileSync(path.join(__dirname, 'schema.d.ts'), 'utf8')).toBe(generated);
  }, 30_000);
});
