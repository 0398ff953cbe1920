import {
  actor,
  assignedProposal,
  expectRefused,
  FINANCE,
  HOUSING,
  LEAD_MODE,
  lastEventOf,
  officer,
  planAll,
  sh,
  submitOpinion,
  supervisor,
  TRANSPORT,
} from './handling.fixtures';
import { applySendReminder, checkSendReminder } from './handling-rules';
import type { HandlingState } from './handling-state';

function planned(): HandlingState {
  const state = assignedProposal(LEAD_MODE);
  planAll(state);
  return state;
}

describe('reminder notices (催办)', () => {
  it('a supervisor reminds a co-handling unit of its open opinion task; the event names the task and deadline', () => {
    const state = planned();
    const version = state.version;
    checkSendReminder(state, supervisor, { unitId: FINANCE, message: '请抓紧报送会办意见' });
    applySendReminder(state, supervisor, { unitId: FINANCE, message: '请抓紧报送会办意见' }, sh('2024-03-20'));

    const e = lastEventOf(state, 'reminder-notice');
    expect(e.unitId).toBe(FINANCE);
    expect(e.actor).toEqual({ userId: supervisor.userId, unitId: supervisor.unitId });
    expect(e.data['message']).toBe('请抓紧报送会办意见');
    expect(e.data['tasks']).toEqual([
      { kind: 'opinion', deadlineKey: `opinion:${FINANCE}`, dueAt: state.deadlines[`opinion:${FINANCE}`].dueAt },
    ]);
    expect(state.version).toBeGreaterThan(version);
  });

  it('the assigning officer may remind too; a handler may not', () => {
    const state = planned();
    expect(() => checkSendReminder(state, officer, { unitId: TRANSPORT })).not.toThrow();
    expectRefused(
      state,
      () => checkSendReminder(state, actor(TRANSPORT, 'handler'), { unitId: FINANCE }),
      'ROLE_REQUIRED',
    );
  });

  it('refuses a unit without an open task: one not assigned, or one whose opinion is already in', () => {
    const state = planned();
    expectRefused(state, () => checkSendReminder(state, supervisor, { unitId: HOUSING }), 'VALIDATION_FAILED');
    submitOpinion(state, FINANCE, sh('2024-03-12'));
    expectRefused(state, () => checkSendReminder(state, supervisor, { unitId: FINANCE }), 'VALIDATION_FAILED');
    expectRefused(
      state,
      () => checkSendReminder(state, supervisor, { unitId: TRANSPORT, message: 'x'.repeat(2_001) }),
      'VALIDATION_FAILED',
    );
  });
});
