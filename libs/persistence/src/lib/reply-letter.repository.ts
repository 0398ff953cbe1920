import type { DataSource } from 'typeorm';
import { execSql } from './sql';

export interface SignedLetterView {
  unitId: string;
  round: number;
  documentNumber: string;
  formats: { format: string; sha256: string; bytes: number }[];
}

/** One frozen rendering of a signed letter. */
export interface LetterFile {
  content: Buffer;
  sha256: string;
  documentNumber: string;
}

export interface LetterKey {
  proposalId: string;
  unitId: string;
  round: number;
}

/** A signed reply published for everyone (主动公开), with what a list shows of its proposal. */
export interface PublishedReplyRecord extends LetterKey {
  documentNumber: string;
  signedAt: string;
  publishedAt: string;
  sessionName: string;
  number: string;
  title: string;
  unitName: string | null;
  /** SHA-256 (hex) of the signed PDF as frozen: a downloaded copy hashes to it. */
  pdfSha256: string | null;
}

/**
 * Signed reply letters, exactly as frozen at sign-off (table reply_letter), and the replies
 * published for everyone: 主动公开, signed, and published by `now`. A reply marked 依申请公开
 * or 不予公开 is never among them, and neither is one whose publication is still to come.
 */
export interface IReplyLetterRepository {
  signedLetters(proposalId: string): Promise<SignedLetterView[]>;
  letterFile(key: LetterKey, format: string): Promise<LetterFile | null>;
  publishedReplies(q: {
    sessionCode?: string;
    page: number;
    pageSize: number;
    now: Date;
  }): Promise<{ items: PublishedReplyRecord[]; total: number }>;
  publishedReply(key: LetterKey, now: Date): Promise<PublishedReplyRecord | null>;
}

/** Only 主动公开, signed, and published by now. */
const PUBLISHED = [
  `r."role" = 'reply'`,
  `r."status" = 'done'`,
  `r."disclosure" = 'publish'`,
  `r."published_at" IS NOT NULL`,
  `r."published_at" <= :now`,
];

const PUBLISHED_COLUMNS = `r."proposal_id", r."unit_id", r."round", r."document_number", r."signed_at", r."published_at",
       p."session_name", p."number", p."title", u."name" AS "unit_name", l."sha256" AS "pdf_sha256"`;

const PUBLISHED_FROM = `FROM "handling_record" r JOIN "proposal" p ON p."id" = r."proposal_id"
       LEFT JOIN "org_unit" u ON u."id" = r."unit_id"
       LEFT JOIN "reply_letter" l ON l."proposal_id" = r."proposal_id" AND l."unit_id" = r."unit_id"
         AND l."round" = r."round" AND l."format" = 'pdf'`;

export class ReplyLetterRepository implements IReplyLetterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async signedLetters(proposalId: string): Promise<SignedLetterView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "unit_id", "round", "format", "document_number", "sha256", length("content") AS "bytes"
       FROM "reply_letter" WHERE "proposal_id" = :id ORDER BY "unit_id", "round", "format"`,
      { id: proposalId },
    );
    const letters = new Map<string, SignedLetterView>();
    for (const r of rows) {
      const key = `${r['unit_id']}/${r['round']}`;
      const letter = letters.get(key) ?? {
        unitId: String(r['unit_id']),
        round: Number(r['round']),
        documentNumber: String(r['document_number']),
        formats: [],
      };
      letter.formats.push({ format: String(r['format']), sha256: String(r['sha256']), bytes: Number(r['bytes']) });
      letters.set(key, letter);
    }
    return [...letters.values()];
  }

  async letterFile(key: LetterKey, format: string): Promise<LetterFile | null> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "content", "sha256", "document_number" FROM "reply_letter"
       WHERE "proposal_id" = :proposalId AND "unit_id" = :unitId AND "round" = :round AND "format" = :format`,
      { ...key, format },
    );
    const row = rows[0];
    if (!row) return null;
    return {
      content: Buffer.from(row['content'] as Uint8Array),
      sha256: String(row['sha256']),
      documentNumber: String(row['document_number']),
    };
  }

  async publishedReplies(q: {
    sessionCode?: string;
    page: number;
    pageSize: number;
    now: Date;
  }): Promise<{ items: PublishedReplyRecord[]; total: number }> {
    const where = [...PUBLISHED];
    const params: Record<string, unknown> = { now: q.now.toISOString() };
    if (q.sessionCode) {
      where.push(`p."session_code" = :session`);
      params['session'] = q.sessionCode;
    }
    const from = `${PUBLISHED_FROM} WHERE ${where.join(' AND ')}`;
    const rows = await execSql(
      this.dataSource,
      `SELECT ${PUBLISHED_COLUMNS}
       ${from}
       ORDER BY r."published_at" DESC, r."proposal_id" ASC, r."unit_id" ASC
       LIMIT :limit OFFSET :offset`,
      { ...params, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    const total = await execSql(this.dataSource, `SELECT count(*) AS "n" ${from}`, params);
    return { items: rows.rows.map(toPublishedReply), total: Number(total.rows[0]?.['n'] ?? 0) };
  }

  async publishedReply(key: LetterKey, now: Date): Promise<PublishedReplyRecord | null> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT ${PUBLISHED_COLUMNS}
       ${PUBLISHED_FROM}
       WHERE ${PUBLISHED.join(' AND ')} AND r."proposal_id" = :proposalId AND r."unit_id" = :unitId AND r."round" = :round`,
      { ...key, now: now.toISOString() },
    );
    return rows[0] ? toPublishedReply(rows[0]) : null;
  }
}

function toPublishedReply(r: Record<string, unknown>): PublishedReplyRecord {
  return {
    proposalId: String(r['proposal_id']),
    unitId: String(r['unit_id']),
    round: Number(r['round']),
    documentNumber: String(r['document_number']),
    signedAt: String(r['signed_at']),
    publishedAt: String(r['published_at']),
    sessionName: String(r['session_name']),
    number: String(r['number']),
    title: String(r['title']),
    unitName: (r['unit_name'] as string | null | undefined) ?? null,
    pdfSha256: (r['pdf_sha256'] as string | null | undefined) ?? null,
  };
}
