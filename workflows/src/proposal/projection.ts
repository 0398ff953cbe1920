import { isCancellation, patched, upsertSearchAttributes } from '@temporalio/workflow';
import {
  HandlingProjection,
  projectedStateOf,
  PROPOSAL_WORKFLOW_PATCHES,
  ProposalWorkflowInput,
  SEARCH_ATTRIBUTES,
} from '@banli/contracts';
import { HandlingState, openTasks, proposalWorkflowIdOf } from '@banli/domain';
import { projectProposal, projectProposalLocally } from './activities';

/** Keeps the read model (and the search attributes) up to date with the workflow's state. */
export class ProposalProjection {
  /** The state version the read model holds. */
  version: number;
  private readonly workflowId: string;
  private lastSearchAttributes = '';
  /** Deadlines as the read model last confirmed them: only changed ones are sent again. */
  private readonly projectedDeadlines = new Map<string, string>();

  constructor(
    private readonly state: HandlingState,
    private readonly input: ProposalWorkflowInput,
  ) {
    this.workflowId = proposalWorkflowIdOf(input.proposalId);
    this.version = input.carried ? state.version : 0;
  }

  /** True when the state holds a change or an event the read model has not received. */
  behind(): boolean {
    return this.state.version > this.version || this.state.pendingEvents.length > 0;
  }

  /** Writes the current state to the read model; returns when it is there. */
  async project(): Promise<void> {
    const s = this.snapshot(this.version === 0);
    await write(s);
    for (const d of s.deadlines) this.projectedDeadlines.set(d.key, JSON.stringify(d));
    const lastSeq = s.events.at(-1)?.seq ?? 0;
    this.state.pendingEvents = this.state.pendingEvents.filter((e) => e.seq > lastSeq);
    this.version = Math.max(this.version, s.version);
    this.updateSearchAttributes(s);
  }

  private snapshot(first: boolean): HandlingProjection {
    const { state, input } = this;
    const a = state.assignment;
    const next = Object.values(state.deadlines)
      .filter((d) => d.status === 'running' && d.kind !== 'limit' && d.kind !== 'objection' && d.dueAt)
      .map((d) => d.dueAt as string)
      .sort()[0];
    return {
      proposalId: state.proposalId,
      workflowId: this.workflowId,
      version: state.version,
      stage: state.stage,
      ...(first ? { registration: input.registration } : {}),
      receivedAt: input.receivedAt,
      ...(a?.mode === 'lead' ? { leadUnitId: a.replyingUnitIds[0] } : {}),
      assignedUnitIds: a ? [...a.replyingUnitIds, ...a.coHandlerUnitIds] : [],
      keyProposal: !!state.key,
      ...(state.key ? { keyLeaders: state.key.leaders } : {}),
      ...(next ? { nextDueAt: next } : {}),
      ...(state.closedAt ? { closedAt: state.closedAt } : {}),
      tasks: openTasks(state),
      deadlines: Object.values(state.deadlines).filter((d) => this.projectedDeadlines.get(d.key) !== JSON.stringify(d)),
      events: [...state.pendingEvents],
      state: projectedStateOf(state),
    };
  }

  private updateSearchAttributes(s: HandlingProjection): void {
    const key = `${s.stage}|${s.leadUnitId ?? ''}|${s.nextDueAt ?? ''}`;
    if (key === this.lastSearchAttributes) return;
    this.lastSearchAttributes = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: s.stage },
      { key: SEARCH_ATTRIBUTES.leadUnit, value: s.leadUnitId ?? null },
      { key: SEARCH_ATTRIBUTES.nextDeadline, value: s.nextDueAt ? new Date(s.nextDueAt) : null },
    ]);
  }
}

/**
 * Since the patch `local-projection` (PROPOSAL_WORKFLOW_PATCHES), the projection is written by
 * a local activity in the workflow task that made the change: the action answers in that same
 * workflow task, without the regular activity's two trips through the server (schedule,
 * dispatch, complete, next workflow task). When the quick local attempts fail (the database
 * is down or slow), the regular activity takes over and retries on the server until the
 * database is back, as before. Histories written before the patch replay the old path.
 */
function write(s: HandlingProjection): Promise<void> {
  // Not `async`: the old path must issue and await its activity exactly as before the patch.
  if (!patched(PROPOSAL_WORKFLOW_PATCHES.localProjection)) return projectProposal(s);
  return projectProposalLocally(s).catch((e: unknown) => {
    // Any failure of the local attempts, except the workflow being cancelled.
    if (isCancellation(e)) throw e;
    return projectProposal(s);
  });
}
