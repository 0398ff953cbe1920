import { parseCsv } from './csv';
import { chunkRows, ImportFileError, prepareImport } from './import-file';

const HEADER = 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints,urgent';
const row = (n: number, title = `关于第${n}件事的提案`) =>
  `proposal,8-2,市政协八届二次会议,${n},${title},李明、王芳,"正文，含逗号",第一条|第二条,false`;

function problem(name: string, text: string) {
  try {
    prepareImport(name, text);
  } catch (e) {
    if (e instanceof ImportFileError) return e.problem;
    throw e;
  }
  return null;
}

describe('preparing a session file for a chunked import', () => {
  it('cuts a CSV into chunks that each repeat the header and keep every field', () => {
    const csv = [HEADER, ...Array.from({ length: 25 }, (_, i) => row(i + 1)), ''].join('\n');
    const prepared = prepareImport('session.csv', csv);
    expect(prepared.total).toBe(25);
    expect(prepared.chunks.map((c) => [c.offset, c.count])).toEqual([
      [0, 5],
      [5, 5],
      [10, 5],
      [15, 5],
      [20, 5],
    ]);
    const second = parseCsv(prepared.chunks[1].body).map((r) => r.fields);
    expect(second[0]).toEqual(HEADER.split(','));
    expect(second[1]).toEqual(parseCsv(row(6))[0].fields);
    expect(prepared.labels[24]).toEqual({ number: '25', title: '关于第25件事的提案', line: 26 });
  });

  it('sends at most 100 rows per request, fewer for small files', () => {
    expect(chunkRows(3)).toBe(5);
    expect(chunkRows(25)).toBe(5);
    expect(chunkRows(400)).toBe(40);
    expect(chunkRows(5000)).toBe(100);
  });

  it('takes JSON as {"proposals": [...]} or as an array', () => {
    const proposals = [
      { number: '1', title: 'A' },
      { number: '2', title: 'B' },
    ];
    const a = prepareImport('s.json', JSON.stringify({ proposals }));
    const b = prepareImport('s.json', JSON.stringify(proposals));
    expect(a.chunks).toEqual(b.chunks);
    expect(JSON.parse(a.chunks[0].body)).toEqual({ proposals });
    expect(a.chunks[0].contentType).toBe('application/json');
  });

  it('refuses a file whose shape is wrong before sending anything', () => {
    expect(problem('s.csv', '')).toEqual({ code: 'empty' });
    expect(problem('s.csv', `${HEADER}\n`)).toEqual({ code: 'no-rows' });
    expect(problem('s.csv', `${HEADER},secret\n`)).toEqual({ code: 'unknown-column', column: 'secret' });
    expect(problem('s.csv', 'kind,title\n')).toMatchObject({ code: 'missing-columns' });
    expect(problem('s.csv', `${HEADER},kind\n`)).toEqual({ code: 'duplicate-column', column: 'kind' });
    expect(problem('s.csv', `${HEADER}\nproposal,8-2\n`)).toEqual({
      code: 'row-length',
      line: 2,
      found: 2,
      expected: 9,
    });
    expect(problem('s.csv', `${HEADER}\nproposal,"8-2\n`)).toMatchObject({ code: 'csv-syntax', line: 2 });
    expect(problem('s.json', '{"proposals": 1}')).toEqual({ code: 'json-shape' });
    expect(problem('s.json', '[1]')).toEqual({ code: 'json-row-not-object', row: 1 });
    expect(problem('s.json', '{')).toMatchObject({ code: 'json-syntax' });
    const many = [HEADER, ...Array.from({ length: 10_001 }, (_, i) => row(i + 1))].join('\n');
    expect(problem('s.csv', many)).toEqual({ code: 'too-many-rows', rows: 10_001 });
  });
});
