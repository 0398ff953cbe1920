import { DomainError } from '@banli/domain';
import type { IAccountRepository, UserEntity } from '@banli/persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { passwordHasher } from '../auth/password-hasher';
import { checkPasswordPolicy, temporaryPassword } from '../auth/password-policy';

export interface AccountStanding {
  userId: string;
  disabled: boolean;
  mustChangePassword: boolean;
}

/**
 * An admin's hold on other people's accounts: a password reset (a temporary password the user
 * must change at their next sign-in) and disabling or enabling. Each revokes every token the
 * user holds, and is recorded in the admin audit trail with the change.
 */
export class AccountsService {
  constructor(
    private readonly accounts: IAccountRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Sets the given temporary password, or a generated one; answers it once (it is stored only hashed). */
  async resetPassword(
    admin: AuthenticatedUser,
    userId: string,
    given?: string,
  ): Promise<AccountStanding & { temporaryPassword: string }> {
    const password = given ?? temporaryPassword();
    if (given !== undefined) checkPasswordPolicy(given, { username: '', field: 'temporaryPassword' });
    const user = await this.accounts.resetPassword(admin, userId, await passwordHasher.hash(password), this.clock());
    return { ...standing(found(user, userId)), temporaryPassword: password };
  }

  async disable(admin: AuthenticatedUser, userId: string): Promise<AccountStanding> {
    if (userId === admin.userId) {
      throw new DomainError('VALIDATION_FAILED', 'An admin cannot disable their own account', [
        { field: 'userId', message: 'This is your own account' },
      ]);
    }
    return standing(found(await this.accounts.setDisabled(admin, userId, true, this.clock()), userId));
  }

  async enable(admin: AuthenticatedUser, userId: string): Promise<AccountStanding> {
    return standing(found(await this.accounts.setDisabled(admin, userId, false, this.clock()), userId));
  }
}

function found(user: UserEntity | null, userId: string): UserEntity {
  if (!user) throw new DomainError('NOT_FOUND', `No user ${userId}`);
  return user;
}

function standing(user: UserEntity): AccountStanding {
  return { userId: user.id, disabled: user.disabled === 1, mustChangePassword: user.mustChangePassword === 1 };
}
