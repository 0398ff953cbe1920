import type { Client } from '@temporalio/client';
import { handlingConfigFromEnv } from '@banli/config';
import { projectedStateOf, type ProjectedHandlingState, type ProposalEvent } from '@banli/contracts';
import { newHandlingState, WorkingDayCalendar } from '@banli/domain';
import type { ProposalEntity } from '@banli/persistence';
import {
  newCalendarOverrideRepositoryMock,
  newCommitteeSessionRepositoryMock,
  newProposalRepositoryMock,
} from '../../../test/support/repository-mocks';
import { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ProposalsService } from './proposals.service';

const PROPOSAL_ID = '8-2_20260117';
const NOW = new Date('2026-03-02T02:00:00.000Z');
const handling = handlingConfigFromEnv({});

const user = (roles: AuthenticatedUser['roles'], unitId = 'gov-office'): AuthenticatedUser => ({
  userId: `${unitId}-${roles[0]}`,
  username: `${unitId}-${roles[0]}`,
  displayName: '某某',
  unitId,
  roles,
});

/** Just registered: the registrar reviews it; a key proposal may already be marked. */
function registered(): ProjectedHandlingState {
  return projectedStateOf(
    newHandlingState(
      PROPOSAL_ID,
      {
        kind: 'proposal',
        sessionCode: '8-2',
        sessionName: '市政协八届二次会议',
        number: '20260117',
        title: '关于加快数字经济发展的提案',
        body: '……',
        proposers: [{ name: '李明', lead: true }],
        suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
      },
      handling.normal,
      '2026-03-01T02:00:00.000Z',
    ),
  );
}

const row = (handlingState: ProposalEntity['handlingState']) =>
  ({
    id: PROPOSAL_ID,
    workflowId: `proposal-${PROPOSAL_ID}`,
    kind: 'proposal',
    proposers: [],
    suggestionPoints: [],
    assignedUnitIds: [],
    keyProposal: 0,
    handlingState,
  }) as unknown as ProposalEntity;

describe('ProposalsService: a proposal as the caller sees it', () => {
  let proposals: ReturnType<typeof newProposalRepositoryMock>;
  let query: jest.Mock;
  let sut: ProposalsService;

  beforeEach(() => {
    proposals = newProposalRepositoryMock();
    proposals.deadlinesOf.mockResolvedValue([]);
    proposals.openTasksOf.mockResolvedValue([]);
    proposals.historyOf.mockResolvedValue([]);
    const calendars = newCalendarOverrideRepositoryMock();
    calendars.current.mockResolvedValue(WorkingDayCalendar.fromOverrides([]));
    query = jest.fn();
    const temporal = {
      withDeadline: (_deadline: number, call: () => unknown) => call(),
      workflow: { getHandle: () => ({ query }) },
    } as unknown as Client;
    sut = new ProposalsService(
      temporal,
      proposals,
      calendars,
      newCommitteeSessionRepositoryMock(),
      new ProposalAccessService(proposals),
      'banli',
      handling,
      undefined,
      () => NOW,
    );
  });

  it('offers each caller the actions the domain allows at this stage, from the state in the read model', async () => {
    proposals.findById.mockResolvedValue(row(registered()));
    const registrar = await sut.getProposal(user(['registrar'], 'committee'), PROPOSAL_ID);
    expect(registrar.allowedActions).toEqual([{ action: 'review' }]);
    const supervisor = await sut.getProposal(user(['supervisor']), PROPOSAL_ID);
    expect(supervisor.allowedActions.map((a) => a.action)).toContain('markKey');
    const officer = await sut.getProposal(user(['assigning-officer']), PROPOSAL_ID);
    expect(officer.allowedActions.map((a) => a.action)).not.toContain('assign');
    expect(query).not.toHaveBeenCalled();
  });

  it('asks the workflow for the state of a proposal projected before the read model kept it', async () => {
    proposals.findById.mockResolvedValue(row(null));
    query.mockResolvedValue({ state: registered() });
    const registrar = await sut.getProposal(user(['registrar'], 'committee'), PROPOSAL_ID);
    expect(query).toHaveBeenCalledTimes(1);
    expect(registrar.allowedActions).toEqual([{ action: 'review' }]);
  });

  it("reads whose opinion counts with the contracts' fold: a replaced unit's opinion no longer does", async () => {
    proposals.findById.mockResolvedValue(row(registered()));
    const at = (n: number) => `2026-03-0${n}T02:00:00.000Z`;
    const events: ProposalEvent[] = [
      {
        seq: 2,
        type: 'assigned',
        at: at(1),
        data: { mode: 'lead', replyingUnitIds: ['transport'], coHandlerUnitIds: ['housing', 'finance'] },
      },
      {
        seq: 3,
        type: 'opinion-submitted',
        at: at(2),
        unitId: 'housing',
        data: { version: 1, points: [{ seq: 1, adoption: 'adopted', text: '同意' }] },
      },
      {
        seq: 4,
        type: 'objection-raised',
        at: at(2),
        unitId: 'housing',
        data: { objectionId: 1, reason: '非本单位职责' },
      },
      {
        seq: 5,
        type: 'objection-decided',
        at: at(3),
        unitId: 'housing',
        data: { objectionId: 1, decision: 'reassign', reason: '同意调整', replacementUnitId: 'planning' },
      },
    ];
    proposals.historyOf.mockResolvedValue(events);
    const detail = await sut.getProposal(user(['supervisor']), PROPOSAL_ID);
    expect(detail.opinions.map((o) => [o.unitId, o.status, o.replaces])).toEqual([
      ['planning', 'pending', 'housing'],
      ['finance', 'pending', undefined],
    ]);
    expect(detail.objections).toMatchObject([{ id: 1, unitId: 'housing', decided: { decision: 'reassign' } }]);
  });
});

describe('ProposalsService: registering into a session', () => {
  const SESSION = {
    code: '8-2',
    name: '市政协八届二次会议',
    term: 8,
    meeting: 2,
    year: 2026,
    startsOn: null,
    endsOn: null,
    createdAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
  };
  const request = {
    kind: 'proposal' as const,
    sessionCode: '8-2',
    number: '20260117',
    title: '关于加快数字经济发展的提案',
    body: '……',
    proposers: [{ name: '李明', lead: true }],
    suggestionPoints: [{ seq: 1, text: '加快5G基站建设' }],
  };
  let sessions: ReturnType<typeof newCommitteeSessionRepositoryMock>;
  let proposals: ReturnType<typeof newProposalRepositoryMock>;
  let executeUpdateWithStart: jest.Mock;
  let sut: ProposalsService;

  beforeEach(() => {
    sessions = newCommitteeSessionRepositoryMock();
    proposals = newProposalRepositoryMock();
    executeUpdateWithStart = jest.fn();
    const temporal = {
      withDeadline: (_deadline: number, call: () => unknown) => call(),
      workflow: { executeUpdateWithStart },
    } as unknown as Client;
    sut = new ProposalsService(
      temporal,
      proposals,
      newCalendarOverrideRepositoryMock(),
      sessions,
      new ProposalAccessService(proposals),
      'banli',
      handling,
      undefined,
      () => NOW,
    );
  });

  it("starts the workflow with the session's name", async () => {
    sessions.find.mockResolvedValue({ ...SESSION, status: 'open' });
    proposals.findById.mockResolvedValueOnce(null).mockResolvedValue(row(registered()));
    await sut.registerProposal(request);
    expect(sessions.find).toHaveBeenCalledWith('8-2');
    expect(executeUpdateWithStart.mock.calls[0]?.[1]).toMatchObject({
      args: [{ sessionCode: '8-2', sessionName: '市政协八届二次会议' }],
    });
  });

  it.each([
    ['an unknown session', null],
    ['a closed session', { ...SESSION, status: 'closed' as const }],
  ])('refuses %s and starts nothing', async (_what, session) => {
    sessions.find.mockResolvedValue(session);
    await expect(sut.registerProposal(request)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'sessionCode' }],
    });
    expect(executeUpdateWithStart).not.toHaveBeenCalled();
  });
});
