import { buildReplyLetter, ReplyLetter } from '@banli/letters';
import type { ProposalEntity } from '@banli/persistence';
import {
  newProposalRepositoryMock,
  newReplyLetterAssemblerMock,
  newReplyLetterRepositoryMock,
} from '../../../test/support/repository-mocks';
import { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { LettersService } from './letters.service';

const PROPOSAL_ID = '8-2_20230117';

const HANDLER: AuthenticatedUser = {
  userId: 'edu-handler',
  username: 'edu-handler',
  displayName: '张老师',
  unitId: 'education',
  roles: ['handler'],
};

const A_LETTER: ReplyLetter = buildReplyLetter({
  kind: 'proposal',
  replyClass: 'A',
  issuerName: 'X市教育局',
  documentNumber: 'X〔2025〕1号',
  sessionName: '市政协八届二次会议',
  proposalNumber: '20230117',
  proposalTitle: '关于加快数字经济发展的提案',
  proposers: [{ name: '李明', lead: true }],
  sections: [{ pointTitle: '加快5G基站建设', adoption: 'adopted', answer: '已列入年度计划。', measures: [] }],
  topic: '数字经济发展',
  signedOn: '2025-12-01',
  contact: { name: '王老师', phone: '0571-1234567' },
  disclosure: 'publish',
  governmentOfficeName: 'X市人民政府办公室',
  proposalCommitteeName: 'X市政协提案委员会',
});

describe('LettersService: signed letters and draft previews', () => {
  let proposals: ReturnType<typeof newProposalRepositoryMock>;
  let letters: ReturnType<typeof newReplyLetterRepositoryMock>;
  let assembler: ReturnType<typeof newReplyLetterAssemblerMock>;
  let sut: LettersService;

  beforeEach(() => {
    proposals = newProposalRepositoryMock();
    proposals.findById.mockResolvedValue({ id: PROPOSAL_ID } as ProposalEntity);
    proposals.isAccessibleTo.mockResolvedValue(true);
    letters = newReplyLetterRepositoryMock();
    assembler = newReplyLetterAssemblerMock();
    sut = new LettersService(
      new ProposalAccessService(proposals),
      letters,
      assembler,
      () => new Date('2025-12-31T17:00:00Z'),
    );
  });

  it('serves a frozen letter under its document number, with its hash', async () => {
    letters.letterFile.mockResolvedValue({
      content: Buffer.from('%PDF'),
      sha256: 'ab12',
      documentNumber: 'X教函〔2025〕3号',
    });
    await expect(sut.download(HANDLER, PROPOSAL_ID, 'education', 1, 'pdf')).resolves.toEqual({
      format: 'pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF'),
      sha256: 'ab12',
      filename: 'X教函〔2025〕3号.pdf',
    });
    expect(letters.letterFile).toHaveBeenCalledWith({ proposalId: PROPOSAL_ID, unitId: 'education', round: 1 }, 'pdf');
  });

  it('a format it does not render is not found, and not looked up', async () => {
    await expect(sut.download(HANDLER, PROPOSAL_ID, 'education', 1, 'exe')).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
    expect(letters.letterFile).not.toHaveBeenCalled();
  });

  it('a letter not signed yet is not found', async () => {
    letters.letterFile.mockResolvedValue(null);
    await expect(sut.download(HANDLER, PROPOSAL_ID, 'education', 1, 'docx')).rejects.toMatchObject({
      code: 'PROPOSAL_NOT_FOUND',
    });
  });

  it('a unit not assigned to the proposal gets nothing of its letters', async () => {
    proposals.isAccessibleTo.mockResolvedValue(false);
    await expect(sut.list(HANDLER, PROPOSAL_ID)).rejects.toMatchObject({ code: 'PROPOSAL_NOT_FOUND' });
    expect(letters.signedLetters).not.toHaveBeenCalled();
  });

  it("previews a draft as the caller's unit's letter, dated in Shanghai, the number left to sign-off", async () => {
    assembler.assemble.mockResolvedValue(A_LETTER);
    const draft = { replyClass: 'A', disclosure: 'publish' as const, sections: [] };
    const html = await sut.preview(HANDLER, PROPOSAL_ID, draft);
    // 17:00 UTC on 31 December is already 1 January in Shanghai.
    expect(assembler.assemble).toHaveBeenCalledWith(PROPOSAL_ID, 'education', draft, {
      documentNumber: 'X〔2026〕1号',
      signedOn: '2025-12-31T17:00:00.000Z',
    });
    expect(html).toContain('（文号于签发时编定）');
    expect(html).not.toContain('X〔2025〕1号');
  });
});
