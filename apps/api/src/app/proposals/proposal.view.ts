import type { Proposer, ProposalKind, ProposalStage, SuggestionPoint } from '@banli/domain';

/** A proposal as the API returns it, read from the read model. */
export interface ProposalView {
  id: string;
  workflowId: string;
  kind: ProposalKind;
  sessionCode: string;
  sessionName: string;
  number: string;
  title: string;
  body: string;
  proposers: Proposer[];
  suggestionPoints: SuggestionPoint[];
  stage: ProposalStage;
  leadUnitId: string | null;
  assignedUnitIds: string[];
  keyProposal: boolean;
  /** A key proposal's supervising leaders (领导领办); empty otherwise. */
  keyLeaders: string[];
  nextDueAt: string | null;
  closedAt: string | null;
  receivedAt: string;
  updatedAt: string;
}

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
  /** Running deadlines only: working days to the end date (0: due today), or past it, by the official calendar. */
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
  /** Start, rule, days skipped and why, calendar version, and a readable text. */
  explanation: unknown;
}

export interface TaskView {
  id: string;
  kind: string;
  unitId: string;
  status: string;
  deadlineKey: string | null;
  dueAt: string | null;
  round: number | null;
  workingDaysLeft: number | null;
  workingDaysOverdue: number | null;
}

export interface ProposalDetailView extends ProposalView {
  deadlines: DeadlineView[];
  tasks: TaskView[];
}

export interface ProposalEventView {
  seq: number;
  type: string;
  at: string;
  actor: { userId: string; unitId: string } | null;
  unitId: string | null;
  data: Record<string, unknown>;
}
