import { newCommitteeSessionRepositoryMock } from '../../../test/support/repository-mocks';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SessionsService } from './sessions.service';

const ADMIN: AuthenticatedUser = {
  userId: 'admin',
  username: 'admin',
  displayName: '系统管理员',
  unitId: 'gov-office',
  roles: ['admin'],
};

describe('SessionsService: the committee’s sessions as an admin manages them', () => {
  let sessions: ReturnType<typeof newCommitteeSessionRepositoryMock>;
  let sut: SessionsService;

  beforeEach(() => {
    sessions = newCommitteeSessionRepositoryMock();
    sut = new SessionsService(sessions);
  });

  it('creates a session under the admin’s name, absent term, meeting and dates as null', async () => {
    await sut.create(ADMIN, '8-3', { name: ' 市政协八届三次会议 ', year: 2027 });
    expect(sessions.create).toHaveBeenCalledWith(ADMIN, '8-3', {
      name: '市政协八届三次会议',
      year: 2027,
      term: null,
      meeting: null,
      startsOn: null,
      endsOn: null,
    });
  });

  it('refuses a code or fields that break a rule, and writes nothing', async () => {
    await expect(sut.create(ADMIN, '8 3', { name: '会议', year: 2027 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'code' }],
    });
    await expect(
      sut.update(ADMIN, '8-3', { name: '会议', year: 2027, startsOn: '2027-01-20', endsOn: '2027-01-19' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'endsOn' }] });
    expect(sessions.create).not.toHaveBeenCalled();
    expect(sessions.update).not.toHaveBeenCalled();
  });

  it('closes and reopens registration', async () => {
    await sut.close(ADMIN, '8-2');
    await sut.reopen(ADMIN, '8-2');
    expect(sessions.setStatus.mock.calls).toEqual([
      [ADMIN, '8-2', 'closed'],
      [ADMIN, '8-2', 'open'],
    ]);
  });
});
