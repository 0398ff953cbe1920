import { BadRequestException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { MAX_BODY_DEPTH, normalisedBody, requestInputGuard, textProblem, valueProblem } from './request-input-guard';

const nested = (depth: number): unknown => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};

function guard(req: Partial<Request>): unknown {
  let passed: unknown = 'not called';
  requestInputGuard(
    { path: '/api/x', query: {}, body: undefined, ...req } as Request,
    {} as Response,
    (e?: unknown) => {
      passed = e;
    },
  );
  return passed;
}

describe('request input guard', () => {
  it('takes any well-formed text without controls or bidi overrides: emoji, CJK, markup, line breaks', () => {
    for (const text of [
      '',
      '<script>alert(1)</script>',
      "'; DROP TABLE proposal; --",
      '😀𠀀e\u0301',
      '\t\r\n\u2028',
      '\ufeff\u200b',
    ])
      expect(textProblem(text)).toBeUndefined();
  });

  it('refuses NUL, unpaired surrogates, control characters and bidirectional overrides', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\ud800')).toMatch(/surrogate/);
    expect(textProblem('x\udc00')).toMatch(/surrogate/);
    expect(textProblem('\ud83d\ude00')).toBeUndefined();
    expect(textProblem('ring\u0007')).toMatch(/control character \(U\+0007\)/);
    expect(textProblem('\u001b[31mred')).toMatch(/U\+001B/);
    expect(textProblem('\u0085')).toMatch(/U\+0085/);
    expect(textProblem('invoice\u202Efdp.exe')).toMatch(/bidirectional.*U\+202E/);
    expect(textProblem('\u2066x\u2069')).toMatch(/U\+2066/);
  });

  it('keeps every text of the body in NFC, values and keys, at any depth', () => {
    expect(normalisedBody({ 'cafe\u0301': ['e\u0301', { n: 'A\u030A' }], k: 1, b: null })).toEqual({
      'caf\u00e9': ['\u00e9', { n: '\u00c5' }],
      k: 1,
      b: null,
    });
    expect(normalisedBody('csv,e\u0301')).toBe('csv,\u00e9');
  });

  it('walks bodies without recursion: depth limit, strings and keys at any depth', () => {
    expect(valueProblem(nested(MAX_BODY_DEPTH - 1), 'body', MAX_BODY_DEPTH)).toBeUndefined();
    expect(valueProblem(nested(MAX_BODY_DEPTH + 1), 'body', MAX_BODY_DEPTH)).toMatch(/nested deeper/);
    expect(valueProblem(nested(200_000), 'body', MAX_BODY_DEPTH)).toMatch(/nested deeper/);
    expect(valueProblem({ a: [{ b: 'ok' }, { c: 'x\u0000' }] }, 'body', MAX_BODY_DEPTH)).toMatch(/NUL/);
    expect(valueProblem({ ['k\u0000']: 1 }, 'body', MAX_BODY_DEPTH)).toMatch(/field name/);
    expect(valueProblem('csv,with\u0000nul', 'body', MAX_BODY_DEPTH)).toMatch(/NUL/);
  });

  it('answers 400 for the path, the query or the body, and lets anything else through', () => {
    expect(guard({ path: '/api/proposals/%00' })).toBeInstanceOf(BadRequestException);
    expect(guard({ path: '/api/proposals/%E0%A4%A' })).toBeUndefined(); // malformed: the router's 400
    expect(guard({ query: { q: ['a', 'b\u0000'] } as never })).toBeInstanceOf(BadRequestException);
    expect(guard({ body: { title: '\ud800' } })).toBeInstanceOf(BadRequestException);
    expect(
      guard({ path: '/api/proposals/8-2_1', query: { q: '数字' } as never, body: { title: '<b>' } }),
    ).toBeUndefined();
  });
});
