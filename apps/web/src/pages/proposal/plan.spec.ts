import { planPanels } from './plan';
import type { AllowedAction, TaskView } from './types';

const task = (kind: TaskView['kind'], unitId: string): TaskView => ({
  id: `p/${kind}/${unitId}`,
  kind,
  unitId,
  status: 'open',
  deadlineKey: null,
  dueAt: null,
  round: null,
  due: { state: 'none' },
  workingDaysLeft: null,
  workingDaysOverdue: null,
});

const plan = (allowedActions: AllowedAction[], tasks: TaskView[] = [], unitId = 'office') =>
  planPanels({ allowedActions, tasks }, unitId).map((p) => [p.key, p.primary ? 'open' : 'folded']);

describe('the action panels of the proposal page come from allowedActions', () => {
  it('shows no panel when the API allows nothing, whatever tasks the unit has', () => {
    expect(plan([], [task('record-feedback', 'office'), task('contact', 'office')])).toEqual([]);
  });

  it('offers the assigning officer one rating panel per replying unit, open while the office has the task', () => {
    const allowed: AllowedAction[] = [
      {
        action: 'recordFeedback',
        targets: [
          { unitId: 'education', proposer: '李明' },
          { unitId: 'education', proposer: '王芳' },
          { unitId: 'industry-it', proposer: '李明' },
        ],
      },
    ];
    const panels = planPanels({ allowedActions: allowed, tasks: [task('record-feedback', 'office')] }, 'office');
    expect(panels.map((p) => [p.key, p.primary, p.targets.map((t) => t.proposer)])).toEqual([
      ['feedback-education', true, ['李明', '王芳']],
      ['feedback-industry-it', true, ['李明']],
    ]);
  });

  it('folds what the user may do besides their tasks, and opens what their unit is asked to do', () => {
    const allowed: AllowedAction[] = [
      { action: 'object' },
      { action: 'recordContact' },
      { action: 'returnOpinion', targets: [{ unitId: 'hr' }] },
      { action: 'requestExtension', targets: [{ deadlineKey: 'reply:education' }] },
    ];
    expect(plan(allowed, [task('contact', 'education')], 'education')).toEqual([
      ['objection', 'folded'],
      ['contact', 'open'],
      ['return-opinion', 'folded'],
      ['extension', 'folded'],
    ]);
    // Another unit's open contact task does not make it this unit's to do now.
    expect(plan([{ action: 'recordContact' }], [task('contact', 'hr')], 'education')).toEqual([['contact', 'folded']]);
  });

  it('gives each objection and extension to decide its own panel, and one drafting panel for save and submit', () => {
    expect(
      plan(
        [
          { action: 'decideObjection', targets: [{ objectionId: 1 }, { objectionId: 2 }] },
          { action: 'decideExtension', targets: [{ extensionId: 7 }] },
          { action: 'saveDraft' },
          { action: 'submitDraft' },
        ],
        [task('decide-objection', 'office'), task('draft', 'office')],
      ),
    ).toEqual([
      ['decide-objection-1', 'open'],
      ['decide-objection-2', 'open'],
      ['decide-extension-7', 'folded'],
      ['draft', 'open'],
    ]);
  });

  it('offers marking as key proposal whenever the API allows it (at registered too)', () => {
    expect(plan([{ action: 'markKey' }, { action: 'sendReminder', targets: [{ unitId: 'hr' }] }])).toEqual([
      ['key', 'folded'],
      ['reminder', 'folded'],
    ]);
  });

  it('has no panel for actions with pages of their own (review of registration, assignment)', () => {
    expect(plan([{ action: 'review' }, { action: 'assign' }])).toEqual([]);
  });
});
