import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StoredChainedEvent } from './audit-chain';
import { ProposalEventEntity } from './entities';
import { execSql } from './sql';

/** A stored file of a signed letter: the hash stored beside it and the hash of its bytes now. */
export interface StoredLetterFile {
  unitId: string;
  round: number;
  format: string;
  documentNumber: string;
  storedSha256: string;
  contentSha256: string;
}

/** What verification reads of a proposal's record: its chained audit events and its letters' files. */
export interface IAuditRecordRepository {
  chainedEvents(proposalId: string): Promise<StoredChainedEvent[]>;
  letterFiles(proposalId: string): Promise<StoredLetterFile[]>;
  /** Proposals after `after` in id order, with their workflow ids: for checking every record. */
  proposals(after: string, limit: number): Promise<{ id: string; workflowId: string }[]>;
  /** The workflow id of one proposal (null: no such proposal). */
  workflowIdOf(proposalId: string): Promise<string | null>;
}

export class AuditRecordRepository implements IAuditRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  async chainedEvents(proposalId: string): Promise<StoredChainedEvent[]> {
    const rows = await this.dataSource
      .getRepository(ProposalEventEntity)
      .find({ where: { proposalId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({
      proposalId: r.proposalId,
      seq: r.seq,
      type: r.type,
      at: r.at,
      actorUserId: r.actorUserId,
      actorUnitId: r.actorUnitId,
      unitId: r.unitId,
      data: r.data,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }

  async proposals(after: string, limit: number): Promise<{ id: string; workflowId: string }[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "id", "workflow_id" FROM "proposal" WHERE "id" > :after ORDER BY "id" LIMIT :limit`,
      { after, limit },
    );
    return rows.map((r) => ({ id: String(r['id']), workflowId: String(r['workflow_id']) }));
  }

  async workflowIdOf(proposalId: string): Promise<string | null> {
    const { rows } = await execSql(this.dataSource, `SELECT "workflow_id" FROM "proposal" WHERE "id" = :proposalId`, {
      proposalId,
    });
    return rows[0] ? String(rows[0]['workflow_id']) : null;
  }

  /** One file at a time: letters are a few hundred kilobytes each. */
  async letterFiles(proposalId: string): Promise<StoredLetterFile[]> {
    const { rows: keys } = await execSql(
      this.dataSource,
      `SELECT "unit_id", "round", "format" FROM "reply_letter" WHERE "proposal_id" = :proposalId
       ORDER BY "unit_id", "round", "format"`,
      { proposalId },
    );
    const files: StoredLetterFile[] = [];
    for (const k of keys) {
      const { rows } = await execSql(
        this.dataSource,
        `SELECT "content", "sha256", "document_number" FROM "reply_letter"
         WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round AND "format" = :format`,
        { proposalId, unitId: k['unit_id'], round: k['round'], format: k['format'] },
      );
      const r = rows[0];
      if (!r) continue;
      files.push({
        unitId: String(k['unit_id']),
        round: Number(k['round']),
        format: String(k['format']),
        documentNumber: String(r['document_number']),
        storedSha256: String(r['sha256']),
        contentSha256: createHash('sha256')
          .update(Buffer.from(r['content'] as Uint8Array))
          .digest('hex'),
      });
    }
    return files;
  }
}
