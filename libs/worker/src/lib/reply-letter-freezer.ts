import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { findCjkFont, renderLetterDocx, renderLetterHtml, renderLetterPdf, ReplyLetter } from '@banli/letters';
import { execSql, inTransaction, LetterDraft, ReplyLetterAssembler } from '@banli/persistence';

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
    private readonly fontPath: string | undefined = findCjkFont(),
  ) {}

  async freeze(proposalId: string, unitId: string, round: number): Promise<void> {
    const existing = await execSql(
      this.dataSource,
      `SELECT count(*) AS "n" FROM "reply_letter" WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round`,
      { proposalId, unitId, round },
    );
    if (Number(existing.rows[0]?.['n']) === LETTER_FORMATS.length) return;
    if (!this.fontPath)
      throw new Error('No CJK font for the PDF letter: run scripts/ensure-fonts.sh or set BANLI_CJK_FONT');

    const letter = await this.assemble(proposalId, unitId, round);
    const rendered: Record<LetterFormat, Buffer> = {
      html: Buffer.from(renderLetterHtml(letter), 'utf8'),
      docx: await renderLetterDocx(letter),
      pdf: await renderLetterPdf(letter, this.fontPath),
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
  }

  async assemble(proposalId: string, unitId: string, round: number): Promise<ReplyLetter> {
    const one = async (sql: string, params: Record<string, unknown>) =>
      (await execSql(this.dataSource, sql, params)).rows[0];
    const signature = await one(
      `SELECT "document_number", "draft_version", "signed_at" FROM "reply_signature"
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round`,
      { proposalId, unitId, round },
    );
    if (!signature) throw new Error(`No signature for ${proposalId}/${unitId}/${round}`);
    const drafts = await execSql(
      this.dataSource,
      `SELECT "data" FROM "proposal_event" WHERE "proposal_id" = :proposalId AND "type" = 'draft-submitted' AND "unit_id" = :unitId
       ORDER BY "seq" DESC`,
      { proposalId, unitId },
    );
    const draft = drafts.rows
      .map((r) => parseJson<LetterDraft & { round: number; draftVersion: number }>(r['data']))
      .find((d) => d.round === round && d.draftVersion === Number(signature['draft_version']));
    if (!draft)
      throw new Error(`No draft version ${signature['draft_version']} of round ${round} for ${proposalId}/${unitId}`);
    return new ReplyLetterAssembler(this.dataSource).assemble(proposalId, unitId, draft, {
      documentNumber: String(signature['document_number']),
      signedOn: String(signature['signed_at']),
    });
  }
}

function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
