import type { OpenTaskDue } from '@banli/persistence';
import { endOfShanghaiDay, WorkingDayCalendar } from '@banli/domain';
import { buildDigests } from './daily-digest';
import { workingDaysAt } from './notification-relay';

const calendar = WorkingDayCalendar.official();

const task = (unitId: string, number: string, dueDate: string, taskKind = 'opinion'): OpenTaskDue => ({
  taskId: `8-2_${number}/${taskKind}/${unitId}`,
  proposalId: `8-2_${number}`,
  proposalKind: 'proposal',
  sessionName: '市政协八届二次会议',
  number,
  title: `第${number}号提案`,
  keyProposal: false,
  taskKind,
  unitId,
  deadlineKey: `${taskKind}:${unitId}`,
  dueAt: endOfShanghaiDay(dueDate),
});

describe('daily digest', () => {
  // Friday 2026-01-09, 08:30 Shanghai.
  const at = '2026-01-09T00:30:00.000Z';

  it('groups tasks by unit, overdue first, counting working days (weekends skipped)', () => {
    const digests = buildDigests(calendar, at, 3, [
      task('education', '1', '2026-01-09'),
      task('education', '2', '2026-01-13'),
      task('education', '3', '2026-01-06'),
      task('human-resources', '4', '2026-01-12', 'draft'),
    ]);
    expect(digests.map((d) => [d.unitId, d.date])).toEqual([
      ['education', '2026-01-09'],
      ['human-resources', '2026-01-09'],
    ]);
    const lines = (digests[0].payload['tasks'] as Record<string, unknown>[]).map((t) => [
      t['number'],
      t['dueDate'],
      t['workingDaysLeft'],
      t['overdueWorkingDays'],
    ]);
    expect(lines).toEqual([
      ['3', '2026-01-06', undefined, 3],
      ['1', '2026-01-09', 0, undefined],
      ['2', '2026-01-13', 2, undefined],
    ]);
    expect(digests[1].payload).toMatchObject({ unitId: 'human-resources', dueWithinWorkingDays: 3 });
    expect((digests[1].payload['tasks'] as Record<string, unknown>[])[0]).toMatchObject({
      taskKind: 'draft',
      workingDaysLeft: 1,
    });
  });

  it('writes nothing when nothing is due', () => {
    expect(buildDigests(calendar, at, 3, [])).toEqual([]);
  });

  it('counts a deadline notice’s working days from the notice’s Shanghai day', () => {
    const due = endOfShanghaiDay('2026-01-12');
    expect(workingDaysAt(calendar, '2026-01-09T01:00:00.000Z', due)).toEqual({ left: 1 });
    expect(workingDaysAt(calendar, '2026-01-12T01:00:00.000Z', due)).toEqual({ left: 0 });
    // Escalated the moment it passed: the next day, no working day gone yet on a Saturday.
    expect(workingDaysAt(calendar, '2026-01-09T16:00:00.000Z', endOfShanghaiDay('2026-01-09'))).toEqual({ overdue: 0 });
    expect(workingDaysAt(calendar, '2026-01-14T01:00:00.000Z', due)).toEqual({ overdue: 2 });
  });
});
