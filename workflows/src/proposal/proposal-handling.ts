import { allHandlersFinished, ApplicationFailure, condition, log, patched, workflowInfo } from '@temporalio/workflow';
import {
  ActionRequest,
  ActionResult,
  PROPOSAL_WORKFLOW_PATCHES,
  ProposalStateView,
  ProposalWorkflowInput,
  RegistrationResult,
} from '@banli/contracts';
import {
  HandlingAction,
  HandlingActionName,
  HandlingActionRule,
  HandlingState,
  newHandlingState,
  nextAlarm,
  openTasks,
  ProposalRegistration,
  sameRegistration,
  SignOffInput,
} from '@banli/domain';
import { planPendingDeadlines } from './deadline-planning';
import { asFailure } from './domain-failure';
import { ProposalProjection } from './projection';
import { signOff } from './sign-off';
import { now } from './workflow-time';

/** Continue as new well before Temporal's own limits, so replays stay fast. */
const DEFAULT_MAX_HISTORY_EVENTS = 5_000;

/**
 * One proposal's handling inside its workflow: the state, and one method per message the
 * workflow takes. The rules are the domain library's; every change is settled (new deadlines
 * planned, the read model updated) before the action that made it returns.
 *
 * Methods that only pass a promise on are not `async`: an extra await layer may shift when a
 * handler issues its commands relative to the main loop in the same workflow task, and the
 * saved histories (apps/workflow-tests) must replay command for command.
 */
export class ProposalHandling {
  readonly state: HandlingState;
  readonly projection: ProposalProjection;
  /** Set when something happened that the main loop must look at (an action, a new calendar). */
  private wake = false;
  private calendarChanged = false;
  /**
   * Since the patch `answer-before-projection` (decided once per run, at its start): an action
   * answers from the workflow task that schedules its projection, and every projection goes
   * through the one loop (`ProposalProjection.catchUp`). Before it, each action awaited its
   * own projection activity.
   */
  private readonly answersBeforeProjection: boolean;
  /** Actions applied whose projection is not yet scheduled (awaiting their deadlines' plan). */
  private actionsSettling = 0;

  constructor(private readonly input: ProposalWorkflowInput) {
    this.state =
      input.carried ?? newHandlingState(input.proposalId, input.registration, input.settings, input.receivedAt);
    this.projection = new ProposalProjection(this.state, input);
    this.answersBeforeProjection = patched(PROPOSAL_WORKFLOW_PATCHES.answerBeforeProjection);
    // Decided once per run, like the patch above: objections and extension requests start the
    // office's decision deadline (the domain's rules read the flag).
    if (patched(PROPOSAL_WORKFLOW_PATCHES.officeDecisionDeadlines)) this.state.decisionDeadlines = true;
  }

  /**
   * The read model brought up to the state. Before the patch this is one projection, as the
   * histories of that code were written; since, the projection loop.
   */
  projectState(): Promise<void> {
    return this.answersBeforeProjection ? this.projection.catchUp() : this.projection.project();
  }

  /**
   * The first projection of a run. Since the patch it waits for the actions sent with the start
   * (update-with-start: the import's acceptance) to be applied and planned, so the registration
   * and the acceptance reach the read model in one projection, not two.
   */
  projectFirst(): Promise<void> {
    if (!this.answersBeforeProjection) return this.projection.project();
    return condition(() => this.actionsSettling === 0).then(() => this.projection.catchUp());
  }

  view(): ProposalStateView {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { pendingEvents, ...rest } = this.state;
    return {
      proposalId: this.state.proposalId,
      stage: this.state.stage,
      version: this.state.version,
      projectedVersion: this.projection.version,
      state: rest,
      tasks: openTasks(this.state),
      deadlines: Object.values(this.state.deadlines),
    };
  }

  checkRegistration(registration: ProposalRegistration): void {
    if (!sameRegistration(registration, this.input.registration)) {
      throw ApplicationFailure.nonRetryable(
        `Proposal ${this.input.proposalId} is already registered with different content`,
        'PROPOSAL_ALREADY_REGISTERED',
      );
    }
  }

  /** Returns once the registration is in the read model. */
  async confirmRegistration(): Promise<RegistrationResult> {
    await condition(() => this.projection.version >= 1);
    return { proposalId: this.state.proposalId, stage: this.state.stage };
  }

  noteCalendarChange(): void {
    this.calendarChanged = true;
    this.wake = true;
  }

  /** An action's check from the actions table: the update's validator. */
  check(action: HandlingActionRule<unknown>, req: ActionRequest<unknown>): void {
    action.check(this.state, req.actor, req.input, now());
  }

  /** An action, already validated: applied, logged, and settled before it returns. */
  async act(
    name: HandlingActionName,
    action: HandlingAction<unknown, unknown>,
    req: ActionRequest<unknown>,
  ): Promise<ActionResult> {
    let created: unknown;
    try {
      created = action.apply(this.state, req.actor, req.input, now());
    } catch (e) {
      throw asFailure(e);
    }
    log.info('Proposal action', {
      proposalId: this.state.proposalId,
      action: name,
      unitId: req.actor.unitId,
      requestId: req.requestId,
    });
    await this.settle();
    // The objection, draft version or extension request the action created, if any.
    return this.result(typeof created === 'number' ? { id: created } : {});
  }

  signOff(req: ActionRequest<SignOffInput>): Promise<ActionResult> {
    return signOff(this, req);
  }

  /**
   * After a change: new deadlines planned, then the read model updated. Before the patch
   * `answer-before-projection` this returns once the read model holds the change; since, once
   * its projection is scheduled (the action's result carries the version the read model will
   * reach, and the API waits for it).
   */
  async settle(): Promise<void> {
    if (!this.answersBeforeProjection) {
      await planPendingDeadlines(this.state);
      await this.projection.project();
      this.wake = true;
      return;
    }
    this.actionsSettling++;
    try {
      await planPendingDeadlines(this.state);
    } finally {
      this.actionsSettling--;
    }
    // Not awaited: the action answers now; the loop's first activity is scheduled in this
    // workflow task, and the main loop (which waits for the loop before it sleeps, continues
    // as new or ends) sees any failure.
    this.projection.catchUp().catch(() => undefined);
    this.wake = true;
  }

  result(extra: Partial<ActionResult> = {}): ActionResult {
    return { proposalId: this.state.proposalId, stage: this.state.stage, version: this.state.version, ...extra };
  }

  terminal(): boolean {
    return this.state.stage === 'merged' || this.state.stage === 'converted' || this.state.stage === 'closed';
  }

  /** Whether a new calendar arrived since the last call. */
  takeCalendarChange(): boolean {
    const changed = this.calendarChanged;
    this.calendarChanged = false;
    return changed;
  }

  /** Waits on the one durable timer, aimed at the next alarm, or until something happens. */
  sleepUntilNextAlarm(): Promise<unknown> {
    const alarm = nextAlarm(this.state);
    const timeout = alarm ? Math.max(Date.parse(alarm.at) - Date.now(), 1) : undefined;
    this.wake = false;
    return timeout === undefined ? condition(() => this.wake) : condition(() => this.wake, timeout);
  }

  /**
   * Whether this run may end in a continue-as-new: no action in flight and (since the patch,
   * where an action finishes before its projection) none of the state left to project, or the
   * projection an action scheduled would be lost with the run.
   */
  settledForContinueAsNew(): boolean {
    if (!this.answersBeforeProjection) return allHandlersFinished();
    return allHandlersFinished() && !this.projection.behind();
  }

  shouldContinueAsNew(): boolean {
    const maxHistory = this.input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
    return workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > maxHistory;
  }
}
