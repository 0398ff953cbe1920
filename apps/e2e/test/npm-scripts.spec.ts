import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** The npm scripts of a fresh clone: every file they name is in the repository. */
describe('the npm scripts', () => {
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;

  it('name only files that exist', () => {
    const named = Object.entries(scripts).flatMap(([name, command]) =>
      [
        ...command.matchAll(/(?:^|\s)((?:\.\/)?(?:apps|libs|tools|scripts|workflows)\/[\w./-]+\.(?:ts|js|sh|mjs))/g),
      ].map((m) => [name, m[1] as string] as const),
    );
    expect(named.map(([name]) => name)).toEqual(expect.arrayContaining(['start', 'migration:run', 'calendar']));
    expect(named.filter(([, file]) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
  });

  it('declare no dependency that no code imports', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const unused of ['zod', '@nestjs/terminus', '@nestjs/typeorm'])
      expect(pkg.dependencies[unused]).toBeUndefined();
  });
});
