import { inOrder } from './in-order';
import type { DraftEventData, ProposalEvent } from './audit-events';

/** A comment made on a draft version at review or sign-off. */
export interface DraftComment {
  step: 'review' | 'sign-off';
  outcome: 'sent-back' | 'approved';
  comment?: string;
  at: string;
  by?: string;
}

/** 拟稿: one version of a replying unit's draft, kept as work in progress or sent for review. */
export interface DraftVersionEntry {
  round: number;
  draftVersion: number;
  status: 'saved' | 'submitted';
  submittedAt: string;
  submittedBy?: string;
  /** What the version holds; drafts stored before the letter's topic and contact existed lack them. */
  content: Omit<DraftEventData, 'round' | 'draftVersion'>;
  /** The reviewer's and signer's comments on this very version. */
  comments: DraftComment[];
}

/**
 * Every draft version of one replying unit's reply, oldest first, each with the comments made
 * on it. Versions are numbered afresh in each round of re-handling; a comment belongs to the
 * latest version of its number, the one under review or sign-off when it was made.
 */
export function draftVersionsOf(events: readonly ProposalEvent[], unitId: string): DraftVersionEntry[] {
  const list: DraftVersionEntry[] = [];
  const latest = (draftVersion: number) => [...list].reverse().find((d) => d.draftVersion === draftVersion);
  for (const e of inOrder(events)) {
    if (e.unitId !== unitId) continue;
    if (e.type === 'draft-saved' || e.type === 'draft-submitted') {
      const { round, draftVersion, ...content } = e.data;
      list.push({
        round,
        draftVersion,
        status: e.type === 'draft-saved' ? 'saved' : 'submitted',
        submittedAt: e.at,
        submittedBy: e.actor?.userId,
        content,
        comments: [],
      });
    } else if (e.type === 'draft-reviewed') {
      latest(e.data.draftVersion)?.comments.push({
        step: 'review',
        outcome: 'approved',
        comment: e.data.comment,
        at: e.at,
        by: e.actor?.userId,
      });
    } else if (e.type === 'draft-sent-back') {
      latest(e.data.draftVersion)?.comments.push({
        step: e.data.step,
        outcome: 'sent-back',
        comment: e.data.comment,
        at: e.at,
        by: e.actor?.userId,
      });
    }
  }
  return list;
}
