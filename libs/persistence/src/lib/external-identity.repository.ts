import type { DataSource } from 'typeorm';
import { DomainError } from '@banli/domain';
import { AdminActor, recordAdminEvent } from './admin-audit';
import { UserEntity } from './entities';
import { execSql, inTransaction } from './sql';

/** A subject of an identity provider, linked to the Banli user it signs in as. */
export interface ExternalIdentityView {
  issuer: string;
  subject: string;
  userId: string;
  createdAt: string;
}

/**
 * Single sign-on's mapping: (issuer, subject) to a Banli user. Only an admin links and
 * unlinks (audited in the same transaction); nobody is linked by signing in.
 */
export interface IExternalIdentityRepository {
  /** The user an identity signs in as, or null when it is linked to nobody. */
  userFor(issuer: string, subject: string): Promise<UserEntity | null>;
  /** Every link, by issuer, then subject; of one user only when `userId` is given. */
  list(userId?: string): Promise<ExternalIdentityView[]>;
  /** 404 NOT_FOUND for an unknown user; 409 ALREADY_DONE when the identity is linked already. */
  link(actor: AdminActor, link: Omit<ExternalIdentityView, 'createdAt'>, now: Date): Promise<ExternalIdentityView>;
  /** 404 NOT_FOUND when the identity is linked to nobody. */
  unlink(actor: AdminActor, issuer: string, subject: string): Promise<void>;
}

export class ExternalIdentityRepository implements IExternalIdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async userFor(issuer: string, subject: string): Promise<UserEntity | null> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "user_id" FROM "external_identity" WHERE "issuer" = :issuer AND "subject" = :subject`,
      { issuer, subject },
    );
    const userId = rows[0]?.['user_id'];
    if (userId === undefined) return null;
    return this.dataSource.getRepository(UserEntity).findOneBy({ id: String(userId) });
  }

  async list(userId?: string): Promise<ExternalIdentityView[]> {
    const { rows } = await execSql(
      this.dataSource,
      `SELECT "issuer", "subject", "user_id", "created_at" FROM "external_identity"
       ${userId === undefined ? '' : 'WHERE "user_id" = :userId'}
       ORDER BY "issuer", "subject"`,
      { userId },
    );
    return rows.map((r) => ({
      issuer: String(r['issuer']),
      subject: String(r['subject']),
      userId: String(r['user_id']),
      createdAt: String(r['created_at']),
    }));
  }

  async link(
    actor: AdminActor,
    { issuer, subject, userId }: Omit<ExternalIdentityView, 'createdAt'>,
    now: Date,
  ): Promise<ExternalIdentityView> {
    const createdAt = now.toISOString();
    return inTransaction(this.dataSource, async (tx) => {
      const user = await execSql(tx, `SELECT "id" FROM "app_user" WHERE "id" = :userId`, { userId });
      if (user.rows.length === 0) throw new DomainError('NOT_FOUND', `No user ${userId}`);
      const existing = await execSql(
        tx,
        `SELECT "user_id" FROM "external_identity" WHERE "issuer" = :issuer AND "subject" = :subject`,
        { issuer, subject },
      );
      if (existing.rows[0]) {
        throw new DomainError(
          'ALREADY_DONE',
          `The subject ${subject} of ${issuer} is linked to ${String(existing.rows[0]['user_id'])} already: unlink it first`,
        );
      }
      // ON CONFLICT DO NOTHING: a concurrent link of the same identity loses cleanly (409 below).
      const inserted = await execSql(
        tx,
        `INSERT INTO "external_identity" ("issuer", "subject", "user_id", "created_at")
         VALUES (:issuer, :subject, :userId, :createdAt) ON CONFLICT ("issuer", "subject") DO NOTHING`,
        { issuer, subject, userId, createdAt },
      );
      if (inserted.affected === 0) {
        throw new DomainError('ALREADY_DONE', `The subject ${subject} of ${issuer} was just linked by someone else`);
      }
      await recordAdminEvent(tx, actor, 'external-identity-linked', { issuer, subject, userId }, now);
      return { issuer, subject, userId, createdAt };
    });
  }

  async unlink(actor: AdminActor, issuer: string, subject: string): Promise<void> {
    await inTransaction(this.dataSource, async (tx) => {
      const existing = await execSql(
        tx,
        `SELECT "user_id" FROM "external_identity" WHERE "issuer" = :issuer AND "subject" = :subject`,
        { issuer, subject },
      );
      const userId = existing.rows[0]?.['user_id'];
      if (userId === undefined) throw new DomainError('NOT_FOUND', `The subject ${subject} of ${issuer} is not linked`);
      await execSql(tx, `DELETE FROM "external_identity" WHERE "issuer" = :issuer AND "subject" = :subject`, {
        issuer,
        subject,
      });
      await recordAdminEvent(tx, actor, 'external-identity-unlinked', { issuer, subject, userId: String(userId) });
    });
  }
}
