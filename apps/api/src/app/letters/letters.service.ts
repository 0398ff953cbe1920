import { DomainError } from '@banli/domain';
import { renderLetterHtml } from '@banli/letters';
import type { IReplyLetterAssembler, IReplyLetterRepository, LetterDraft, SignedLetterView } from '@banli/persistence';
import type { ProposalAccessService } from '../access/proposal-access.service';
import type { AuthenticatedUser } from '../auth/authenticated-user';

export const LETTER_CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** A frozen letter to send as it is. */
export interface LetterDownload {
  format: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  /** The file name: the document number and the format. */
  filename: string;
}

/** Signed reply letters of a proposal the caller may see, exactly as frozen at sign-off, and drafts' previews. */
export class LettersService {
  constructor(
    private readonly access: ProposalAccessService,
    private readonly letters: IReplyLetterRepository,
    private readonly assembler: IReplyLetterAssembler,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(user: AuthenticatedUser, proposalId: string): Promise<SignedLetterView[]> {
    await this.access.readable(user, proposalId);
    return this.letters.signedLetters(proposalId);
  }

  /**
   * The letter a draft would make, as HTML, before anything is signed: the number is
   * allocated only at sign-off, so the preview says where it will go.
   */
  async preview(user: AuthenticatedUser, proposalId: string, draft: LetterDraft): Promise<string> {
    await this.access.readable(user, proposalId);
    const now = this.clock();
    const year = new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
    const letter = await this.assembler.assemble(proposalId, user.unitId, draft, {
      documentNumber: `X〔${year}〕1号`,
      signedOn: now.toISOString(),
    });
    return renderLetterHtml({ ...letter, documentNumber: '（文号于签发时编定）' });
  }

  async download(
    user: AuthenticatedUser,
    proposalId: string,
    unitId: string,
    round: number,
    format: string,
  ): Promise<LetterDownload> {
    await this.access.readable(user, proposalId);
    const contentType = LETTER_CONTENT_TYPES[format];
    const file = contentType ? await this.letters.letterFile({ proposalId, unitId, round }, format) : null;
    if (!contentType || !file) throw new DomainError('PROPOSAL_NOT_FOUND', 'No signed letter in that format');
    return {
      format,
      contentType,
      content: file.content,
      sha256: file.sha256,
      filename: `${file.documentNumber}.${format}`,
    };
  }
}
