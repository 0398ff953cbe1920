import { context as traceContext, type Context } from '@opentelemetry/api';
import { upsertSearchAttributes } from '@temporalio/workflow';
import { HandlingProjection, projectedStateOf, ProposalWorkflowInput, SEARCH_ATTRIBUTES } from '@banli/contracts';
import { HandlingState, openTasks, proposalWorkflowIdOf } from '@banli/domain';
import { projectProposal } from './activities';

/** Keeps the read model (and the search attributes) up to date with the workflow's state. */
export class ProposalProjection {
  /** The state version the read model holds. */
  version: number;
  private readonly workflowId: string;
  private lastSearchAttributes = '';
  /** Deadlines as the read model last confirmed them: only changed ones are sent again. */
  private readonly projectedDeadlines = new Map<string, string>();
  /** The projection loop while it runs (`catchUp`). */
  private running: Promise<void> | undefined;
  /**
   * The trace context of the latest caller of `catchUp` (an action's update, or the run): the
   * loop's next projection joins that trace, so an action whose change is projected by a loop
   * another caller started is still one trace from its HTTP request to the activity. Without
   * tracing this is the root context and changes nothing.
   */
  private callerContext: Context = traceContext.active();

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
    // As sent, not as they are once the write is confirmed: an action applied meanwhile (its
    // deadlines planned while this projection ran) changes the same objects, and those changes
    // must go in the next projection.
    const sent = s.deadlines.map((d) => [d.key, JSON.stringify(d)] as const);
    await projectProposal(s);
    for (const [key, json] of sent) this.projectedDeadlines.set(key, json);
    const lastSeq = s.events.at(-1)?.seq ?? 0;
    this.state.pendingEvents = this.state.pendingEvents.filter((e) => e.seq > lastSeq);
    this.version = Math.max(this.version, s.version);
    this.updateSearchAttributes(s);
  }

  /**
   * Brings the read model up to the state, one projection after another: never two in flight,
   * so events and versions reach it in order whatever the order of the actions that asked. A
   * caller that comes while the loop runs waits for it, and the loop projects again if the state
   * moved meanwhile. The first projection is scheduled before this returns, so an action that
   * calls it and answers puts both in the same workflow task: the projection is durable.
   */
  catchUp(): Promise<void> {
    this.callerContext = traceContext.active();
    if (this.running) return this.running;
    if (!this.behind()) return Promise.resolve();
    this.running = this.drain();
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.behind()) await traceContext.with(this.callerContext, () => this.project());
    } finally {
      this.running = undefined;
    }
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
