import { HttpException } from '@nestjs/common';
import { importRowsOf, MAX_IMPORT_ROWS, rowsOfCsv } from './import-rows';

const HEADER = 'kind,sessionCode,sessionName,number,title,proposers,body,suggestionPoints,urgent';

function refusal(work: () => unknown): { status: number; message: string } {
  try {
    work();
  } catch (e) {
    if (e instanceof HttpException) return { status: e.getStatus(), message: e.message };
    throw e;
  }
  throw new Error('expected the request to be refused');
}

describe('reading the rows of an import', () => {
  it('takes the proposals array of a JSON body', () => {
    expect(importRowsOf('application/json; charset=utf-8', { proposals: [{ a: 1 }, 'x'] })).toEqual([{ a: 1 }, 'x']);
  });

  it('refuses a JSON body that is not {"proposals": [...]} alone', () => {
    expect(refusal(() => importRowsOf('application/json', [{}])).status).toBe(400);
    expect(refusal(() => importRowsOf('application/json', { proposals: {} })).status).toBe(400);
    expect(refusal(() => importRowsOf('application/json', { proposals: [], extra: 1 })).status).toBe(400);
  });

  it('refuses other media types', () => {
    expect(refusal(() => importRowsOf('text/plain', 'a,b')).status).toBe(415);
    expect(refusal(() => importRowsOf(undefined, undefined)).status).toBe(415);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows with 413`, () => {
    const proposals = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => ({}));
    expect(refusal(() => importRowsOf('application/json', { proposals })).status).toBe(413);
    expect(importRowsOf('application/json', { proposals: proposals.slice(1) })).toHaveLength(MAX_IMPORT_ROWS);
  });
});

describe('a CSV import', () => {
  it('turns each record into a registration: lead proposer first, points numbered', () => {
    const csv = `${HEADER}\nproposal,8-2,市政协八届二次会议,20230117,关于加快数字经济发展的提案,李明、王芳;张伟,正文,加快5G基站建设|培育数据要素市场,true\n`;
    expect(rowsOfCsv(csv)).toEqual([
      {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number: '20230117',
        title: '关于加快数字经济发展的提案',
        proposers: [
          { name: '李明', lead: true },
          { name: '王芳', lead: false },
          { name: '张伟', lead: false },
        ],
        body: '正文',
        suggestionPoints: [
          { seq: 1, text: '加快5G基站建设' },
          { seq: 2, text: '培育数据要素市场' },
        ],
        urgent: true,
      },
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks, a BOM and CRLF line ends', () => {
    const csv =
      `\uFEFF${HEADER}\r\n` +
      `proposal,8-2,市政协八届二次会议,7,"关于""一网通办""的提案","李明","第一段，含逗号, and commas\r\n第二段","第一条建议\r\n第二条建议",\r\n`;
    const [row] = rowsOfCsv(csv) as Record<string, unknown>[];
    expect(row).toMatchObject({
      title: '关于"一网通办"的提案',
      body: '第一段，含逗号, and commas\r\n第二段',
      suggestionPoints: [
        { seq: 1, text: '第一条建议' },
        { seq: 2, text: '第二条建议' },
      ],
    });
    expect(row).not.toHaveProperty('urgent');
  });

  it('accepts the columns in any order and without urgent, and skips empty records', () => {
    const csv =
      'number,kind,sessionCode,sessionName,title,proposers,body,suggestionPoints\n1,proposal,8-2,S,T,李明,B,P\n,,,,,,,\n';
    expect(rowsOfCsv(csv)).toHaveLength(1);
  });

  it('gives proposers the e-mail addresses of proposerEmails, in their order; an empty entry is none', () => {
    const csv =
      'kind,sessionCode,number,title,proposers,body,suggestionPoints,proposerEmails\n' +
      'proposal,8-2,1,T,李明、王芳、赵敏,B,P,liming@example.org、、zm@example.org\n';
    expect((rowsOfCsv(csv)[0] as { proposers: unknown[] }).proposers).toEqual([
      { name: '李明', lead: true, email: 'liming@example.org' },
      { name: '王芳', lead: false },
      { name: '赵敏', lead: false, email: 'zm@example.org' },
    ]);
  });

  it('leaves an urgent value other than true/false for validation to reject', () => {
    const csv = `${HEADER}\nproposal,8-2,S,1,T,李明,B,P,yes\n`;
    expect((rowsOfCsv(csv)[0] as { urgent: unknown }).urgent).toBe('yes');
  });

  it('refuses a CSV that cannot be read, naming the problem', () => {
    const unclosed = refusal(() => rowsOfCsv(`${HEADER}\nproposal,8-2,S,1,"T,李明,B,P,\n`));
    expect(unclosed.status).toBe(400);
    expect(unclosed.message).toMatch(/Quote Not Closed/);
    const ragged = refusal(() => rowsOfCsv(`${HEADER}\nproposal,8-2,S,1\n`));
    expect(ragged.message).toMatch(/Invalid Record Length/);
  });

  it('refuses unknown, repeated or missing columns', () => {
    expect(refusal(() => rowsOfCsv(`${HEADER},secret\n`)).message).toMatch(/Unknown CSV column "secret"/);
    expect(refusal(() => rowsOfCsv(`${HEADER},kind\n`)).message).toMatch(/"kind" appears twice/);
    expect(refusal(() => rowsOfCsv('kind,title\n')).message).toMatch(/lacks the column\(s\) sessionCode/);
    expect(refusal(() => rowsOfCsv('')).message).toMatch(/empty/);
  });
});
