import { DomainError, ErrorDetail } from './domain-error';
import { SESSION_CODE_PATTERN, type ProposalRegistration } from './proposal';
import { registrationRequestProblems, REGISTRATION_LIMITS } from './registration';
import { hasVisibleText, visibleText } from './text';

/** A session takes registrations while open; closed, it takes no more (its proposals go on). */
export type CommitteeSessionStatus = 'open' | 'closed';

/**
 * A session (届次) of the committee, e.g. code `8-2`, name `市政协八届二次会议`: term (届) 8,
 * meeting (次) 2. Proposals are registered into a session by its code, which is part of their
 * id and therefore never changes.
 */
export interface CommitteeSession {
  code: string;
  /** As written in letters and screens. */
  name: string;
  /** 届 */
  term: number | null;
  /** 次 */
  meeting: number | null;
  year: number;
  /** First and last day of the meeting (ISO dates), when known. */
  startsOn: string | null;
  endsOn: string | null;
  status: CommitteeSessionStatus;
  createdAt: string;
  updatedAt: string;
}

/** What an admin sets about a session (everything but its code, status and timestamps). */
export interface CommitteeSessionFields {
  name: string;
  term: number | null;
  meeting: number | null;
  year: number;
  startsOn: string | null;
  endsOn: string | null;
}

/** A registration as a client sends it: the session's name comes from the session itself. */
export type RegistrationRequest = Omit<ProposalRegistration, 'sessionName'> & { sessionName?: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The problems of a session's code and fields as an admin enters them; empty when valid. */
export function committeeSessionProblems(code: string | undefined, f: CommitteeSessionFields): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) problems.push({ field, message });
  };
  if (code !== undefined) {
    need(SESSION_CODE_PATTERN.test(code), 'code', 'must be 1-32 letters, digits or dashes');
  }
  need(
    hasVisibleText(f.name) && f.name.length <= REGISTRATION_LIMITS.sessionNameLength,
    'name',
    'is required (at most 100 characters)',
  );
  const ordinal = (v: number | null) => v === null || (Number.isInteger(v) && v >= 1 && v <= 99);
  need(ordinal(f.term), 'term', 'must be a whole number 1-99');
  need(ordinal(f.meeting), 'meeting', 'must be a whole number 1-99');
  need(Number.isInteger(f.year) && f.year >= 1949 && f.year <= 2200, 'year', 'must be a year 1949-2200');
  const date = (v: string | null) => v === null || (ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)));
  need(date(f.startsOn), 'startsOn', 'must be a date YYYY-MM-DD');
  need(date(f.endsOn), 'endsOn', 'must be a date YYYY-MM-DD');
  if (f.startsOn && f.endsOn && date(f.startsOn) && date(f.endsOn)) {
    need(f.startsOn <= f.endsOn, 'endsOn', 'must not be before startsOn');
  }
  return problems;
}

/**
 * The registration as recorded, in the session its code names: the session must exist and be
 * open, and a session name the client sent (older clients and import files carry one) must be
 * the session's. Every problem of the registration is reported at once (422).
 */
export function registrationInSession(
  request: RegistrationRequest,
  session: CommitteeSession | null,
): ProposalRegistration {
  const problems = registrationRequestProblems(request);
  if (!problems.some((p) => p.field === 'sessionCode')) {
    if (!session) {
      problems.unshift({ field: 'sessionCode', message: `there is no session ${request.sessionCode}` });
    } else if (session.status !== 'open') {
      problems.unshift({
        field: 'sessionCode',
        message: `session ${session.code} (${session.name}) is closed: it takes no more registrations`,
      });
    } else if (request.sessionName !== undefined && visibleText(request.sessionName) !== visibleText(session.name)) {
      problems.unshift({
        field: 'sessionName',
        message: `is not the name of session ${session.code}, ${session.name} (leave it out to use that)`,
      });
    }
  }
  if (problems.length > 0 || !session) {
    throw new DomainError('VALIDATION_FAILED', 'The proposal registration is invalid', problems);
  }
  return {
    kind: request.kind,
    sessionCode: request.sessionCode,
    sessionName: session.name,
    number: request.number,
    title: request.title,
    proposers: request.proposers,
    body: request.body,
    suggestionPoints: request.suggestionPoints,
  };
}
