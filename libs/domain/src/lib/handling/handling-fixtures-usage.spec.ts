import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('the handling test fixtures', () => {
  it('are imported by specs only, so they never reach the library or a workflow bundle', () => {
    const importers = sourceFiles(SRC)
      .filter((f) => /from '\.{1,2}\/(?:[\w-]+\/)*handling\.fixtures'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));

    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((f) => !f.endsWith('.spec.ts'))).toEqual([]);
  });
});
