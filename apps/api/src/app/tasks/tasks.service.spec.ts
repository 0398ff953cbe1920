import type { InboxPage, InboxRow } from '@banli/persistence';
import { newCalendarOverrideRepositoryMock, newTaskQueryRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { InboxQueryDto } from './inbox-query.dto';
import { TasksService } from './tasks.service';

const HANDLER: AuthenticatedUser = {
  userId: 'edu-handler',
  username: 'edu-handler',
  displayName: '张老师',
  unitId: 'education',
  roles: ['handler'],
};

/** Monday 1 December 2025, 10:00 in Shanghai. */
const NOW = new Date('2025-12-01T02:00:00.000Z');

const task = (id: string, dueAt: string | null): InboxRow => ({
  id,
  proposalId: '8-2_20230117',
  kind: 'reply',
  unitId: 'education',
  status: 'open',
  deadlineKey: dueAt ? 'reply:education:1' : null,
  dueAt,
  round: 1,
  openedAt: '2025-11-01T00:00:00.000Z',
  closedAt: null,
  proposal: {
    title: '关于加快数字经济发展的提案',
    stage: 'handling',
    sessionName: '八届二次',
    number: '20230117',
    keyProposal: false,
  },
});

const page = (...items: InboxRow[]): InboxPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
  counts: { open: items.length, overdue: 0, dueSoon: 0 },
});

const query = (overrides: Partial<InboxQueryDto> = {}): InboxQueryDto =>
  Object.assign(new InboxQueryDto(), { page: 1, pageSize: 20 }, overrides);

describe('TasksService: the task inbox', () => {
  let tasks: ReturnType<typeof newTaskQueryRepositoryMock>;
  let sut: TasksService;

  beforeEach(() => {
    tasks = newTaskQueryRepositoryMock();
    sut = new TasksService(tasks, newCalendarOverrideRepositoryMock(), { dueSoonWorkingDays: 5 }, () => NOW);
  });

  it("lists the caller's unit's tasks, counting as due soon what is due within 7 days", async () => {
    tasks.inbox.mockResolvedValue(page());
    await sut.inbox(HANDLER, query({ kind: 'reply', overdue: true }));
    expect(tasks.inbox).toHaveBeenCalledWith({
      unitId: 'education',
      status: 'open',
      overdue: true,
      kind: 'reply',
      sort: 'dueAt',
      page: 1,
      pageSize: 20,
      now: NOW.toISOString(),
      dueSoonBefore: '2025-12-08T02:00:00.000Z',
    });
  });

  it('counts the working days left to a deadline (Friday, from Monday: 4)', async () => {
    tasks.inbox.mockResolvedValue(page(task('due-friday', '2025-12-05T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ workingDaysLeft: 4, workingDaysOverdue: null });
  });

  it('a deadline today has 0 working days left', async () => {
    tasks.inbox.mockResolvedValue(page(task('due-today', '2025-12-01T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ workingDaysLeft: 0, workingDaysOverdue: null });
  });

  it('counts the working days a task is overdue (last Friday, on Monday: 1)', async () => {
    tasks.inbox.mockResolvedValue(page(task('was-due-friday', '2025-11-28T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ workingDaysLeft: null, workingDaysOverdue: 1 });
  });

  it('a task without a deadline has neither', async () => {
    tasks.inbox.mockResolvedValue(page(task('no-deadline', null)));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ workingDaysLeft: null, workingDaysOverdue: null });
  });
});
