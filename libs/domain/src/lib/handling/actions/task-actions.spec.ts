import type { Actor, Role } from '../actor';
import { TASK_KINDS } from '../handling-stage';
import { HANDLING_ACTION_ROLES } from './action-roles';
import { mayViewUnitInbox, TASK_COMPLETED_BY, taskKindsFor } from './task-actions';

const as = (...roles: Role[]): Actor => ({ userId: 'u', unitId: 'unit', roles });

describe('the inbox lists the tasks a person can act on', () => {
  it('gives each kind of task to exactly the roles that may take the action completing it', () => {
    for (const kind of TASK_KINDS) {
      const roles = HANDLING_ACTION_ROLES[TASK_COMPLETED_BY[kind]];
      for (const role of roles) expect(taskKindsFor(as(role))).toContain(kind);
    }
  });

  it('never gives a supervisor the office’s ratings to record', () => {
    expect(taskKindsFor(as('supervisor'))).not.toContain('record-feedback');
    expect(taskKindsFor(as('supervisor'))).toEqual([]);
  });

  it('never gives the lead reviewer or the signer the handler’s contact with the proposers', () => {
    expect(taskKindsFor(as('reviewer'))).toEqual(['review-draft']);
    expect(taskKindsFor(as('signer'))).toEqual(['sign-off']);
  });

  it('gives the handler drafting, contact, dispatch, follow-up and publication', () => {
    expect(taskKindsFor(as('handler'))).toEqual(['contact', 'draft', 'dispatch', 'follow-up', 'publish']);
  });

  it('adds up the kinds of someone holding several roles', () => {
    expect(taskKindsFor(as('handler', 'co-handler'))).toEqual([
      'opinion',
      'contact',
      'draft',
      'dispatch',
      'follow-up',
      'publish',
    ]);
    expect(taskKindsFor(as('assigning-officer'))).toEqual([
      'assign',
      'decide-objection',
      'decide-extension',
      'record-feedback',
    ]);
  });

  it("shows the unit's whole inbox to its leaders and to supervisors only", () => {
    expect(mayViewUnitInbox(as('reviewer'))).toBe(true);
    expect(mayViewUnitInbox(as('signer'))).toBe(true);
    expect(mayViewUnitInbox(as('supervisor'))).toBe(true);
    for (const role of ['handler', 'co-handler', 'registrar', 'assigning-officer', 'admin'] as const) {
      expect(mayViewUnitInbox(as(role))).toBe(false);
    }
  });
});
