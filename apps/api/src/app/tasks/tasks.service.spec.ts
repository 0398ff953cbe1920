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
  kind: 'draft',
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
  totalCapped: false,
  page: 1,
  pageSize: 20,
  counts: { open: items.length, overdue: 0, dueSoon: 0, openCapped: false, overdueCapped: false, dueSoonCapped: false },
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

  it("lists the caller's unit's tasks of the kinds the caller completes, due soon by the deployment's threshold", async () => {
    tasks.inbox.mockResolvedValue(page());
    await sut.inbox(HANDLER, query({ kind: 'draft', overdue: true }));
    expect(tasks.inbox).toHaveBeenCalledWith({
      unitId: 'education',
      status: 'open',
      overdue: true,
      kind: 'draft',
      kinds: ['contact', 'draft', 'dispatch', 'follow-up', 'publish'],
      sort: 'dueAt',
      page: 1,
      pageSize: 20,
      now: NOW.toISOString(),
      // Monday 1 December, 5 working days: due soon up to the end of Monday 8 December.
      dueSoonUntil: '2025-12-08T15:59:59.999Z',
    });
  });

  it('lists every task of the unit with scope=unit, for its signer', async () => {
    tasks.inbox.mockResolvedValue(page());
    await sut.inbox({ ...HANDLER, roles: ['signer'] }, query({ scope: 'unit' }));
    expect(tasks.inbox.mock.calls[0][0]).not.toHaveProperty('kinds');
  });

  it("refuses the unit's inbox to a handler (ROLE_REQUIRED), without reading it", async () => {
    await expect(sut.inbox(HANDLER, query({ scope: 'unit' }))).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(tasks.inbox).not.toHaveBeenCalled();
  });

  it('gives a supervisor no task kinds of their own: their inbox is empty unless they ask for the unit', async () => {
    tasks.inbox.mockResolvedValue(page());
    await sut.inbox({ ...HANDLER, roles: ['supervisor'] }, query());
    expect(tasks.inbox.mock.calls[0][0]).toMatchObject({ kinds: [] });
  });

  it('says a finished task is done, and when, never how many days are left', async () => {
    const closed = {
      ...task('done', '2025-12-05T15:59:59.999Z'),
      status: 'closed',
      closedAt: '2025-11-30T03:00:00.000Z',
    };
    tasks.inbox.mockResolvedValue(page(closed));
    const { items } = await sut.inbox(HANDLER, query({ status: 'closed' }));
    expect(items[0]).toMatchObject({
      due: { state: 'done', doneAt: '2025-11-30T03:00:00.000Z' },
      workingDaysLeft: null,
      workingDaysOverdue: null,
    });
  });

  it('calls a task due in more than 5 working days on track (Monday to the next Tuesday: 6)', async () => {
    tasks.inbox.mockResolvedValue(page(task('due-next-tuesday', '2025-12-09T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0].due).toEqual({ state: 'on-track', workingDaysLeft: 6 });
  });

  it('counts the working days left to a deadline (Friday, from Monday: 4)', async () => {
    tasks.inbox.mockResolvedValue(page(task('due-friday', '2025-12-05T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({
      due: { state: 'due-soon', workingDaysLeft: 4 },
      workingDaysLeft: 4,
      workingDaysOverdue: null,
    });
  });

  it('a deadline today has 0 working days left', async () => {
    tasks.inbox.mockResolvedValue(page(task('due-today', '2025-12-01T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ due: { state: 'due-soon', workingDaysLeft: 0 }, workingDaysLeft: 0 });
  });

  it('counts the working days a task is overdue (last Friday, on Monday: 1)', async () => {
    tasks.inbox.mockResolvedValue(page(task('was-due-friday', '2025-11-28T15:59:59.999Z')));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({
      due: { state: 'overdue', workingDaysOverdue: 1 },
      workingDaysLeft: null,
      workingDaysOverdue: 1,
    });
  });

  it('a task without a deadline has neither', async () => {
    tasks.inbox.mockResolvedValue(page(task('no-deadline', null)));
    const { items } = await sut.inbox(HANDLER, query());
    expect(items[0]).toMatchObject({ due: { state: 'none' }, workingDaysLeft: null, workingDaysOverdue: null });
  });
});
