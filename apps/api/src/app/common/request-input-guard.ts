import { BadRequestException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { normalisedText, textProblem as domainTextProblem } from '@banli/domain';

/** No request of this API nests deeper than a handful of levels; 32 leaves room and stops abuse. */
export const MAX_BODY_DEPTH = 32;

/**
 * Why a text cannot be taken, or undefined: the domain's rule (`textProblem` in libs/domain:
 * NUL, unpaired surrogates, control characters but tab and line breaks, bidirectional
 * overrides and isolates). Refusing them everywhere, on both databases, means that whatever
 * text is accepted comes back as it was kept (NFC, see `normalisedBody`).
 */
export const textProblem = domainTextProblem;

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
  if (problem) return next(new BadRequestException(problem));
  req.body = normalisedBody(req.body);
  next();
}

/** The body with every text (values and keys) in Unicode NFC; its depth is checked before. */
export function normalisedBody(value: unknown): unknown {
  if (typeof value === 'string') return normalisedText(value);
  if (Array.isArray(value)) return value.map(normalisedBody);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalisedText(k), normalisedBody(v)]));
  }
  return value;
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
