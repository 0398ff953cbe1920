import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ActionRequest,
  ActionResult,
  CalendarActivities,
  calendarChangedSignal,
  confirmRegistrationUpdate,
  HandlingProjection,
  ProposalActivities,
  proposalStateQuery,
  ProposalStateView,
  proposalUpdates,
  ProposalWorkflowInput,
  PROPOSAL_WORKFLOW_PATCHES,
  projectedStateOf,
  SEARCH_ATTRIBUTES,
} from '@banli/contracts';
import {
  abortSignOff,
  Actor,
  applyAssign,
  applyConfirmPublication,
  applyDecideExtension,
  applyDecideObjection,
  applyDispatch,
  applyMarkKey,
  applySendReminder,
  applyObject,
  applyPlannedDeadlines,
  applyRecordContact,
  applyRecordFeedback,
  applyReportFollowUp,
  applyRequestExtension,
  applyReturnOpinion,
  applyReview,
  applyReviewDraft,
  applySendBackAtSignOff,
  applySignOff,
  applySaveDraft,
  applySubmitDraft,
  applySubmitOpinion,
  applyWaiveOpinion,
  beginSignOff,
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
  checkSignOff,
  checkSaveDraft,
  checkSubmitDraft,
  checkSubmitOpinion,
  checkWaiveOpinion,
  deadlinesToPlan,
  Deadline,
  DomainError,
  dueAlarms,
  fireAlarm,
  HandlingState,
  newHandlingState,
  nextAlarm,
  openTasks,
  proposalWorkflowIdOf,
  sameRegistration,
  setNextEscalation,
  SignOffInput,
} from '@banli/domain';

const { projectProposal, recordSignature, notifyDeadline } = proxyActivities<ProposalActivities>({
  // Each takes milliseconds; a worker that dies mid-activity is noticed (and the activity
  // retried elsewhere) after this long.
  startToCloseTimeout: '10 seconds',
  // A database outage must not fail a proposal: writes retry until the database is back.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

const { planDeadlines, nextEscalationAt } = proxyLocalActivities<CalendarActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Continue as new well before Temporal's own limits, so replays stay fast. */
const DEFAULT_MAX_HISTORY_EVENTS = 5_000;

/** A DomainError becomes a non-retryable failure whose type is the error code. */
function asFailure(e: unknown): unknown {
  if (e instanceof DomainError) {
    return ApplicationFailure.create({ message: e.message, type: e.code, nonRetryable: true, details: [e.details] });
  }
  return e;
}

function guarded<A extends unknown[]>(check: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      check(...args);
    } catch (e) {
      throw asFailure(e);
    }
  };
}

/**
 * One workflow per proposal, from registration to closing. The rules are the domain
 * library's; this function orchestrates: it takes human actions as updates (validated before
 * anything is written to history), plans deadlines with the calendar, keeps one durable
 * timer for the next reminder or escalation, and projects every change into the read model
 * before the action returns.
 */
export async function proposalWorkflow(input: ProposalWorkflowInput): Promise<void> {
  const state: HandlingState =
    input.carried ?? newHandlingState(input.proposalId, input.registration, input.settings, input.receivedAt);
  const workflowId = proposalWorkflowIdOf(input.proposalId);
  let projectedVersion = input.carried ? state.version : 0;
  let wake = false;
  let calendarChanged = false;
  let lastSearchAttributes = '';
  /** Deadlines as the read model last confirmed them: only changed ones are sent again. */
  const projectedDeadlines = new Map<string, string>();

  const now = () => new Date().toISOString();

  function snapshot(first: boolean): HandlingProjection {
    const a = state.assignment;
    const next = Object.values(state.deadlines)
      .filter((d) => d.status === 'running' && d.kind !== 'limit' && d.kind !== 'objection' && d.dueAt)
      .map((d) => d.dueAt as string)
      .sort()[0];
    return {
      proposalId: state.proposalId,
      workflowId,
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
      deadlines: Object.values(state.deadlines).filter((d) => projectedDeadlines.get(d.key) !== JSON.stringify(d)),
      events: [...state.pendingEvents],
      state: projectedStateOf(state),
    };
  }

  /** Writes the current state to the read model; returns when it is there. */
  async function project(): Promise<void> {
    const s = snapshot(projectedVersion === 0);
    await projectProposal(s);
    for (const d of s.deadlines) projectedDeadlines.set(d.key, JSON.stringify(d));
    const lastSeq = s.events.at(-1)?.seq ?? 0;
    state.pendingEvents = state.pendingEvents.filter((e) => e.seq > lastSeq);
    projectedVersion = Math.max(projectedVersion, s.version);
    updateSearchAttributes(s);
  }

  function updateSearchAttributes(s: HandlingProjection): void {
    const key = `${s.stage}|${s.leadUnitId ?? ''}|${s.nextDueAt ?? ''}`;
    if (key === lastSearchAttributes) return;
    lastSearchAttributes = key;
    upsertSearchAttributes([
      { key: SEARCH_ATTRIBUTES.stage, value: s.stage },
      { key: SEARCH_ATTRIBUTES.leadUnit, value: s.leadUnitId ?? null },
      { key: SEARCH_ATTRIBUTES.nextDeadline, value: s.nextDueAt ? new Date(s.nextDueAt) : null },
    ]);
  }

  /** Gives every new deadline its explanation and reminders, from the current calendar. */
  async function planPendingDeadlines(refresh = false): Promise<void> {
    const pending = deadlinesToPlan(state);
    if (pending.length === 0) return;
    const planned = await planDeadlines(
      pending.map((d) => ({
        key: d.key,
        plan: d.plan,
        reminderWorkingDaysBefore: state.settings.policy.reminderWorkingDaysBefore,
      })),
      ...(refresh ? [{ refresh }] : []),
    );
    applyPlannedDeadlines(state, planned);
  }

  async function settle(): Promise<void> {
    await planPendingDeadlines();
    await project();
    wake = true;
  }

  const result = (extra: Partial<ActionResult> = {}): ActionResult => ({
    proposalId: state.proposalId,
    stage: state.stage,
    version: state.version,
    ...extra,
  });

  /** An action: validated by `check`, applied by `apply`, settled before it returns. */
  function action<I, R = void>(
    update: (typeof proposalUpdates)[keyof typeof proposalUpdates],
    check: (s: HandlingState, actor: Actor, input: I, now: string) => void,
    apply: (s: HandlingState, actor: Actor, input: I, now: string) => R,
    extra: (r: R) => Partial<ActionResult> = () => ({}),
  ): void {
    setHandler(
      update,
      async (req: ActionRequest<unknown>) => {
        let r: R;
        try {
          r = apply(state, req.actor, req.input as I, now());
        } catch (e) {
          throw asFailure(e);
        }
        log.info('Proposal action', {
          proposalId: state.proposalId,
          action: update.name,
          unitId: req.actor.unitId,
          requestId: req.requestId,
        });
        await settle();
        return result(extra(r));
      },
      { validator: guarded((req: ActionRequest<unknown>) => check(state, req.actor, req.input as I, now())) },
    );
  }

  setHandler(proposalStateQuery, (): ProposalStateView => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { pendingEvents, ...rest } = state;
    return {
      proposalId: state.proposalId,
      stage: state.stage,
      version: state.version,
      projectedVersion,
      state: rest,
      tasks: openTasks(state),
      deadlines: Object.values(state.deadlines),
    };
  });

  setHandler(
    confirmRegistrationUpdate,
    async () => {
      await condition(() => projectedVersion >= 1);
      return { proposalId: state.proposalId, stage: state.stage };
    },
    {
      validator: (registration) => {
        if (!sameRegistration(registration, input.registration)) {
          throw ApplicationFailure.nonRetryable(
            `Proposal ${input.proposalId} is already registered with different content`,
            'PROPOSAL_ALREADY_REGISTERED',
          );
        }
      },
    },
  );

  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
    wake = true;
  });

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

  // Sign-off allocates the document number in an activity: the reply is locked meanwhile,
  // so a second sign-off is refused rather than allocating a second number.
  setHandler(
    u.signOff,
    async (req) => {
      const { actor, input: signOff } = req;
      if (signOff.decision === 'send-back') {
        applySendBackAtSignOff(state, actor, signOff.comment as string, now());
        await settle();
        return result();
      }
      beginSignOff(state, actor);
      const track = state.tracks[actor.unitId];
      const signedAt = now();
      let documentNumber: string;
      try {
        ({ documentNumber } = await recordSignature({
          proposalId: state.proposalId,
          unitId: actor.unitId,
          round: track.round,
          draftVersion: track.draftVersion,
          signedBy: actor.userId,
          signedAt,
        }));
      } catch (e) {
        abortSignOff(state, actor);
        throw e;
      }
      applySignOff(state, actor, documentNumber, signedAt);
      await settle();
      return result({ documentNumber });
    },
    { validator: guarded((req: ActionRequest<SignOffInput>) => checkSignOff(state, req.actor, req.input)) },
  );

  if (!input.carried) {
    log.info('Proposal registered', { proposalId: input.proposalId, requestId: input.requestId });
  }
  await project();

  const terminal = () => state.stage === 'merged' || state.stage === 'converted' || state.stage === 'closed';

  while (!terminal()) {
    await planPendingDeadlines();
    if (calendarChanged) {
      calendarChanged = false;
      await replanProvisionalDeadlines();
    }
    await fireDueAlarms();
    if (state.version > projectedVersion || state.pendingEvents.length > 0) await project();
    if (terminal()) break;

    const alarm = nextAlarm(state);
    const timeout = alarm ? Math.max(Date.parse(alarm.at) - Date.now(), 1) : undefined;
    wake = false;
    if (timeout === undefined) await condition(() => wake);
    else await condition(() => wake, timeout);

    const maxHistory = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
    if (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > maxHistory) {
      // Only with no action in flight: an update accepted while this run was settling would
      // otherwise be lost with the run. Settling awaits activities, so check again after it.
      for (;;) {
        await condition(allHandlersFinished);
        await planPendingDeadlines();
        if (state.version > projectedVersion || state.pendingEvents.length > 0) await project();
        if (allHandlersFinished()) break;
      }
      await continueAsNew<typeof proposalWorkflow>({ ...input, carried: state });
    }
  }

  await condition(allHandlersFinished);
  if (state.version > projectedVersion || state.pendingEvents.length > 0) await project();

  /**
   * Fires every alarm whose time has come. Since the patch `parallel-alarm-notices`
   * (PROPOSAL_WORKFLOW_PATCHES), the notices of all alarms due together (every co-handler's
   * reminder at 09:00, several escalations at a deadline) go out at once, in one workflow task,
   * and then the next escalation times of all escalated deadlines are computed at once, instead
   * of one activity round trip after another per alarm. Proposals whose histories were written
   * before take the old path when they replay that part (README: "Changing the workflow
   * safely"); both paths send the same notices and plan the same escalations.
   */
  async function fireDueAlarms(): Promise<void> {
    const due = dueAlarms(state, now());
    if (due.length === 0) return;
    if (patched(PROPOSAL_WORKFLOW_PATCHES.parallelAlarmNotices)) {
      const notices: Promise<void>[] = [];
      const escalated: Deadline[] = [];
      for (const alarm of due) {
        const outcome = fireAlarm(state, alarm, now());
        if (!outcome.notify) continue;
        // Right after fireAlarm: the notice takes the event fireAlarm just recorded.
        notices.push(notifyDeadline(noticeOf(outcome.notify, outcome.deadline)));
        if (outcome.notify === 'escalation') escalated.push(outcome.deadline);
      }
      await Promise.all(notices);
      const next = await Promise.all(escalated.map((d) => nextEscalationAt(escalationOf(d))));
      escalated.forEach((d, i) => setNextEscalation(state, d.key, next[i]));
      return;
    }
    // Before the patch: one alarm after another, each notice (and escalation time) awaited.
    for (const alarm of due) {
      const outcome = fireAlarm(state, alarm, now());
      if (!outcome.notify) continue;
      const d = outcome.deadline;
      const event = state.pendingEvents.at(-1);
      await notifyDeadline({
        proposalId: state.proposalId,
        eventSeq: event?.seq ?? state.nextEventSeq,
        kind: outcome.notify,
        deadlineKey: d.key,
        unitId: d.unitId,
        dueAt: d.dueAt as string,
        ...(outcome.notify === 'escalation' ? { escalation: d.escalations } : {}),
      });
      if (outcome.notify === 'escalation') {
        setNextEscalation(
          state,
          d.key,
          await nextEscalationAt({
            dueAt: d.dueAt as string,
            escalations: d.escalations,
            everyWorkingDays: state.settings.policy.escalationEveryWorkingDays,
          }),
        );
      }
    }
  }

  /** The notice of an alarm fireAlarm has just handled (its event is the last one recorded). */
  function noticeOf(kind: 'reminder' | 'escalation', d: Deadline): Parameters<ProposalActivities['notifyDeadline']>[0] {
    const event = state.pendingEvents.at(-1);
    return {
      proposalId: state.proposalId,
      eventSeq: event?.seq ?? state.nextEventSeq,
      kind,
      deadlineKey: d.key,
      unitId: d.unitId,
      dueAt: d.dueAt as string,
      ...(kind === 'escalation' ? { escalation: d.escalations } : {}),
    };
  }

  function escalationOf(d: Deadline): Parameters<CalendarActivities['nextEscalationAt']>[0] {
    return {
      dueAt: d.dueAt as string,
      escalations: d.escalations,
      everyWorkingDays: state.settings.policy.escalationEveryWorkingDays,
    };
  }

  /** Deadlines computed while their year's calendar was unpublished, computed again. */
  async function replanProvisionalDeadlines(): Promise<void> {
    for (const d of Object.values(state.deadlines)) {
      if (d.status === 'running' && d.explanation?.provisional) d.status = 'planning';
    }
    await planPendingDeadlines(true);
  }
}
