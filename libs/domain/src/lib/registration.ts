import { DomainError, ErrorDetail } from './domain-error';
import { PROPOSAL_NUMBER_PATTERN, ProposalRegistration, SESSION_CODE_PATTERN } from './proposal';
import type { RegistrationRequest } from './committee-session';
import { hasVisibleText, visibleText } from './text';

export const REGISTRATION_LIMITS = {
  titleLength: 200,
  bodyLength: 50_000,
  proposers: 100,
  suggestionPoints: 50,
  pointLength: 5_000,
  nameLength: 50,
  sessionNameLength: 100,
} as const;

/**
 * Checks a registration against the rules every entry point shares (HTTP, bulk import,
 * workflow update validators). Returns the problems; an empty list means valid.
 */
export function registrationProblems(r: ProposalRegistration): ErrorDetail[] {
  return problemsOf(r, true);
}

/**
 * The same rules for a registration as a client sends it: the session's name may be left out,
 * since the session (looked up by its code) supplies it; see `registrationInSession`.
 */
export function registrationRequestProblems(r: RegistrationRequest): ErrorDetail[] {
  return problemsOf(r, r.sessionName !== undefined);
}

function problemsOf(r: RegistrationRequest, withSessionName: boolean): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  // Something visible (zero-width characters alone are no title), within the limit.
  const text = (v: unknown, max: number) => hasVisibleText(v) && (v as string).length <= max;

  need(r.kind === 'proposal' || r.kind === 'suggestion', 'kind', 'must be proposal or suggestion');
  need(
    typeof r.sessionCode === 'string' && SESSION_CODE_PATTERN.test(r.sessionCode),
    'sessionCode',
    'must be 1-32 letters, digits or dashes',
  );
  need(
    typeof r.number === 'string' && PROPOSAL_NUMBER_PATTERN.test(r.number),
    'number',
    'must be 1-32 letters, digits or dashes',
  );
  if (withSessionName) {
    need(text(r.sessionName, REGISTRATION_LIMITS.sessionNameLength), 'sessionName', 'is required');
  }
  need(text(r.title, REGISTRATION_LIMITS.titleLength), 'title', 'is required (at most 200 characters)');
  need(text(r.body, REGISTRATION_LIMITS.bodyLength), 'body', 'is required (at most 50000 characters)');

  const proposers = Array.isArray(r.proposers) ? r.proposers : [];
  need(proposers.length > 0 && proposers.length <= REGISTRATION_LIMITS.proposers, 'proposers', 'needs 1-100 proposers');
  need(proposers.filter((p) => p?.lead === true).length === 1, 'proposers', 'needs exactly one lead proposer');
  proposers.forEach((p, i) =>
    need(text(p?.name, REGISTRATION_LIMITS.nameLength), `proposers[${i}].name`, 'is required'),
  );
  proposers.forEach((p, i) => {
    if (p?.email !== undefined) need(isEmailAddress(p.email), `proposers[${i}].email`, 'must be an e-mail address');
  });
  // Each proposer rates the reply for themselves, by name: two names that read the same
  // (also differing only by invisible characters) could never be told apart.
  const seen = new Map<string, number>();
  proposers.forEach((p, i) => {
    if (typeof p?.name !== 'string') return;
    const name = visibleText(p.name);
    const first = seen.get(name);
    if (first !== undefined) need(false, `proposers[${i}].name`, `is the same name as proposers[${first}]`);
    else seen.set(name, i);
  });

  const points = Array.isArray(r.suggestionPoints) ? r.suggestionPoints : [];
  need(
    points.length > 0 && points.length <= REGISTRATION_LIMITS.suggestionPoints,
    'suggestionPoints',
    'needs 1-50 suggestion points',
  );
  points.forEach((p, i) => {
    need(p?.seq === i + 1, `suggestionPoints[${i}].seq`, `must be ${i + 1}`);
    need(text(p?.text, REGISTRATION_LIMITS.pointLength), `suggestionPoints[${i}].text`, 'is required');
  });
  return problems;
}

/** One mailbox, `local@domain.tld`, at most 254 characters (RFC 5321), no spaces or display name. */
export function isEmailAddress(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 254 &&
    /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:.]+$/.test(value)
  );
}

export function assertValidRegistration(r: ProposalRegistration): void {
  const problems = registrationProblems(r);
  if (problems.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The proposal registration is invalid', problems);
  }
}

/** Tells a harmless retry of a registration from a conflicting one with the same number. */
export function sameRegistration(a: ProposalRegistration, b: ProposalRegistration): boolean {
  return canonical(a) === canonical(b);
}

function canonical(r: ProposalRegistration): string {
  return JSON.stringify([
    r.kind,
    r.sessionCode,
    r.sessionName,
    r.number,
    r.title,
    // The e-mail only when given, so registrations made before it compare as they always did.
    r.proposers.map((p) => (p.email === undefined ? [p.name, p.lead] : [p.name, p.lead, p.email])),
    r.body,
    r.suggestionPoints.map((p) => [p.seq, p.text]),
  ]);
}
