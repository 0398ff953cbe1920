import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { findLetterFonts, renderLetterDocx, renderLetterHtml, renderLetterPdf } from '@banli/letters';
import type { LetterFontFiles } from '@banli/letters';
import type { FrozenLetterFile } from '@banli/contracts';
import { execSql, inTransaction, ReplyLetterAssembler } from '@banli/persistence';

export const LETTER_FORMATS = ['html', 'docx', 'pdf'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/**
 * Freezes a signed reply: assembles the letter from the read model (the proposal, the draft
 * version that was signed, the units whose opinions it combines, the signature) and stores
 * its HTML, DOCX and PDF bytes with their SHA-256. Stored once: a retried sign-off keeps the
 * first bytes, so what is downloaded later is exactly what was signed.
 */
export class ReplyLetterFreezer {
  constructor(
    private readonly dataSource: DataSource,
    // Title, body and heading faces (BANLI_FONT_* or Debian's Noto CJK, else BANLI_CJK_FONT).
    private readonly fonts: string | LetterFontFiles | undefined = findLetterFonts(),
  ) {}

  /** Answers the stored files' SHA-256 (the first bytes stored, on a retry). */
  async freeze(proposalId: string, unitId: string, round: number): Promise<FrozenLetterFile[]> {
    const stored = () =>
      execSql(
        this.dataSource,
        `SELECT "format", "sha256" FROM "reply_letter"
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round ORDER BY "format"`,
        { proposalId, unitId, round },
      ).then(({ rows }) => rows.map((r) => ({ format: String(r['format']), sha256: String(r['sha256']) })));
    const existing = await stored();
    if (existing.length === LETTER_FORMATS.length) return existing;
    if (!this.fonts)
      throw new Error('No CJK font for the PDF letter: run scripts/ensure-fonts.sh or set BANLI_CJK_FONT');

    const letter = await new ReplyLetterAssembler(this.dataSource).assembleSigned(proposalId, unitId, round);
    const rendered: Record<LetterFormat, Buffer> = {
      html: Buffer.from(renderLetterHtml(letter), 'utf8'),
      docx: await renderLetterDocx(letter),
      pdf: await renderLetterPdf(letter, this.fonts),
    };
    const now = new Date().toISOString();
    await inTransaction(this.dataSource, async (tx) => {
      for (const format of LETTER_FORMATS) {
        await execSql(
          tx,
          `INSERT INTO "reply_letter" ("proposal_id", "unit_id", "round", "format", "document_number", "content", "sha256", "created_at")
           VALUES (:proposalId, :unitId, :round, :format, :documentNumber, :content, :sha256, :now)
           ON CONFLICT ("proposal_id", "unit_id", "round", "format") DO NOTHING`,
          {
            proposalId,
            unitId,
            round,
            format,
            documentNumber: letter.documentNumber,
            content: rendered[format],
            sha256: createHash('sha256').update(rendered[format]).digest('hex'),
            now,
          },
        );
      }
    });
    return stored();
  }
}
