import type {
  Deadline,
  DeadlinePlan,
  HandlingState,
  OpenTask,
  PlannedDeadline,
  ProposalEvent,
  ProposalRegistration,
  ProposalStage,
} from '@banli/domain';

/** The rules' state as the read model keeps it: no projection bookkeeping, no explanations. */
export type ProjectedHandlingState = Omit<HandlingState, 'pendingEvents'>;

/** The handling state without what the read model does not keep (see `HandlingProjection.state`). */
export function projectedStateOf(state: HandlingState): ProjectedHandlingState {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { pendingEvents, deadlines, ...rest } = state;
  const lean: Record<string, Deadline> = {};
  for (const [key, d] of Object.entries(deadlines)) {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { explanation, ...withoutExplanation } = d;
    lean[key] = withoutExplanation;
  }
  return { ...rest, deadlines: lean };
}

/** The read model's view of one proposal after a change; written only if newer. */
export interface HandlingProjection {
  proposalId: string;
  workflowId: string;
  version: number;
  stage: ProposalStage;
  /** Present on the first projection only: the registration itself. */
  registration?: ProposalRegistration;
  receivedAt: string;
  leadUnitId?: string;
  assignedUnitIds: string[];
  keyProposal: boolean;
  /** The supervising leaders of a key proposal (领导领办). */
  keyLeaders?: string[];
  nextDueAt?: string;
  closedAt?: string;
  tasks: OpenTask[];
  deadlines: Deadline[];
  /** Audit events not yet written (written once each, by sequence number). */
  events: ProposalEvent[];
  /**
   * The handling state this projection reflects, so the API asks the domain what a caller
   * may do (`availableActions`) from the read model instead of querying the workflow.
   * Deadlines travel without their explanations, which the `deadline` rows already carry:
   * the explanations are most of the state's size, and every projection is recorded in the
   * workflow's history. Absent only in projections of workflow code older than this field.
   */
  state?: ProjectedHandlingState;
}

export interface DeadlineToPlan {
  key: string;
  plan: DeadlinePlan;
  reminderWorkingDaysBefore: number[];
}

export interface SignatureRequest {
  proposalId: string;
  unitId: string;
  round: number;
  draftVersion: number;
  signedBy: string;
  signedAt: string;
}

export interface DeadlineNotice {
  proposalId: string;
  /** The event that records the notice; makes delivery idempotent. */
  eventSeq: number;
  kind: 'reminder' | 'escalation';
  deadlineKey: string;
  unitId: string;
  dueAt: string;
  escalation?: number;
}

/** The last event of a proposal's audit chain: its sequence number and hash (hex SHA-256). */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

/** One stored file of a signed letter and the SHA-256 of its bytes (hex). */
export interface FrozenLetterFile {
  format: string;
  sha256: string;
}

/**
 * Activities the proposal workflow calls. Every write is idempotent (keyed and versioned),
 * so a retried activity writes nothing twice.
 */
export interface ProposalActivities {
  /**
   * Writes the proposal, its tasks, deadlines and audit events into the read model; answers
   * the audit chain's head after it, so the workflow's history keeps it (verification).
   */
  projectProposal(projection: HandlingProjection): Promise<{ chainHead: AuditChainHead | null }>;
  /**
   * Allocates the document number and records the signature, in one transaction; freezes the
   * letter and answers its files' SHA-256, so the workflow's history keeps them.
   */
  recordSignature(request: SignatureRequest): Promise<{ documentNumber: string; letters?: FrozenLetterFile[] }>;
  /** Hands a reminder or escalation to the notification outbox. */
  notifyDeadline(notice: DeadlineNotice): Promise<void>;
}

/** Calendar computations: local activities (fast, recorded in history, replay-safe). */
export interface CalendarActivities {
  /** `refresh` reads the calendar anew (after a calendar change) instead of a cached copy. */
  planDeadlines(deadlines: DeadlineToPlan[], options?: { refresh?: boolean }): Promise<PlannedDeadline[]>;
  /** The instant of the next escalation: N working days after the last one. */
  nextEscalationAt(request: { dueAt: string; escalations: number; everyWorkingDays: number }): Promise<string>;
}
