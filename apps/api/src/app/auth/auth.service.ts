import { JwtService } from '@nestjs/jwt';
import { DomainError, ROLES, Role } from '@banli/domain';
import type { IAccountRepository, IDirectoryRepository, UserEntity } from '@banli/persistence';
import type { AuthenticatedUser, SignedInUser } from './authenticated-user';
import { passwordHasher } from './password-hasher';
import { checkPasswordPolicy } from './password-policy';
import type { SignInLimiter } from './sign-in-limiter';

export interface TokenClaims {
  sub: string;
  unit: string;
  /** The user's token version when it was issued; a bump since revokes the token. */
  ver: number;
}

/** A signed access token for a user, as every way of signing in answers it. */
export interface IssuedToken {
  accessToken: string;
  /** Seconds until the token expires. */
  expiresIn: number;
  user: SignedInUser;
}

export const JWT_OPTIONS = { algorithm: 'HS256', issuer: 'banli', audience: 'banli-api' } as const;

/** A hash to verify against when the user does not exist, so both cases take the same time. */
const DUMMY_HASH = passwordHasher.hash('banli-timing-equaliser');

export class AuthService {
  constructor(
    private readonly directory: IDirectoryRepository,
    private readonly accounts: IAccountRepository,
    private readonly limiter: Pick<SignInLimiter, 'admit' | 'checkAccount' | 'failed' | 'succeeded'>,
    private readonly jwt: JwtService,
    private readonly tokenTtlSeconds: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * The one place tokens are made, for every way of signing in (password, single sign-on): the
   * token carries the user's current token version, so any later revocation ends it. The caller
   * has established who the user is and that they are enabled.
   */
  async issueToken(user: UserEntity): Promise<IssuedToken> {
    const claims: TokenClaims = { sub: user.id, unit: user.unitId, ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { ...JWT_OPTIONS, expiresIn: this.tokenTtlSeconds });
    return { accessToken, expiresIn: this.tokenTtlSeconds, user: toAuthenticated(user) };
  }

  /** Sign-in with a password, within the limits per address and per account (429 beyond them). */
  async login(username: string, password: string, address: string): Promise<IssuedToken> {
    await this.limiter.admit(address, username);
    const user = await this.directory.userByUsername(username);
    const ok = await passwordHasher.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabled) {
      await this.limiter.failed(username);
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password, or the account is disabled');
    }
    await this.limiter.succeeded(username);
    return this.issueToken(user);
  }

  /** The user behind a token: 401 unless it is well signed, current and theirs (see resolve). */
  async authenticate(token: string): Promise<SignedInUser> {
    let claims: TokenClaims;
    try {
      // The algorithm is pinned: `alg: none` and tokens signed any other way are refused.
      claims = await this.jwt.verifyAsync<TokenClaims>(token, {
        algorithms: [JWT_OPTIONS.algorithm],
        issuer: JWT_OPTIONS.issuer,
        audience: JWT_OPTIONS.audience,
      });
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The token is invalid or expired; sign in again');
    }
    if (!Number.isInteger(claims.ver)) throw new DomainError('UNAUTHENTICATED', 'The token is invalid; sign in again');
    return this.resolve(claims);
  }

  /**
   * The user behind a verified token, as the database has them now: a disabled user is
   * refused, a token issued before the last revocation is refused (TOKEN_REVOKED), and a user
   * moved to another unit acts for the new unit only (an older token for the old unit is refused).
   */
  async resolve(claims: TokenClaims): Promise<SignedInUser> {
    const user = await this.directory.userById(claims.sub);
    if (!user || user.disabled) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or gone');
    if (claims.ver !== user.tokenVersion) {
      throw new DomainError('TOKEN_REVOKED', 'This session was ended (sign-out or password change); sign in again');
    }
    if (user.unitId !== claims.unit)
      throw new DomainError('UNAUTHENTICATED', 'The account moved to another unit; sign in again');
    return toAuthenticated(user);
  }

  /** Ends every session of the user: each token issued so far, on every device. */
  async signOut(user: AuthenticatedUser): Promise<void> {
    await this.accounts.revokeTokens(user.userId, this.clock());
  }

  /**
   * The caller's own new password, checked against the current one and the policy. Every token
   * issued before stops working; the caller gets a fresh one. A wrong current password counts
   * as a failed sign-in of the account (so a stolen session cannot guess it without limit).
   */
  async changePassword(user: AuthenticatedUser, currentPassword: string, newPassword: string): Promise<IssuedToken> {
    await this.limiter.checkAccount(user.username);
    const entity = await this.directory.userById(user.userId);
    if (!entity) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or gone');
    if (!(await passwordHasher.verify(entity.passwordHash, currentPassword))) {
      await this.limiter.failed(user.username);
      throw new DomainError('VALIDATION_FAILED', 'The current password is wrong', [
        { field: 'currentPassword', message: 'The current password is wrong' },
      ]);
    }
    checkPasswordPolicy(newPassword, {
      username: user.username,
      field: 'newPassword',
      currentPasswordMatches: newPassword === currentPassword,
    });
    const changed = await this.accounts.changePassword(
      user.userId,
      await passwordHasher.hash(newPassword),
      this.clock(),
    );
    if (!changed) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or gone');
    return this.issueToken(changed);
  }
}

export function toAuthenticated(user: UserEntity): SignedInUser {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    roles: user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
    mustChangePassword: user.mustChangePassword === 1,
  };
}
