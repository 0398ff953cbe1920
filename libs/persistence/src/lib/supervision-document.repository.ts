import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SUPERVISION_DOCUMENT_POOLS, type SupervisionDocumentKind } from '@banli/domain';
import { recordAdminEvent, type AdminActor } from './admin-audit';
import { formatDocumentNumber } from './reply-signature.repository';
import { execSql, takeDocumentNumber, inTransaction } from './sql';

/** What the issuer writes once the document's number is allocated. */
export interface ComposedSupervisionDocument {
  title: string;
  /** The facts the document is written from (rendered again on every download). */
  facts: object;
  /** SHA-256 of the document's text. */
  contentHash: string;
}

export interface IssueSupervisionDocument {
  kind: SupervisionDocumentKind;
  proposalId?: string | null;
  /** The unit a proposal notice is addressed to. */
  unitId?: string | null;
  /** Every unit it is delivered to (and may download it). */
  addresseeUnitIds: string[];
  periodFrom?: string | null;
  periodTo?: string | null;
  /** One document per key: a 催办's own, so a repeated request gets the same 催办单. */
  sourceKey?: string | null;
  actor: AdminActor;
  issuedAt: Date;
  compose: (documentNumber: string) => ComposedSupervisionDocument;
}

export interface SupervisionDocumentRecord {
  id: string;
  kind: SupervisionDocumentKind;
  documentNumber: string;
  title: string;
  proposalId: string | null;
  unitId: string | null;
  addresseeUnitIds: string[];
  periodFrom: string | null;
  periodTo: string | null;
  facts: unknown;
  contentHash: string;
  issuedBy: string;
  issuerUnitId: string;
  issuedAt: string;
}

export interface ISupervisionDocumentRepository {
  issue(req: IssueSupervisionDocument): Promise<SupervisionDocumentRecord>;
  get(id: string): Promise<SupervisionDocumentRecord | undefined>;
  /** A proposal's documents, newest first. */
  ofProposal(proposalId: string): Promise<SupervisionDocumentRecord[]>;
  /** Circulars, newest first. */
  circulars(limit: number): Promise<SupervisionDocumentRecord[]>;
}

const COLUMNS = `"id", "kind", "document_number", "title", "proposal_id", "unit_id", "addressee_unit_ids", "period_from",
  "period_to", "facts", "content_hash", "issued_by", "issuer_unit_id", "issued_at"`;

function shanghaiYear(instant: Date): number {
  return new Date(instant.getTime() + 8 * 3_600_000).getUTCFullYear();
}

function recordOf(r: Record<string, unknown>): SupervisionDocumentRecord {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r['id']),
    kind: String(r['kind']) as SupervisionDocumentKind,
    documentNumber: String(r['document_number']),
    title: String(r['title']),
    proposalId: text(r['proposal_id']),
    unitId: text(r['unit_id']),
    addresseeUnitIds: JSON.parse(String(r['addressee_unit_ids'])) as string[],
    periodFrom: text(r['period_from']),
    periodTo: text(r['period_to']),
    facts: JSON.parse(String(r['facts'])),
    contentHash: String(r['content_hash']),
    issuedBy: String(r['issued_by']),
    issuerUnitId: String(r['issuer_unit_id']),
    issuedAt: String(r['issued_at']),
  };
}

/**
 * Issues supervision documents (催办单, 督办通知单, 督办通报) in one transaction each: the number
 * from the pool of its kind (issuer code 催办, 督办 or 督办通报, per Shanghai year; the same pools
 * as reply letters', so an admin may set where they start), the record, an entry in the audit
 * trail and one outbox row per addressee unit (kind `supervision-document`), which the
 * notification relay delivers, retrying, like every other notice. A failure keeps nothing and
 * takes no number.
 */
export class SupervisionDocumentRepository implements ISupervisionDocumentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async issue(req: IssueSupervisionDocument): Promise<SupervisionDocumentRecord> {
    return inTransaction(this.dataSource, async (tx) => {
      if (req.sourceKey) {
        const existing = await execSql(tx, `SELECT ${COLUMNS} FROM "supervision_document" WHERE "source_key" = :key`, {
          key: req.sourceKey,
        });
        if (existing.rows[0]) return recordOf(existing.rows[0]);
      }
      const issuerCode = SUPERVISION_DOCUMENT_POOLS[req.kind];
      const year = shanghaiYear(req.issuedAt);
      const sequence = await takeDocumentNumber(tx, issuerCode, year);
      const documentNumber = formatDocumentNumber(issuerCode, year, sequence);
      const composed = req.compose(documentNumber);
      const id = randomUUID();
      const issuedAt = req.issuedAt.toISOString();
      const addressees = [...new Set(req.addresseeUnitIds)];
      await execSql(
        tx,
        `INSERT INTO "supervision_document" ("id", "kind", "issuer_code", "year", "sequence", "document_number", "title",
           "proposal_id", "unit_id", "addressee_unit_ids", "period_from", "period_to", "facts", "content_hash",
           "source_key", "issued_by", "issuer_unit_id", "issued_at")
         VALUES (:id, :kind, :issuerCode, :year, :sequence, :documentNumber, :title, :proposalId, :unitId, :addressees,
           :periodFrom, :periodTo, :facts, :contentHash, :sourceKey, :issuedBy, :issuerUnitId, :issuedAt)`,
        {
          id,
          kind: req.kind,
          issuerCode,
          year,
          sequence,
          documentNumber,
          title: composed.title,
          proposalId: req.proposalId ?? null,
          unitId: req.unitId ?? null,
          addressees: JSON.stringify(addressees),
          periodFrom: req.periodFrom ?? null,
          periodTo: req.periodTo ?? null,
          facts: JSON.stringify(composed.facts),
          contentHash: composed.contentHash,
          sourceKey: req.sourceKey ?? null,
          issuedBy: req.actor.userId,
          issuerUnitId: req.actor.unitId,
          issuedAt,
        },
      );
      await recordAdminEvent(
        tx,
        req.actor,
        'supervision-document-issued',
        {
          documentId: id,
          kind: req.kind,
          documentNumber,
          proposalId: req.proposalId ?? null,
          addresseeUnitIds: addressees,
          contentHash: composed.contentHash,
        },
        req.issuedAt,
      );
      for (const unitId of addressees) {
        await execSql(
          tx,
          `INSERT INTO "notification_outbox" ("id", "proposal_id", "unit_id", "kind", "payload", "created_at", "status")
           VALUES (:outboxId, :proposalId, :unitId, 'supervision-document', :payload, :createdAt, 'pending')`,
          {
            outboxId: `supervision-document/${id}/${unitId}`,
            proposalId: req.proposalId ?? null,
            unitId,
            payload: JSON.stringify({
              documentId: id,
              documentKind: req.kind,
              documentNumber,
              title: composed.title,
              issuerUnitId: req.actor.unitId,
              proposalId: req.proposalId ?? null,
            }),
            createdAt: issuedAt,
          },
        );
      }
      const row = await execSql(tx, `SELECT ${COLUMNS} FROM "supervision_document" WHERE "id" = :id`, { id });
      return recordOf(row.rows[0]);
    });
  }

  async get(id: string): Promise<SupervisionDocumentRecord | undefined> {
    const { rows } = await execSql(this.dataSource, `SELECT ${COLUMNS} FROM "supervision_document" WHERE "id" = :id`, {
      id,
    });
    return rows[0] ? recordOf(rows[0]) : undefined;
  }

  async ofProposal(proposalId: string): Promise<SupervisionDocumentRecord[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${COLUMNS} FROM "supervision_document" WHERE "proposal_id" = :proposalId
       ORDER BY "issued_at" DESC, "document_number" DESC`,
      { proposalId },
    );
    return rows.map(recordOf);
  }

  async circulars(limit: number): Promise<SupervisionDocumentRecord[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${COLUMNS} FROM "supervision_document" WHERE "kind" = 'circular'
       ORDER BY "issued_at" DESC, "document_number" DESC LIMIT ${Math.max(1, Math.floor(limit))}`,
    );
    return rows.map(recordOf);
  }
}
