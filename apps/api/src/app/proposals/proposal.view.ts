import type { ContactEntry, ExtensionEntry, ObjectionEntry, SignatureEntry, UnitOpinion } from '@banli/contracts';
import type {
  AvailableAction,
  DueStatus,
  Proposer,
  ProposalKind,
  ProposalStage,
  Rating,
  SuggestionPoint,
} from '@banli/domain';

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
  due: DueStatus;
  /** @deprecated read `due`; kept until the web reads it. */
  workingDaysLeft: number | null;
  /** @deprecated read `due`. */
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
  due: DueStatus;
  /** @deprecated read `due`; kept until the web reads it. */
  workingDaysLeft: number | null;
  /** @deprecated read `due`. */
  workingDaysOverdue: number | null;
}

/** ratingsOf one signed reply. */
export interface ReplyRatings {
  unitId: string;
  round: number;
  ratings: { proposer: string; rating: Rating }[];
}

export interface ProposalDetailView extends ProposalView {
  /** A key proposal's leaders who are users (ids; their names are in keyLeaders): they get its digest. */
  keyLeaderUserIds: string[];
  deadlines: DeadlineView[];
  tasks: TaskView[];
  /** What the caller may do now: the domain's availableActions over the read model's state. */
  allowedActions: AvailableAction[];
  /** The units the caller may send a 督办通知单 (supervisors: units holding an overdue deadline). */
  supervisionNoticeUnits: string[];
  /** The audit trail read by the contracts' folds. */
  opinions: UnitOpinion[];
  objections: ObjectionEntry[];
  extensions: ExtensionEntry[];
  signatures: SignatureEntry[];
  contacts: ContactEntry[];
  ratings: ReplyRatings[];
  /** The display name of every user id this answer names (signatures, opinions, objections, …), by id. */
  displayNames: Record<string, string>;
}

export interface ProposalEventView {
  seq: number;
  type: string;
  at: string;
  actor: { userId: string; displayName: string; unitId: string } | null;
  unitId: string | null;
  data: Record<string, unknown>;
}
