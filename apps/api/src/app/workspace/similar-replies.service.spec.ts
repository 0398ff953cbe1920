import type { ProposalEntity, SimilarReplyRecord } from '@banli/persistence';
import { newProposalRepositoryMock, newSimilarReplyRepositoryMock } from '../../../test/support/repository-mocks';
import { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { SimilarRepliesService } from './similar-replies.service';

const PROPOSAL_ID = '8-2_20230117';
const HANDLER: AuthenticatedUser = {
  userId: 'edu-handler',
  username: 'edu-handler',
  displayName: '张老师',
  unitId: 'education',
  roles: ['handler'],
};

const record = (r: Partial<SimilarReplyRecord>): SimilarReplyRecord => ({
  proposalId: '8-1_7',
  sessionName: '市政协八届一次会议',
  number: '7',
  title: '关于完善充电桩布局的提案',
  unitId: 'education',
  unitName: 'X市教育局',
  round: 1,
  documentNumber: 'X教函〔2025〕3号',
  signedAt: '2025-06-01T02:00:00.000Z',
  replyClass: 'B',
  sections: [
    { seq: 1, adoption: 'adopted', text: '已列入计划。', title: '充电设施', measures: ['新建3000个。'] },
    { seq: 2, adoption: 'for-reference', text: '研究。', adoptionSentence: 'paragraph', omitHeading: true },
    { seq: 3, adoption: 'adopted', text: '', adoptionSentence: 'omitted', measures: ['一是……'] },
  ],
  latestReply: true,
  followUpDeadline: null,
  ...r,
});

describe('SimilarRepliesService: signed replies of similar proposals, to reuse while drafting', () => {
  let proposals: ReturnType<typeof newProposalRepositoryMock>;
  let replies: ReturnType<typeof newSimilarReplyRepositoryMock>;
  let sut: SimilarRepliesService;

  beforeEach(() => {
    proposals = newProposalRepositoryMock();
    proposals.findById.mockResolvedValue({
      id: PROPOSAL_ID,
      title: '关于充电桩的提案',
      body: '充电难',
    } as ProposalEntity);
    proposals.isAccessibleTo.mockResolvedValue(true);
    replies = newSimilarReplyRepositoryMock();
    sut = new SimilarRepliesService(
      new ProposalAccessService(proposals),
      replies,
      ['B'],
      () => new Date('2026-01-01T00:00:00.000Z'),
    );
  });

  it('looks up the terms of the title and body, and tells whether each follow-up promise was kept', async () => {
    replies.similarSignedReplies.mockResolvedValue([
      record({
        followUpDeadline: { status: 'met', dueAt: '2025-12-01T16:00:00.000Z', metAt: '2025-11-01T02:00:00.000Z' },
      }),
      record({ proposalId: '8-1_8', replyClass: 'A' }),
      record({
        proposalId: '8-1_9',
        followUpDeadline: { status: 'running', dueAt: '2025-12-01T16:00:00.000Z', metAt: null },
      }),
    ]);
    const list = await sut.similarReplies(HANDLER, PROPOSAL_ID, 5);
    expect(replies.similarSignedReplies).toHaveBeenCalledWith(
      PROPOSAL_ID,
      ['关于', '于充', '充电', '电桩', '桩的', '的提', '提案', '电难'],
      5,
    );
    expect(list.map((r) => [r.proposalId, r.followUp])).toEqual([
      ['8-1_7', 'kept'],
      ['8-1_8', 'not-promised'],
      ['8-1_9', 'broken'],
    ]);
    expect(list[0]).toMatchObject({
      adoptions: ['adopted', 'for-reference'],
      sections: [
        // A section signed before the placement could be chosen printed its sentence inline.
        {
          seq: 1,
          adoption: 'adopted',
          title: '充电设施',
          omitHeading: false,
          adoptionSentence: 'inline',
          text: '已列入计划。',
          measures: ['新建3000个。'],
        },
        {
          seq: 2,
          adoption: 'for-reference',
          title: null,
          omitHeading: true,
          adoptionSentence: 'paragraph',
          text: '研究。',
          measures: [],
        },
        {
          seq: 3,
          adoption: 'adopted',
          title: null,
          omitHeading: false,
          adoptionSentence: 'omitted',
          text: '',
          measures: ['一是……'],
        },
      ],
    });
  });

  it('answers 404 for a proposal the caller may not see, reading no reply', async () => {
    proposals.isAccessibleTo.mockResolvedValue(false);
    await expect(sut.similarReplies(HANDLER, PROPOSAL_ID, 5)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    expect(replies.similarSignedReplies).not.toHaveBeenCalled();
  });
});
