import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'csv-parse/sync';
import { spreadsheetSafe, toCsv } from './csv';

describe('CSV cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
  it.each(['=SUM(1,1)会议', '=HYPERLINK("http://x","点击")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'writes %j with a leading apostrophe',
    (cell) => {
      expect(spreadsheetSafe(cell)).toBe(`'${cell}`);
    },
  );

  it.each(['第一次会议', '1+1', 'a=b', '', ' =1'])('leaves %j as it is', (cell) => {
    expect(spreadsheetSafe(cell)).toBe(cell);
  });

  it('keeps numbers (also negative ones) as numbers, and writes nothing for no value', () => {
    expect(spreadsheetSafe(-3)).toBe(-3);
    expect(spreadsheetSafe(0.75)).toBe(0.75);
    expect(spreadsheetSafe(null)).toBe('');
    expect(spreadsheetSafe(undefined)).toBe('');
  });

  it('writes a byte-order mark and quotes as RFC 4180 asks; the cells read back as written, made safe', () => {
    const csv = toCsv([
      ['会次', 'n'],
      ['=SUM(1,1)会议', 2],
      ['有"引号",和逗号\n换行', -1],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(parse(csv.slice(1))).toEqual([
      ['会次', 'n'],
      ["'=SUM(1,1)会议", '2'],
      ['有"引号",和逗号\n换行', '-1'],
    ]);
  });

  it('is the only writer of CSV in the code: nothing else imports csv-stringify', () => {
    const root = join(__dirname, '../../../../..');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.spec.ts') && path !== join(__dirname, 'csv.ts')) {
          if (/from ['"]csv-stringify/.test(readFileSync(path, 'utf8'))) offenders.push(relative(root, path));
        }
      }
    };
    for (const top of ['apps', 'libs', 'workflows']) walk(join(root, top));
    expect(offenders).toEqual([]);
  });
});
