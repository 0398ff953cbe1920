import { ApplicationFailure, condition, log, workflowInfo } from '@temporalio/workflow';
import {
  ActionRequest,
  ActionResult,
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

  constructor(private readonly input: ProposalWorkflowInput) {
    this.state =
      input.carried ?? newHandlingState(input.proposalId, input.registration, input.settings, input.receivedAt);
    this.projection = new ProposalProjection(this.state, input);
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

  async settle(): Promise<void> {
    await planPendingDeadlines(this.state);
    await this.projection.project();
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

  shouldContinueAsNew(): boolean {
    const maxHistory = this.input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
    return workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > maxHistory;
  }
}
