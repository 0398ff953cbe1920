import type { Schemas } from '../../api/client';

/** A proposal as GET /api/proposals lists it (no body, no deadlines). */
export type ProposalSummary = Schemas['ProposalSummaryResponse'];
export type ProposalSearchPage = Schemas['ProposalSearchPageResponse'];

/** The detail page (built elsewhere) of a proposal. */
export function proposalPath(id: string): string {
  return `/proposals/${encodeURIComponent(id)}`;
}

/** The lead proposer's name, or 李明等3人 when others signed too (`joint` words it). */
export function proposersLabel(
  proposers: { name: string; lead: boolean }[],
  joint: (lead: string, total: number, more: number) => string,
): string {
  if (!proposers.length) return '';
  const lead = proposers.find((p) => p.lead) ?? proposers[0];
  return proposers.length > 1 ? joint(lead.name, proposers.length, proposers.length - 1) : lead.name;
}

/** Every stage, in handling order (then the two ends of a review that is not 立案). */
export const STAGES = [
  'registered',
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
  'merged',
  'converted',
];
