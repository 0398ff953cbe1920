import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import {
  ActionRequest,
  confirmRegistrationUpdate,
  PROPOSAL_WORKFLOW_TYPE,
  proposalUpdates,
  proposalStateQuery,
  ProposalWorkflowInput,
  type ProjectedHandlingState,
} from '@banli/contracts';
import type { HandlingConfig } from '@banli/config';
import {
  Actor,
  availableActions,
  DomainError,
  Deadline,
  dueStatus,
  HANDLING_ACTIONS,
  newHandlingState,
  proposalIdOf,
  proposalWorkflowIdOf,
  registrationInSession,
  RegistrationRequest,
  supervisionNoticeUnits,
} from '@banli/domain';
import type {
  ICalendarOverrideRepository,
  ICommitteeSessionRepository,
  IProposalRepository,
  ProposalEntity,
} from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import { TEMPORAL_CALL_DEADLINE_MS } from '../actions/proposal-actions.service';
import { ReadModelWait } from '../actions/read-model-wait';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ProposalDetailView, ProposalEventView, ProposalView } from './proposal.view';
import { legacyWorkingDays } from '../common/due-status';
import { handlingRecordOf } from './handling-record';
import { WorkflowCallQueue, withUnappliedRetries } from '../temporal/workflow-call-queue';

export interface RegisterResult {
  proposal: ProposalView;
  created: boolean;
  /** Accepted (立案) by this call: registered and accepted in one workflow update. */
  accepted?: boolean;
}

/** The proposal committee's decision sent with a registration that is accepted at once. */
const ACCEPT = { decision: 'accept' } as const;

/** Registration and reading of proposals; testable without Nest. */
export class ProposalsService {
  constructor(
    private readonly temporal: Client,
    private readonly proposals: IProposalRepository,
    private readonly calendars: ICalendarOverrideRepository,
    private readonly sessions: Pick<ICommitteeSessionRepository, 'find'>,
    private readonly access: ProposalAccessService,
    private readonly taskQueue: string,
    private readonly handling: HandlingConfig,
    private readonly calls: WorkflowCallQueue = new WorkflowCallQueue(),
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Starts the proposal's workflow, or joins the one already running for the same session
   * and number, and returns once the read model holds the proposal (read-your-writes).
   *
   * With `acceptBy` (the proposal committee's registrar importing a session it has reviewed),
   * a new proposal is registered and accepted in one workflow update: the update sent with
   * the start is the actions table's `review` (accept) instead of the registration's
   * confirmation, so its audit trail is the same as registering and then accepting. The
   * table's check runs here first on the state the workflow will start with, so a caller the
   * rules refuse starts nothing. A proposal registered before is confirmed as usual, then
   * accepted if the table still offers the caller `review`.
   *
   * The proposal is registered into the open session its code names, under that session's
   * name; an unknown or closed session, or another name, is refused (422) and starts nothing.
   */
  async registerProposal(
    request: RegistrationRequest,
    options: { urgent?: boolean; requestId?: string; acceptBy?: Actor } = {},
  ): Promise<RegisterResult> {
    const { requestId, acceptBy } = options;
    const session = typeof request.sessionCode === 'string' ? await this.sessions.find(request.sessionCode) : null;
    const registration = registrationInSession(request, session);
    const proposalId = proposalIdOf(registration.sessionCode, registration.number);
    const input: ProposalWorkflowInput = {
      proposalId,
      registration,
      receivedAt: this.clock().toISOString(),
      settings: options.urgent ? this.handling.urgent : this.handling.normal,
      ...(requestId ? { requestId } : {}),
    };
    const workflowId = proposalWorkflowIdOf(proposalId);
    const startOperation = () =>
      new WithStartWorkflowOperation<(i: ProposalWorkflowInput) => Promise<void>>(PROPOSAL_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        // A proposal whose handling has ended is never started again under the same number.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    const withDeadline = <T>(call: () => Promise<T>) =>
      withUnappliedRetries(() => this.temporal.withDeadline(Date.now() + TEMPORAL_CALL_DEADLINE_MS, call));
    const confirm = () =>
      withDeadline(() =>
        this.temporal.workflow.executeUpdateWithStart(confirmRegistrationUpdate, {
          args: [registration],
          startWorkflowOperation: startOperation(),
        }),
      );
    const acceptance = (actor: Actor): ActionRequest<typeof ACCEPT> => ({
      actor: { userId: actor.userId, unitId: actor.unitId, roles: actor.roles },
      input: ACCEPT,
      ...(requestId ? { requestId } : {}),
    });
    // One update id per caller and proposal: sent again, an acceptance is applied once.
    const acceptUpdateId = (actor: Actor) => `register-accept:${actor.userId}:${proposalId}`;

    // Registration is repeat-safe (the update only confirms), so it may be sent again when
    // Temporal did not apply it; each attempt needs its own start operation.
    // Queued per proposal, so of simultaneous identical registrations exactly one says "created".
    const outcome = await this.calls.run(workflowId, async () => {
      const existed = (await this.proposals.findById(proposalId)) !== null;
      if (!acceptBy) {
        await confirm();
        return { existed, accepted: false, version: undefined };
      }
      if (!existed) {
        HANDLING_ACTIONS.review.check(
          newHandlingState(proposalId, registration, input.settings, input.receivedAt),
          acceptBy,
          ACCEPT,
          input.receivedAt,
        );
        const accepted = await withDeadline(() =>
          this.temporal.workflow.executeUpdateWithStart(proposalUpdates.review, {
            args: [acceptance(acceptBy)],
            updateId: acceptUpdateId(acceptBy),
            startWorkflowOperation: startOperation(),
          }),
        );
        return { existed, accepted: true, version: accepted.version };
      }
      await confirm();
      const row = await this.proposals.findById(proposalId);
      const state = row ? await this.handlingStateOf(row) : undefined;
      const offered =
        state &&
        availableActions({ ...state, pendingEvents: [] }, acceptBy, this.clock().toISOString()).some(
          (a) => a.action === 'review',
        );
      if (!offered) return { existed, accepted: false, version: undefined };
      const handle = this.temporal.workflow.getHandle(workflowId);
      const accepted = await withDeadline(() =>
        handle.executeUpdate(proposalUpdates.review, {
          args: [acceptance(acceptBy)],
          updateId: acceptUpdateId(acceptBy),
        }),
      );
      return { existed, accepted: true, version: accepted.version };
    });
    // The acceptance answers once its projection is scheduled: read the row once it shows it.
    if (outcome.version !== undefined) await new ReadModelWait(this.proposals).until(proposalId, outcome.version);
    const row = await this.proposals.findById(proposalId);
    if (!row) throw new DomainError('PROPOSAL_NOT_FOUND', `Proposal ${proposalId} does not exist`);
    return {
      proposal: toView(row),
      created: !outcome.existed,
      ...(acceptBy ? { accepted: outcome.accepted } : {}),
    };
  }

  /**
   * A proposal with every deadline (its explanation and due status), its open tasks, what the
   * caller may do now and what the audit trail says happened.
   */
  async getProposal(user: AuthenticatedUser, id: string): Promise<ProposalDetailView> {
    const row = await this.access.readable(user, id);
    const [deadlines, tasks, calendar, events, state] = await Promise.all([
      this.proposals.deadlinesOf(id),
      this.proposals.openTasksOf(id),
      this.calendars.current(),
      this.proposals.historyOf(id),
      this.handlingStateOf(row),
    ]);
    const now = this.clock().toISOString();
    const policy = this.handling.normal.policy;
    // Every user id of the handling record is an event's actor.
    const displayNames = await this.proposals.displayNamesOf(
      events.flatMap((e) => (e.actor?.userId ? [e.actor.userId] : [])),
    );
    const deadlineViews = deadlines
      .filter((d) => d.kind !== 'limit')
      .map((d) => {
        const due = dueStatus(
          { status: d.status as Deadline['status'], dueAt: d.dueAt, metAt: d.metAt },
          now,
          calendar,
          policy,
        );
        return {
          key: d.key,
          kind: d.kind,
          unitId: d.unitId,
          status: d.status,
          dueAt: d.dueAt,
          endDate: d.endDate,
          provisional: d.provisional === 1,
          remindersSent: d.remindersSent,
          escalations: d.escalations,
          extended: d.extended === 1,
          due,
          ...legacyWorkingDays(due),
          explanation: d.explanation,
        };
      });
    return {
      ...toView(row),
      keyLeaderUserIds: state.key?.leaderUserIds ?? [],
      proposers: this.access.proposersFor(user, row),
      deadlines: deadlineViews,
      tasks: tasks.map((t) => {
        const due = dueStatus(t, now, calendar, policy);
        return {
          id: t.id,
          kind: t.kind,
          unitId: t.unitId,
          status: t.status,
          deadlineKey: t.deadlineKey,
          dueAt: t.dueAt,
          round: t.round,
          due,
          ...legacyWorkingDays(due),
        };
      }),
      // The state the workflow last projected, so the buttons agree with the stage shown.
      allowedActions: availableActions({ ...state, pendingEvents: [] }, user, now),
      supervisionNoticeUnits: supervisionNoticeUnits(user, deadlineViews),
      ...handlingRecordOf(events),
      displayNames,
    };
  }

  /**
   * The rules' state as the read model keeps it. A proposal projected before the column existed
   * (and not changed since) has none: ask its workflow, which holds the same state.
   */
  private async handlingStateOf(row: ProposalEntity): Promise<ProjectedHandlingState> {
    if (row.handlingState) return row.handlingState;
    const view = await this.temporal.withDeadline(Date.now() + TEMPORAL_CALL_DEADLINE_MS, () =>
      // A Temporal workflow query, not storage: the storage lint matches any method named query.
      // eslint-disable-next-line no-restricted-syntax
      this.temporal.workflow.getHandle(row.workflowId).query(proposalStateQuery),
    );
    return view.state;
  }

  /** The audit trail: every change, who made it and when, in order. */
  async getEvents(user: AuthenticatedUser, id: string): Promise<ProposalEventView[]> {
    await this.access.readable(user, id);
    const events = await this.proposals.eventsOf(id);
    const names = await this.proposals.displayNamesOf(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])));
    return events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at,
      actor: e.actorUserId
        ? {
            userId: e.actorUserId,
            // The name as it is now; a system actor or a removed user shows its id.
            displayName: names[e.actorUserId] ?? e.actorUserId,
            unitId: e.actorUnitId as string,
          }
        : null,
      unitId: e.unitId,
      data: e.data,
    }));
  }
}

function toView(row: ProposalEntity): ProposalView {
  return {
    id: row.id,
    workflowId: row.workflowId,
    kind: row.kind,
    sessionCode: row.sessionCode,
    sessionName: row.sessionName,
    number: row.number,
    title: row.title,
    body: row.body,
    proposers: row.proposers,
    suggestionPoints: row.suggestionPoints,
    stage: row.stage,
    leadUnitId: row.leadUnitId,
    assignedUnitIds: row.assignedUnitIds,
    keyProposal: row.keyProposal === 1,
    keyLeaders: row.keyLeaders ?? [],
    nextDueAt: row.nextDueAt,
    closedAt: row.closedAt,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
  };
}
