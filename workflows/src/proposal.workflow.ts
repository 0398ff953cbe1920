import { allHandlersFinished, condition, continueAsNew, log, setHandler } from '@temporalio/workflow';
import {
  ActionRequest,
  calendarChangedSignal,
  confirmRegistrationUpdate,
  proposalStateQuery,
  proposalUpdates,
  ProposalWorkflowInput,
} from '@banli/contracts';
import { HANDLING_ACTION_NAMES, HANDLING_ACTIONS, HandlingAction } from '@banli/domain';
import { fireDueAlarms } from './proposal/alarms';
import { planPendingDeadlines, replanAfterCalendarChange } from './proposal/deadline-planning';
import { guarded } from './proposal/domain-failure';
import { ProposalHandling } from './proposal/proposal-handling';

/**
 * One workflow per proposal, from registration to closing. The rules are the domain
 * library's; this function orchestrates: it takes human actions as updates (validated before
 * anything is written to history), plans deadlines with the calendar, keeps one durable
 * timer for the next reminder or escalation, and projects every change into the read model
 * (since the patch `answer-before-projection`, in one loop that an action's answer does not
 * wait for; the API waits for the read model instead). Each message goes to one method of
 * `ProposalHandling`; the
 * projection, the alarms, sign-off and deadline planning live beside it in `./proposal/`.
 */
export async function proposalWorkflow(input: ProposalWorkflowInput): Promise<void> {
  const proposal = new ProposalHandling(input);
  const { state, projection } = proposal;

  setHandler(proposalStateQuery, () => proposal.view());
  setHandler(confirmRegistrationUpdate, () => proposal.confirmRegistration(), {
    validator: (registration) => proposal.checkRegistration(registration),
  });
  setHandler(calendarChangedSignal, () => proposal.noteCalendarChange());

  // Every human action from the domain's actions table: its check validates the update before
  // anything reaches history, its apply is the handler. Sign-off awaits an activity between
  // its steps, so it has its own handler.
  for (const name of HANDLING_ACTION_NAMES) {
    if (name === 'signOff') continue;
    const action: HandlingAction<unknown, unknown> = HANDLING_ACTIONS[name];
    setHandler(proposalUpdates[name], (req: ActionRequest<unknown>) => proposal.act(name, action, req), {
      validator: guarded((req: ActionRequest<unknown>) => proposal.check(action, req)),
    });
  }
  setHandler(proposalUpdates.signOff, (req) => proposal.signOff(req), {
    validator: guarded((req: ActionRequest<unknown>) => proposal.check(HANDLING_ACTIONS.signOff, req)),
  });

  if (!input.carried) {
    log.info('Proposal registered', { proposalId: input.proposalId, requestId: input.requestId });
  }
  await proposal.projectFirst();

  while (!proposal.terminal()) {
    await planPendingDeadlines(state);
    if (proposal.takeCalendarChange()) await replanAfterCalendarChange(state);
    await fireDueAlarms(state);
    if (projection.behind()) await proposal.projectState();
    if (proposal.terminal()) break;

    await proposal.sleepUntilNextAlarm();

    if (proposal.shouldContinueAsNew()) {
      // Only with no action in flight: an update accepted while this run was settling would
      // otherwise be lost with the run. Settling awaits activities, so check again after it.
      for (;;) {
        await condition(allHandlersFinished);
        await planPendingDeadlines(state);
        if (projection.behind()) await proposal.projectState();
        if (proposal.settledForContinueAsNew()) break;
      }
      await continueAsNew<typeof proposalWorkflow>({ ...input, carried: state });
    }
  }

  await condition(allHandlersFinished);
  if (projection.behind()) await proposal.projectState();
}
