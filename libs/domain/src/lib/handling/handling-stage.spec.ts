import type { ProposalStage } from '../proposal';
import type { Actor } from './actor';
import {
  coHandler,
  COMMITTEE,
  FINANCE,
  handler,
  inbox,
  LEAD_MODE,
  OFFICE,
  officer,
  planAll,
  PLANNING,
  PROPOSAL_ID,
  registeredProposal,
  registrar,
  reviewer,
  sh,
  signer,
  supervisor,
  TRANSPORT,
  draft,
  opinion,
} from './handling.fixtures';
import {
  applyAssign,
  applyConfirmPublication,
  applyDecideExtension,
  applyDecideObjection,
  applyDispatch,
  applyMarkKey,
  applyObject,
  applyRecordContact,
  applyRecordFeedback,
  applyReportFollowUp,
  applyRequestExtension,
  applyReturnOpinion,
  applyReview,
  applyReviewDraft,
  applySendBackAtSignOff,
  applySignOff,
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
  checkObject,
  checkRecordContact,
  checkRecordFeedback,
  checkReportFollowUp,
  checkRequestExtension,
  checkReturnOpinion,
  checkReview,
  checkReviewDraft,
  checkSignOff,
  checkSubmitDraft,
  checkSubmitOpinion,
  checkWaiveOpinion,
} from './handling-rules';
import { deriveStage, openTasks } from './handling-stage';
import type { HandlingState } from './handling-state';

const T = TRANSPORT;

type Run = (s: HandlingState, by: Actor, now: string) => void;

/** An action as the workflow performs it: the validator, then the handler. */
function act<I>(
  check: (s: HandlingState, by: Actor, input: I, now: string) => void,
  apply: (s: HandlingState, by: Actor, input: I, now: string) => unknown,
  input: I,
): Run {
  return (s, by, now) => {
    check(s, by, input, now);
    apply(s, by, input, now);
  };
}

const signOff: Run = (s, by, now) => {
  checkSignOff(s, by, { decision: 'sign' });
  beginSignOff(s, by);
  applySignOff(s, by, 'X交函〔2024〕7号', now);
};

const sendBackAtSignOff: Run = (s, by, now) => {
  checkSignOff(s, by, { decision: 'send-back', comment: '请补充会办意见内容' });
  applySendBackAtSignOff(s, by, '请补充会办意见内容', now);
};

const dispatchReply: Run = (s, by, now) => {
  checkDispatch(s, by);
  applyDispatch(s, by, now);
};

interface Step {
  does: string;
  by: Actor;
  at: string;
  run: Run;
  stage: ProposalStage;
  inbox: string[];
}

const base = [`contact ${T}`, `draft ${T}`, `opinion ${FINANCE}`, `opinion ${PLANNING}`];

/** A key, lead-mode proposal from registration to closing, with one of almost every detour. */
const WALK: Step[] = [
  {
    does: 'the committee accepts it',
    by: registrar,
    at: sh('2024-03-05'),
    run: act(checkReview, applyReview, { decision: 'accept' as const }),
    stage: 'assignment',
    inbox: [`assign ${OFFICE}`],
  },
  {
    does: 'the office assigns a lead unit and two co-handlers',
    by: officer,
    at: sh('2024-03-08'),
    run: act(checkAssign, applyAssign, LEAD_MODE),
    stage: 'consultation',
    inbox: base,
  },
  {
    does: 'a supervisor marks it key',
    by: supervisor,
    at: sh('2024-03-08', '15:00'),
    run: act(checkMarkKey, applyMarkKey, { leaders: ['张副市长'] }),
    stage: 'consultation',
    inbox: base,
  },
  {
    does: 'a co-handler objects',
    by: coHandler(FINANCE),
    at: sh('2024-03-11'),
    run: act(checkObject, applyObject, { reason: '非本单位职责' }),
    stage: 'consultation',
    inbox: [...base, `decide-objection ${OFFICE}`],
  },
  {
    does: 'the office rejects the objection',
    by: officer,
    at: sh('2024-03-12'),
    run: act(checkDecideObjection, applyDecideObjection, {
      objectionId: 1,
      decision: 'reject' as const,
      reason: '属于职责',
    }),
    stage: 'consultation',
    inbox: base,
  },
  {
    does: 'the co-handler gives its opinion',
    by: coHandler(FINANCE),
    at: sh('2024-03-20'),
    run: act(checkSubmitOpinion, applySubmitOpinion, opinion(1)),
    stage: 'consultation',
    inbox: [`contact ${T}`, `draft ${T}`, `opinion ${PLANNING}`],
  },
  {
    does: 'the lead unit calls the proposer',
    by: handler(T),
    at: sh('2024-03-22'),
    run: act(checkRecordContact, applyRecordContact, {
      method: 'call' as const,
      contactedAt: sh('2024-03-22', '09:00'),
      summary: '电话沟通',
    }),
    stage: 'consultation',
    inbox: [`draft ${T}`, `opinion ${PLANNING}`],
  },
  {
    does: 'the lead unit submits its draft',
    by: handler(T),
    at: sh('2024-04-01'),
    run: act(checkSubmitDraft, applySubmitDraft, draft('B', 'publish')),
    stage: 'consultation',
    inbox: [`opinion ${PLANNING}`, `review-draft ${T}`],
  },
  {
    does: 'the lead unit returns the opinion for revision',
    by: handler(T),
    at: sh('2024-04-01', '14:00'),
    run: act(checkReturnOpinion, applyReturnOpinion, { unitId: FINANCE, reason: '请补充' }),
    stage: 'consultation',
    inbox: [`opinion ${FINANCE}`, `opinion ${PLANNING}`, `review-draft ${T}`],
  },
  {
    does: 'the co-handler revises it',
    by: coHandler(FINANCE),
    at: sh('2024-04-02'),
    run: act(checkSubmitOpinion, applySubmitOpinion, opinion(1, 2)),
    stage: 'consultation',
    inbox: [`opinion ${PLANNING}`, `review-draft ${T}`],
  },
  {
    does: 'the reviewer approves the draft',
    by: reviewer(T),
    at: sh('2024-04-02', '14:00'),
    run: act(checkReviewDraft, applyReviewDraft, { decision: 'approve' as const }),
    stage: 'consultation',
    inbox: [`opinion ${PLANNING}`, `sign-off ${T}`],
  },
  {
    does: 'a supervisor waives the missing opinion',
    by: supervisor,
    at: sh('2024-04-09'),
    run: act(checkWaiveOpinion, applyWaiveOpinion, { unitId: PLANNING, reason: '逾期未复' }),
    stage: 'sign-off',
    inbox: [`sign-off ${T}`],
  },
  {
    does: 'the signer sends the draft back',
    by: signer(T),
    at: sh('2024-04-10'),
    run: sendBackAtSignOff,
    stage: 'drafting',
    inbox: [`draft ${T}`],
  },
  {
    does: 'the lead unit submits a new draft',
    by: handler(T),
    at: sh('2024-04-11'),
    run: act(checkSubmitDraft, applySubmitDraft, draft('B', 'publish')),
    stage: 'review',
    inbox: [`review-draft ${T}`],
  },
  {
    does: 'the reviewer approves it',
    by: reviewer(T),
    at: sh('2024-04-12'),
    run: act(checkReviewDraft, applyReviewDraft, { decision: 'approve' as const }),
    stage: 'sign-off',
    inbox: [`sign-off ${T}`],
  },
  {
    does: 'the lead unit asks for more time',
    by: handler(T),
    at: sh('2024-04-12', '14:00'),
    run: act(checkRequestExtension, applyRequestExtension, {
      deadlineKey: `reply:${T}`,
      requestedEndDate: '2024-07-31',
      reason: '等待预算',
    }),
    stage: 'sign-off',
    inbox: [`decide-extension ${OFFICE}`, `sign-off ${T}`],
  },
  {
    does: 'the office refuses',
    by: officer,
    at: sh('2024-04-15'),
    run: act(checkDecideExtension, applyDecideExtension, {
      extensionId: 1,
      decision: 'refuse' as const,
      reason: '时间充足',
    }),
    stage: 'sign-off',
    inbox: [`sign-off ${T}`],
  },
  {
    does: 'the signer signs',
    by: signer(T),
    at: sh('2024-04-16'),
    run: signOff,
    stage: 'dispatch',
    inbox: [`dispatch ${T}`],
  },
  {
    does: 'the lead unit dispatches the reply',
    by: handler(T),
    at: sh('2024-04-17'),
    run: dispatchReply,
    stage: 'feedback',
    inbox: [`publish ${T}`, `record-feedback ${OFFICE}`],
  },
  {
    does: 'the office records the first rating',
    by: officer,
    at: sh('2024-04-18'),
    run: act(checkRecordFeedback, applyRecordFeedback, { unitId: T, proposer: '李明', rating: 'satisfied' as const }),
    stage: 'feedback',
    inbox: [`publish ${T}`, `record-feedback ${OFFICE}`],
  },
  {
    does: 'the lead unit confirms publication',
    by: handler(T),
    at: sh('2024-04-19'),
    run: act(checkConfirmPublication, applyConfirmPublication, {}),
    stage: 'feedback',
    inbox: [`record-feedback ${OFFICE}`],
  },
  {
    does: 'the office records the last rating',
    by: officer,
    at: sh('2024-04-22'),
    run: act(checkRecordFeedback, applyRecordFeedback, {
      unitId: T,
      proposer: '王芳',
      rating: 'basically-satisfied' as const,
    }),
    stage: 'follow-up',
    inbox: [`follow-up ${T}`],
  },
  {
    does: 'the lead unit reports the follow-up',
    by: handler(T),
    at: sh('2024-09-02'),
    run: act(checkReportFollowUp, applyReportFollowUp, { summary: '新线路已开通' }),
    stage: 'closed',
    inbox: [],
  },
];

describe('a proposal handled from registration to closing', () => {
  const state = registeredProposal();
  const taskIds = new Map<string, Set<string>>();
  const noteTasks = () => {
    for (const t of openTasks(state)) {
      const key = `${t.kind} ${t.unitId} ${t.round ?? ''}`;
      taskIds.set(key, (taskIds.get(key) ?? new Set()).add(t.id));
    }
  };

  it('starts registered, in the committee’s inbox', () => {
    expect(state.stage).toBe('registered');
    expect(inbox(state)).toEqual([`review-registration ${COMMITTEE}`]);
    noteTasks();
  });

  // The steps share one state, in order: each test is the next step of the story.
  it.each(WALK.map((s, i) => [i + 1, s.does, s] as const))('%i. %s', (_n, _does, step) => {
    const version = state.version;
    const seq = state.nextEventSeq;

    step.run(state, step.by, step.at);

    expect(state.version).toBe(version + 1);
    const recorded = state.pendingEvents.filter((e) => e.seq >= seq);
    expect(recorded.length).toBeGreaterThanOrEqual(1);
    expect(recorded.map((e) => e.seq)).toEqual(recorded.map((_, i) => seq + i));
    expect(recorded[0]).toMatchObject({ at: step.at, actor: { userId: step.by.userId, unitId: step.by.unitId } });
    // Anything else recorded by the same action is the system's doing, not this user's.
    for (const e of recorded.slice(1)) expect(e.actor).toBeUndefined();

    planAll(state);

    expect(state.stage).toBe(step.stage);
    expect(deriveStage(state)).toBe(step.stage);
    expect(inbox(state)).toEqual([...step.inbox].sort());
    noteTasks();
  });

  it('ends closed, with the whole story on record in order', () => {
    expect(state.closedAt).toBe(sh('2024-09-02'));
    const seqs = state.pendingEvents.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(state.nextEventSeq).toBe(seqs.length + 1);
    const times = state.pendingEvents.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    expect(state.pendingEvents.map((e) => e.type)).toEqual([
      'registered',
      'reviewed',
      'assigned',
      'key-proposal-marked',
      'objection-raised',
      'objection-decided',
      'opinion-submitted',
      'contact-recorded',
      'draft-submitted',
      'opinion-returned',
      'opinion-submitted',
      'draft-reviewed',
      'opinion-waived',
      'draft-sent-back',
      'draft-submitted',
      'draft-reviewed',
      'extension-requested',
      'extension-decided',
      'reply-signed',
      'reply-dispatched',
      'feedback-recorded',
      'reply-published',
      'feedback-recorded',
      'feedback-closed',
      'follow-up-reported',
      'closed',
    ]);
  });

  it('gave every task one id for as long as it was open', () => {
    expect([...taskIds.entries()].filter(([, ids]) => ids.size !== 1)).toEqual([]);
    expect(taskIds.get(`opinion ${PLANNING} `)).toEqual(new Set([`${PROPOSAL_ID}/opinion/${PLANNING}`]));
    expect(taskIds.get(`draft ${T} 1`)).toEqual(new Set([`${PROPOSAL_ID}/draft/${T}/1`]));
    expect(taskIds.get(`record-feedback ${OFFICE} 1`)).toEqual(
      new Set([`${PROPOSAL_ID}/record-feedback/${OFFICE}/${T}/1`]),
    );
  });
});
