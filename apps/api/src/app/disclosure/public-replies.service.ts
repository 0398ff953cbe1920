import { DomainError } from '@banli/domain';
import { letterLines } from '@banli/letters';
import type {
  IReplyLetterAssembler,
  IReplyLetterRepository,
  LetterKey,
  PublishedReplyRecord,
} from '@banli/persistence';
import type { PublicRepliesQueryDto } from './public-replies-query.dto';

export interface PublicReply {
  proposalId: string;
  sessionName: string;
  number: string;
  title: string;
  unitId: string;
  unitName: string;
  round: number;
  documentNumber: string;
  signedAt: string;
  publishedAt: string;
  /** The full text of the letter, one line or paragraph per entry. */
  lines: string[];
  /** SHA-256 (hex) of the signed PDF: anyone can check a downloaded copy against it. */
  pdfSha256: string | null;
}

/**
 * 主动公开: signed replies marked for publication, once published, for everyone. A reply
 * marked 依申请公开 or 不予公开 is never listed and never served, and neither is one whose
 * publication is still to come (the repository's `published…` reads hold that rule).
 */
export class PublicRepliesService {
  constructor(
    private readonly letters: IReplyLetterRepository,
    private readonly assembler: IReplyLetterAssembler,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async list(
    q: PublicRepliesQueryDto,
  ): Promise<{ items: PublicReply[]; total: number; page: number; pageSize: number }> {
    const { items, total } = await this.letters.publishedReplies({
      ...(q.session ? { sessionCode: q.session } : {}),
      page: q.page,
      pageSize: q.pageSize,
      now: this.clock(),
    });
    const replies: PublicReply[] = [];
    for (const r of items) replies.push(await this.view(r));
    return { items: replies, total, page: q.page, pageSize: q.pageSize };
  }

  async one(key: LetterKey): Promise<PublicReply> {
    return this.view(await this.published(key));
  }

  /** The letter as frozen at sign-off, as PDF. */
  async pdf(key: LetterKey): Promise<{ content: Buffer; filename: string }> {
    await this.published(key);
    const file = await this.letters.letterFile(key, 'pdf');
    if (!file) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such published reply');
    return { content: file.content, filename: `${file.documentNumber}.pdf` };
  }

  private async published(key: LetterKey): Promise<PublishedReplyRecord> {
    const reply = await this.letters.publishedReply(key, this.clock());
    if (!reply) throw new DomainError('PROPOSAL_NOT_FOUND', 'No such published reply');
    return reply;
  }

  private async view(r: PublishedReplyRecord): Promise<PublicReply> {
    const letter = await this.assembler.assembleSigned(r.proposalId, r.unitId, r.round);
    return {
      proposalId: r.proposalId,
      sessionName: r.sessionName,
      number: r.number,
      title: r.title,
      unitId: r.unitId,
      unitName: r.unitName ?? r.unitId,
      round: r.round,
      documentNumber: r.documentNumber,
      signedAt: r.signedAt,
      publishedAt: r.publishedAt,
      lines: letterLines(letter),
      pdfSha256: r.pdfSha256,
    };
  }
}
