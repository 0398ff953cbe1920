import type { DataSource } from 'typeorm';
import type { SignatureRequest } from '@banli/contracts';
import { currentLetterNames } from './letter-names';
import { execSql, takeDocumentNumber, inTransaction } from './sql';

/** 文号: issuer code, year in 〔〕 (U+3014/U+3015), sequence, 号. */
export function formatDocumentNumber(issuerCode: string, year: number, sequence: number): string {
  return `${issuerCode}\u3014${year}\u3015${sequence}号`;
}

/** The Asia/Shanghai year of an instant: a letter signed on 31 Dec 20:00 UTC is next year's. */
function shanghaiYear(instant: string): number {
  return new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear();
}

/**
 * Records a signature and allocates its document number in one transaction. The pool row
 * is updated in place (a row lock on PostgreSQL, the write lock on SQLite), so concurrent
 * sign-offs queue and take consecutive numbers; a retried sign-off finds its signature and
 * gets the same number, and a failed one rolls its number back: never duplicated, never
 * skipped. The unit and city names the letter prints are stored with the signature, so a
 * unit renamed afterwards does not change a signed letter.
 */
export class ReplySignatureRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sign(req: SignatureRequest): Promise<{ documentNumber: string }> {
    return inTransaction(this.dataSource, async (tx) => {
      const key = { proposalId: req.proposalId, unitId: req.unitId, round: req.round };
      const existing = await execSql(
        tx,
        `SELECT "document_number" FROM "reply_signature" WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round`,
        key,
      );
      if (existing.rows.length > 0) return { documentNumber: String(existing.rows[0]['document_number']) };

      // Read before the pool row is locked: concurrent sign-offs queue on that lock only.
      const letterNames = await currentLetterNames(tx, req.proposalId, req.unitId);
      const unit = await execSql(tx, `SELECT "issuer_code" FROM "org_unit" WHERE "id" = :id`, { id: req.unitId });
      const issuerCode = (unit.rows[0]?.['issuer_code'] as string | null) ?? req.unitId;
      const year = shanghaiYear(req.signedAt);
      const sequence = await takeDocumentNumber(tx, issuerCode, year);
      const documentNumber = formatDocumentNumber(issuerCode, year, sequence);
      await execSql(
        tx,
        `INSERT INTO "reply_signature" ("proposal_id", "unit_id", "round", "issuer_code", "year", "sequence",
           "document_number", "draft_version", "signed_by", "signed_at", "letter_names")
         VALUES (:proposalId, :unitId, :round, :issuerCode, :year, :sequence, :documentNumber, :draftVersion, :signedBy, :signedAt,
           :letterNames)`,
        {
          ...key,
          issuerCode,
          year,
          sequence,
          documentNumber,
          draftVersion: req.draftVersion,
          signedBy: req.signedBy,
          signedAt: req.signedAt,
          letterNames: JSON.stringify(letterNames),
        },
      );
      return { documentNumber };
    });
  }
}
