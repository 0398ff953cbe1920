import { buildReplyLetter, letterLines } from '@banli/letters';
import type { PublishedReplyRecord } from '@banli/persistence';
import { newReplyLetterAssemblerMock, newReplyLetterRepositoryMock } from '../../../test/support/repository-mocks';
import { PublicRepliesQueryDto } from './public-replies-query.dto';
import { PublicRepliesService } from './public-replies.service';

const NOW = new Date('2025-12-01T02:00:00.000Z');
const KEY = { proposalId: '8-2_20230117', unitId: 'education', round: 1 };

const PUBLISHED: PublishedReplyRecord = {
  ...KEY,
  documentNumber: 'X教函〔2025〕3号',
  signedAt: '2025-11-20T02:00:00.000Z',
  publishedAt: '2025-11-25T02:00:00.000Z',
  sessionName: '市政协八届二次会议',
  number: '20230117',
  title: '关于加快数字经济发展的提案',
  unitName: 'X市教育局',
  pdfSha256: 'a'.repeat(64),
};

const LETTER = buildReplyLetter({
  kind: 'proposal',
  replyClass: 'A',
  issuerName: 'X市教育局',
  documentNumber: 'X教函〔2025〕3号',
  sessionName: '市政协八届二次会议',
  proposalNumber: '20230117',
  proposalTitle: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', answer: '已列入年度计划。', measures: [] }],
  topic: '数字经济发展',
  signedOn: '2025-11-20',
  contact: { name: '王老师', phone: '0571-1234567' },
  disclosure: 'publish',
  governmentOfficeName: 'X市人民政府办公室',
  proposalCommitteeName: 'X市政协提案委员会',
});

describe('PublicRepliesService: published replies, for everyone', () => {
  let letters: ReturnType<typeof newReplyLetterRepositoryMock>;
  let assembler: ReturnType<typeof newReplyLetterAssemblerMock>;
  let sut: PublicRepliesService;

  beforeEach(() => {
    letters = newReplyLetterRepositoryMock();
    assembler = newReplyLetterAssemblerMock();
    assembler.assembleSigned.mockResolvedValue(LETTER);
    sut = new PublicRepliesService(letters, assembler, () => NOW);
  });

  it('lists what is published by now, each reply with the full text of its signed letter', async () => {
    letters.publishedReplies.mockResolvedValue({ items: [PUBLISHED], total: 1 });
    const q = Object.assign(new PublicRepliesQueryDto(), { page: 1, pageSize: 20, session: '8-2' });
    const page = await sut.list(q);
    expect(letters.publishedReplies).toHaveBeenCalledWith({ sessionCode: '8-2', page: 1, pageSize: 20, now: NOW });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.items[0]).toMatchObject({ unitName: 'X市教育局', documentNumber: 'X教函〔2025〕3号' });
    expect(page.items[0]?.lines).toEqual(letterLines(LETTER));
  });

  it('names a unit missing from the directory by its id', async () => {
    letters.publishedReply.mockResolvedValue({ ...PUBLISHED, unitName: null });
    await expect(sut.one(KEY)).resolves.toMatchObject({ unitName: 'education' });
  });

  it('a reply not published (or not to be) is not found, nor its PDF', async () => {
    letters.publishedReply.mockResolvedValue(null);
    await expect(sut.one(KEY)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    await expect(sut.pdf(KEY)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    expect(letters.letterFile).not.toHaveBeenCalled();
  });

  it('serves the PDF frozen at sign-off under its document number', async () => {
    letters.publishedReply.mockResolvedValue(PUBLISHED);
    letters.letterFile.mockResolvedValue({
      content: Buffer.from('%PDF'),
      sha256: 'ab12',
      documentNumber: 'X教函〔2025〕3号',
    });
    await expect(sut.pdf(KEY)).resolves.toEqual({ content: Buffer.from('%PDF'), filename: 'X教函〔2025〕3号.pdf' });
    expect(letters.letterFile).toHaveBeenCalledWith(KEY, 'pdf');
  });
});
