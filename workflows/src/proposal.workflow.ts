import { allHandlersFinished, condition, continueAsNew, log, setHandler } from '@temporalio/workflow';
import {
  ActionRequest,
  ActionResult,
  calendarChangedSignal,
  confirmRegistrationUpdate,
  proposalStateQuery,
  proposalUpdates,
  ProposalWorkflowInput,
} from '@banli/contracts';
import {
  Actor,
  applyAssign,
  applyConfirmPublication,
  applyDecideExtension,
  applyDecideObjection,
  applyDispatch,
  applyMarkKey,
  applySendReminder,
  applyObject,
  applyRecordContact,
  applyRecordFeedback,
  applyReportFollowUp,
  applyRequestExtension,
  applyReturnOpinion,
  applyReview,
  applyReviewDraft,
  applySaveDraft,
  applySubmitDraft,
  applySubmitOpinion,
  applyWaiveOpinion,
  checkAssign,
  checkConfirmPublication,
  checkDecideExtension,
  checkDecideObjection,
  checkDispatch,
  checkMarkKey,
  checkSendReminder,
  checkObject,
  checkRecordContact,
  checkRecordFeedback,
  checkReportFollowUp,
  checkRequestExtension,
  checkReturnOpinion,
  checkReview,
  checkReviewDraft,
  checkSaveDraft,
  checkSubmitDraft,
  checkSubmitOpinion,
  checkWaiveOpinion,
  HandlingState,
  SignOffInput,
} from '@banli/domain';
import { fireDueAlarms } from './proposal/alarms';
import { planPendingDeadlines, replanProvisionalDeadlines } from './proposal/deadline-planning';
import { guarded } from './proposal/domain-failure';
import { ProposalHandling } from './proposal/proposal-handling';
import { now } from './proposal/workflow-time';

/**
 * One workflow per proposal, from registration to closing. The rules are the domain
 * library's; this function orchestrates: it takes human actions as updates (validated before
 * anything is written to history), plans deadlines with the calendar, keeps one durable
 * timer for the next reminder or escalation, and projects every change into the read model
 * before the action returns. Each message goes to one method of `ProposalHandling`; the
 * projection, the alarms, sign-off and deadline planning live beside it in `./proposal/`.
 */
export async function proposalWorkflow(input: ProposalWorkflowInput): Promise<void> {
  const proposal = new ProposalHandling(input);
  const { state, projection } = proposal;

  /** An action: validated by `check`, applied by `apply`, settled before it returns. */
  function action<I, R = void>(
    update: (typeof proposalUpdates)[keyof typeof proposalUpdates],
    check: (s: HandlingState, actor: Actor, input: I, now: string) => void,
    apply: (s: HandlingState, actor: Actor, input: I, now: string) => R,
    extra: (r: R) => Partial<ActionResult> = () => ({}),
  ): void {
    setHandler(update, (req: ActionRequest<unknown>) => proposal.act(update.name, req, apply, extra), {
      validator: guarded((req: ActionRequest<unknown>) => check(state, req.actor, req.input as I, now())),
    });
  }

  setHandler(proposalStateQuery, () => proposal.view());
  setHandler(confirmRegistrationUpdate, () => proposal.confirmRegistration(), {
    validator: (registration) => proposal.checkRegistration(registration),
  });
  setHandler(calendarChangedSignal, () => proposal.noteCalendarChange());

  const u = proposalUpdates;
  action(u.review, checkReview, applyReview);
  action(u.assign, checkAssign, applyAssign);
  action(u.object, checkObject, applyObject, (id) => ({ id }));
  action(u.decideObjection, checkDecideObjection, applyDecideObjection);
  action(u.submitOpinion, checkSubmitOpinion, applySubmitOpinion);
  action(u.returnOpinion, checkReturnOpinion, applyReturnOpinion);
  action(u.waiveOpinion, checkWaiveOpinion, applyWaiveOpinion);
  action(u.recordContact, checkRecordContact, applyRecordContact);
  action(u.saveDraft, checkSaveDraft, applySaveDraft, (draftVersion) => ({ id: draftVersion }));
  action(u.submitDraft, checkSubmitDraft, applySubmitDraft);
  action(u.reviewDraft, checkReviewDraft, applyReviewDraft);
  action(
    u.dispatch,
    (s, a) => checkDispatch(s, a),
    (s, a, _i, t) => applyDispatch(s, a, t),
  );
  action(u.recordFeedback, checkRecordFeedback, applyRecordFeedback);
  action(u.reportFollowUp, checkReportFollowUp, applyReportFollowUp);
  action(u.confirmPublication, checkConfirmPublication, applyConfirmPublication);
  action(u.requestExtension, checkRequestExtension, applyRequestExtension, (id) => ({ id }));
  action(u.decideExtension, checkDecideExtension, applyDecideExtension);
  action(u.markKey, checkMarkKey, applyMarkKey);
  action(u.sendReminder, checkSendReminder, applySendReminder);
  setHandler(u.signOff, (req) => proposal.signOff(req), {
    validator: guarded((req: ActionRequest<SignOffInput>) => proposal.checkSignOff(req)),
  });

  if (!input.carried) {
    log.info('Proposal registered', { proposalId: input.proposalId, requestId: input.requestId });
  }
  await projection.project();

  while (!proposal.terminal()) {
    await planPendingDeadlines(state);
    if (proposal.takeCalendarChange()) await replanProvisionalDeadlines(state);
    await fireDueAlarms(state);
    if (projection.behind()) await projection.project();
    if (proposal.terminal()) break;

    await proposal.sleepUntilNextAlarm();

    if (proposal.shouldContinueAsNew()) {
      // Only with no action in flight: an update accepted while this run was settling would
      // otherwise be lost with the run. Settling awaits activities, so check again after it.
      for (;;) {
        await condition(allHandlersFinished);
        await planPendingDeadlines(state);
        if (projection.behind()) await projection.project();
        if (allHandlersFinished()) break;
      }
      await continueAsNew<typeof proposalWorkflow>({ ...input, carried: state });
    }
  }

  await condition(allHandlersFinished);
  if (projection.behind()) await projection.project();
}
