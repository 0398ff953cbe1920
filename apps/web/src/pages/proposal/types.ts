/** What the proposal screens read from the API (see apps/api/src/app/proposals/proposal.view.ts). */
import type { Adoption, ContactMethod, DeadlineExplanation, Disclosure, Proposer, Rating } from '@banli/domain';

export type { Adoption, ContactMethod, Disclosure, Rating };

export interface DeadlineView {
  key: string;
  kind: string;
  unitId: string;
  status: string;
  dueAt: string | null;
  endDate: string | null;
  provisional: boolean;
  remindersSent: number;
  escalations: number;
  extended: boolean;
  workingDaysLeft?: number | null;
  workingDaysOverdue?: number | null;
  explanation: DeadlineExplanation | null;
}

export interface TaskView {
  id: string;
  kind: string;
  unitId: string;
  status: string;
  deadlineKey: string | null;
  dueAt: string | null;
  round: number | null;
  workingDaysLeft?: number | null;
  workingDaysOverdue?: number | null;
}

export interface ProposalDetail {
  id: string;
  kind: 'proposal' | 'suggestion';
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  body: string;
  proposers: Proposer[];
  suggestionPoints: { seq: number; text: string }[];
  stage: string;
  leadUnitId: string | null;
  assignedUnitIds: string[];
  keyProposal: boolean;
  keyLeaders?: string[];
  nextDueAt: string | null;
  closedAt: string | null;
  receivedAt: string;
  deadlines: DeadlineView[];
  tasks: TaskView[];
}

export interface ProposalEvent {
  seq: number;
  type: string;
  at: string;
  actor: { userId: string; unitId: string } | null;
  unitId: string | null;
  data: Record<string, unknown>;
}

export interface PointAnswer {
  seq: number;
  adoption: Adoption;
  text: string;
}

export interface DraftSection extends PointAnswer {
  title?: string;
  measures?: string[];
}

/** The body of `POST …/drafts`, `…/draft-versions` and `…/letters/preview`. */
export interface DraftContent {
  replyClass: string;
  disclosure: Disclosure;
  summary?: string;
  sections: DraftSection[];
  topic: string;
  contact: { name: string; phone: string };
}

export interface DraftComment {
  step: 'review' | 'sign-off';
  outcome: 'sent-back' | 'approved';
  comment: string | null;
  by: string;
  at: string;
}

export interface DraftVersion {
  round: number;
  draftVersion: number;
  status: 'saved' | 'submitted';
  submittedAt: string;
  submittedBy: string;
  content: Partial<DraftContent>;
  comments: DraftComment[];
}

export interface Workspace {
  proposalId: string;
  unitId: string;
  points: {
    seq: number;
    text: string;
    opinions: { seq: number; unitId: string; unitName: string; version: number; adoption: Adoption; text: string }[];
  }[];
  opinionStatus: { unitId: string; unitName: string; status: 'submitted' | 'returned' | 'waived'; version: number }[];
  drafts: DraftVersion[];
  replyClasses?: string[];
}

export interface SignedLetter {
  unitId: string;
  round: number;
  documentNumber: string;
  formats: { format: string; sha256: string; bytes: number }[];
}

export interface ActionResult {
  proposalId: string;
  stage: string;
  version: number;
  id?: number;
  documentNumber?: string;
}
