import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** No request of this API nests deeper than a handful of levels; 32 leaves room and stops abuse. */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why a text cannot be taken as it is, or undefined. NUL (U+0000) cannot be stored in a
 * PostgreSQL text column (and ends strings in C code SQLite and PDF tools use), and an unpaired
 * surrogate is no character at all (UTF-8 cannot encode it: it would come back as U+FFFD).
 * Refusing both everywhere, on both databases, means that whatever text is accepted comes back
 * byte for byte.
 */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'is not well-formed Unicode (an unpaired surrogate)';
  return undefined;
}

/**
 * What the body parsers and the router accept but nothing behind them should meet, checked
 * once per request right after parsing and before authentication, so it is refused with 400
 * BAD_REQUEST before anything reads it:
 * - JSON nested deeper than MAX_BODY_DEPTH: recursive code further on (hashing for
 *   idempotency, validation) would overflow the stack, a 500 for a few kilobytes of brackets;
 * - text with NUL or unpaired surrogates (see `textProblem`) in the body (strings and keys,
 *   also a CSV body), the query string or the path.
 * The walk is iterative, so its own depth is bounded by nothing but the body size limit.
 */
export function requestInputGuard(req: Request, _res: Response, next: NextFunction): void {
  const problem =
    pathProblem(req.path) ?? valueProblem(req.query, 'query', 4) ?? valueProblem(req.body, 'body', MAX_BODY_DEPTH);
  next(problem ? new BadRequestException(problem) : undefined);
}

function pathProblem(path: string): string | undefined {
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      continue; // the router answers 400 for malformed escapes itself
    }
    const problem = textProblem(decoded);
    if (problem) return `A path segment ${problem}`;
  }
  return undefined;
}

/** Why a parsed value (body or query) is refused, or undefined when it is fine. */
export function valueProblem(value: unknown, where: 'body' | 'query', maxDepth: number): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; depth: number };
    if (typeof item.value === 'string') {
      const problem = textProblem(item.value);
      if (problem) return `A text in the request ${where} ${problem}`;
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return `The request ${where} is nested deeper than ${maxDepth} levels`;
    if (Array.isArray(item.value)) {
      for (const child of item.value) stack.push({ value: child, depth: item.depth + 1 });
    } else {
      for (const [key, child] of Object.entries(item.value)) {
        const problem = textProblem(key);
        if (problem) return `A field name in the request ${where} ${problem}`;
        stack.push({ value: child, depth: item.depth + 1 });
      }
    }
  }
  return undefined;
}
