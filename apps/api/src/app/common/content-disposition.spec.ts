import { contentDisposition } from './content-disposition';

/** The parameters of a disposition header, split as RFC 6266 does (quoted strings kept whole). */
function parameters(header: string): { type: string; params: Array<[string, string]> } {
  const [type, ...rest] = header.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  return {
    type: (type ?? '').trim(),
    params: rest.map((p) => {
      const i = p.indexOf('=');
      return [p.slice(0, i).trim(), p.slice(i + 1).trim()];
    }),
  };
}

describe('contentDisposition (RFC 6266)', () => {
  it.each([
    'banli-statistics-session-2027.csv',
    'banli-statistics-session-中文.csv',
    'a"; filename=evil.exe.csv',
    'line\r\nSet-Cookie: x=1.csv',
    "quote's (1)*.pdf",
    '100%.csv',
  ])('carries %j whole in filename*, an ASCII stand-in in filename, and nothing else', (name) => {
    const header = contentDisposition(name);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const { type, params } = parameters(header);
    expect(type).toBe('attachment');
    expect(params.map(([k]) => k)).toEqual(['filename', 'filename*']);
    const [, fallback] = params[0];
    expect(fallback).toMatch(/^"[^"\\]*"$/);
    const [, extended] = params[1];
    expect(extended).toMatch(/^UTF-8''[A-Za-z0-9!#$&+.^_`|~%-]*$/);
    expect(decodeURIComponent(extended.slice("UTF-8''".length))).toBe(name);
  });

  it('says inline when asked', () => {
    expect(contentDisposition('letter.html', 'inline')).toMatch(/^inline; /);
  });
});
