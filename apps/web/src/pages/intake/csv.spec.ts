import { CsvSyntaxError, parseCsv, toCsv } from './csv';

describe('reading a session CSV in the browser', () => {
  it('splits records on \\n, \\r\\n and \\r, drops the BOM, empty lines and rows of empty cells', () => {
    const records = parseCsv('\uFEFFa,b\r\n1,2\n\n , \r3,4\n,,\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps commas, doubled quotes and line breaks inside quotes, and counts lines across them', () => {
    const records = parseCsv('title,body\n"关于""一网通办""的提案","第一段，含逗号, and commas\r\n第二段"\nx,y');
    expect(records[1].fields).toEqual(['关于"一网通办"的提案', '第一段，含逗号, and commas\r\n第二段']);
    expect(records[2]).toEqual({ fields: ['x', 'y'], line: 4 });
  });

  it('reads an empty quoted field as a field', () => {
    expect(parseCsv('a,"",c\n')[0].fields).toEqual(['a', '', 'c']);
  });

  it('refuses an unclosed quote, a quote inside a bare field and text after a closing quote', () => {
    const reason = (text: string) => {
      try {
        parseCsv(text);
      } catch (e) {
        return [(e as CsvSyntaxError).reason, (e as CsvSyntaxError).line];
      }
      return null;
    };
    expect(reason('a,b\n1,"2\n3,4\n')).toEqual(['unclosed-quote', 2]);
    expect(reason('a,b\n1,x"y\n')).toEqual(['quote-in-field', 2]);
    expect(reason('a,b\n1,"x"y\n')).toEqual(['text-after-quote', 2]);
  });

  it('writes rows back so that they read the same', () => {
    const rows = [
      ['kind', 'title'],
      ['proposal', '关于"一网通办"的提案, 含逗号\n第二行'],
    ];
    expect(parseCsv(toCsv(rows)).map((r) => r.fields)).toEqual(rows);
  });
});
