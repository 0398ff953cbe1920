import type { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { execSql, inTransaction } from './sql';
import { AdminActor, recordAdminEvent } from './admin-audit';

export type { AdminActor } from './admin-audit';

export interface PoolView {
  issuerCode: string;
  year: number;
  nextNumber: number;
  allocated: number;
}

/** Document number pools and units' issuer codes, as an admin configures them (audited). */
export interface IDocumentNumberPoolRepository {
  list(): Promise<PoolView[]>;
  configure(actor: AdminActor, issuerCode: string, year: number, nextNumber: number): Promise<PoolView>;
  setIssuerCode(actor: AdminActor, unitId: string, issuerCode: string): Promise<void>;
}

/**
 * Document number pools as an admin configures them, and units' issuer codes. A pool's next
 * number may be set only while no number of that pool was allocated (to continue a paper
 * register, say): afterwards any change would skip or reuse numbers. Every change is written
 * to the admin audit trail in the same transaction.
 */
export class DocumentNumberPoolRepository implements IDocumentNumberPoolRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<PoolView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT p."issuer_code", p."year", p."next_number",
              (SELECT count(*) FROM "reply_signature" s WHERE s."issuer_code" = p."issuer_code" AND s."year" = p."year")
                + (SELECT count(*) FROM "supervision_document" d WHERE d."issuer_code" = p."issuer_code" AND d."year" = p."year") AS "allocated"
       FROM "document_number_pool" p ORDER BY p."issuer_code", p."year"`,
    );
    return rows.map((r) => ({
      issuerCode: String(r['issuer_code']),
      year: Number(r['year']),
      nextNumber: Number(r['next_number']),
      allocated: Number(r['allocated']),
    }));
  }

  async configure(actor: AdminActor, issuerCode: string, year: number, nextNumber: number): Promise<PoolView> {
    return inTransaction(this.dataSource, async (tx) => {
      const used = await execSql(
        tx,
        `SELECT (SELECT count(*) FROM "reply_signature" WHERE "issuer_code" = :issuerCode AND "year" = :year)
              + (SELECT count(*) FROM "supervision_document" WHERE "issuer_code" = :issuerCode AND "year" = :year) AS "n"`,
        { issuerCode, year },
      );
      const current = await execSql(
        tx,
        `SELECT "next_number" FROM "document_number_pool" WHERE "issuer_code" = :issuerCode AND "year" = :year`,
        { issuerCode, year },
      );
      const allocated = Number(used.rows[0]?.['n'] ?? 0);
      const existing = current.rows[0] ? Number(current.rows[0]['next_number']) : undefined;
      if (allocated > 0 && existing !== nextNumber) {
        throw new DomainError(
          'ALREADY_DONE',
          `${allocated} numbers of ${issuerCode}〔${year}〕 are already allocated: changing the next number would skip or reuse numbers`,
        );
      }
      await execSql(
        tx,
        `INSERT INTO "document_number_pool" ("issuer_code", "year", "next_number") VALUES (:issuerCode, :year, :nextNumber)
         ON CONFLICT ("issuer_code", "year") DO UPDATE SET "next_number" = excluded."next_number"`,
        { issuerCode, year, nextNumber },
      );
      await recordAdminEvent(tx, actor, 'document-number-pool-configured', {
        issuerCode,
        year,
        nextNumber,
        previous: existing ?? null,
      });
      return { issuerCode, year, nextNumber, allocated };
    });
  }

  async setIssuerCode(actor: AdminActor, unitId: string, issuerCode: string): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const updated = await execSql(tx, `UPDATE "org_unit" SET "issuer_code" = :issuerCode WHERE "id" = :unitId`, {
        unitId,
        issuerCode,
      });
      if (updated.affected === 0)
        throw new DomainError('VALIDATION_FAILED', `No unit ${unitId}`, [{ field: 'unitId', message: 'unknown unit' }]);
      await recordAdminEvent(tx, actor, 'issuer-code-set', { unitId, issuerCode });
    });
  }
}
