/**
 * Limits the API enforces on what forms send, stated in the forms (a counter and a help text,
 * never silent truncation). Their source is the domain (`REGISTRATION_LIMITS` in libs/domain,
 * whose values the web may not import); `limits.spec.ts` keeps the two equal.
 */
export const FORM_LIMITS = {
  /** A proposal's title (案由). */
  title: 200,
} as const;
