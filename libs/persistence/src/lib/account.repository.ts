import type { DataSource, EntityManager } from 'typeorm';
import { AdminActor, recordAdminEvent } from './admin-audit';
import { UserEntity } from './entities';
import { execSql, inTransaction } from './sql';

/**
 * Changes to a user's credentials and standing. Each one bumps the user's token version in the
 * same statement, so every token issued before stops working on every API replica at once.
 * Each answers the user as they are now, or null when there is no such user.
 */
export interface IAccountRepository {
  /** Revokes every token of the user (sign-out). */
  revokeTokens(userId: string, now: Date): Promise<UserEntity | null>;
  /** The user's own new password; clears a forced change. */
  changePassword(userId: string, passwordHash: string, now: Date): Promise<UserEntity | null>;
  /** An admin sets a temporary password that the user must change at their next sign-in (audited). */
  resetPassword(actor: AdminActor, userId: string, passwordHash: string, now: Date): Promise<UserEntity | null>;
  /** An admin disables or enables a user (audited); either way, the user's tokens are revoked. */
  setDisabled(actor: AdminActor, userId: string, disabled: boolean, now: Date): Promise<UserEntity | null>;
}

export class AccountRepository implements IAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  revokeTokens(userId: string, now: Date): Promise<UserEntity | null> {
    return inTransaction(this.dataSource, (tx) => update(tx, userId, {}, now));
  }

  changePassword(userId: string, passwordHash: string, now: Date): Promise<UserEntity | null> {
    return inTransaction(this.dataSource, (tx) =>
      update(tx, userId, { password_hash: passwordHash, must_change_password: 0 }, now),
    );
  }

  resetPassword(actor: AdminActor, userId: string, passwordHash: string, now: Date): Promise<UserEntity | null> {
    return inTransaction(this.dataSource, async (tx) => {
      const user = await update(tx, userId, { password_hash: passwordHash, must_change_password: 1 }, now);
      // Never the password: only that it was reset, and for whom.
      if (user) await recordAdminEvent(tx, actor, 'user.password-reset', { userId }, now);
      return user;
    });
  }

  setDisabled(actor: AdminActor, userId: string, disabled: boolean, now: Date): Promise<UserEntity | null> {
    return inTransaction(this.dataSource, async (tx) => {
      const user = await update(tx, userId, { disabled: disabled ? 1 : 0 }, now);
      if (user) await recordAdminEvent(tx, actor, disabled ? 'user.disabled' : 'user.enabled', { userId }, now);
      return user;
    });
  }
}

/** Sets the columns and bumps the token version in one statement (no lost bump under concurrency). */
async function update(
  tx: EntityManager,
  userId: string,
  columns: Record<string, string | number>,
  now: Date,
): Promise<UserEntity | null> {
  const names = Object.keys(columns);
  const { affected } = await execSql(
    tx,
    `UPDATE "app_user" SET ${names.map((n) => `"${n}" = :${n}, `).join('')}"token_version" = "token_version" + 1,
       "updated_at" = :now WHERE "id" = :userId`,
    { ...columns, userId, now: now.toISOString() },
  );
  if (affected === 0) return null;
  return tx.getRepository(UserEntity).findOneBy({ id: userId });
}
