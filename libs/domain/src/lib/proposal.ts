/** A CPPCC proposal (提案) or a deputy's suggestion (建议); see shared/DOMAIN.md. */
export type ProposalKind = 'proposal' | 'suggestion';

export interface Proposer {
  name: string;
  /** The lead proposer of a joint (联名) proposal; exactly one per proposal. */
  lead: boolean;
  /** Where the signed reply is e-mailed at dispatch; optional (older registrations have none). */
  email?: string;
}

export interface SuggestionPoint {
  /** 1-based position in the proposal, as the reply letter numbers its sections. */
  seq: number;
  text: string;
}

/** What the proposal committee records at receipt. */
export interface ProposalRegistration {
  kind: ProposalKind;
  /** A stable ASCII code for the session, e.g. `8-2` for 八届二次会议. */
  sessionCode: string;
  /** The session as written in letters, e.g. `市政协八届二次会议`. */
  sessionName: string;
  /** The proposal number within the session, e.g. `20230117`. */
  number: string;
  /** 案由 */
  title: string;
  proposers: Proposer[];
  body: string;
  suggestionPoints: SuggestionPoint[];
}

/**
 * Stages of the lifecycle in DOMAIN.md. The workflow owns the current stage; the read model
 * carries a copy for listing and filtering.
 */
export const PROPOSAL_STAGES = [
  'registered',
  'merged',
  'converted',
  'assignment',
  'consultation',
  'drafting',
  'review',
  'sign-off',
  'dispatch',
  'feedback',
  're-handling',
  'follow-up',
  'publication',
  'closed',
] as const;

export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

export const SESSION_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
export const PROPOSAL_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;

/**
 * The proposal's identity is its natural key (session, number): registering the same
 * proposal twice must never produce two proposals or two workflows.
 */
export function proposalIdOf(sessionCode: string, number: string): string {
  return `${sessionCode}_${number}`;
}

export function proposalWorkflowIdOf(proposalId: string): string {
  return `proposal-${proposalId}`;
}

export const PROPOSAL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}_[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
