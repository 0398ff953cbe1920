import { JwtService } from '@nestjs/jwt';
import { DomainError, ROLES, Role } from '@banli/domain';
import type { IDirectoryRepository, UserEntity } from '@banli/persistence';
import type { AuthenticatedUser } from './authenticated-user';
import { passwordHasher } from './password-hasher';

export interface TokenClaims {
  sub: string;
  unit: string;
}

export const JWT_OPTIONS = { algorithm: 'HS256', issuer: 'banli', audience: 'banli-api' } as const;

/** A hash to verify against when the user does not exist, so both cases take the same time. */
const DUMMY_HASH = passwordHasher.hash('banli-timing-equaliser');

export class AuthService {
  constructor(
    private readonly directory: IDirectoryRepository,
    private readonly jwt: JwtService,
    private readonly tokenTtlSeconds: number,
  ) {}

  async login(
    username: string,
    password: string,
  ): Promise<{ accessToken: string; expiresIn: number; user: AuthenticatedUser }> {
    const user = await this.directory.userByUsername(username);
    const ok = await passwordHasher.verify(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabled) {
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password, or the account is disabled');
    }
    return this.issueToken(user);
  }

  /** A token for a user already authenticated (by password, or by the identity provider: see oidc/). */
  async issueToken(user: UserEntity): Promise<{ accessToken: string; expiresIn: number; user: AuthenticatedUser }> {
    const claims: TokenClaims = { sub: user.id, unit: user.unitId };
    const accessToken = await this.jwt.signAsync(claims, { ...JWT_OPTIONS, expiresIn: this.tokenTtlSeconds });
    return { accessToken, expiresIn: this.tokenTtlSeconds, user: toAuthenticated(user) };
  }

  /**
   * The user behind a verified token, as the database has them now: a disabled user is
   * refused, and a user moved to another unit acts for the new unit only (an older token
   * issued for the old unit is refused).
   */
  async resolve(claims: TokenClaims): Promise<AuthenticatedUser> {
    const user = await this.directory.userById(claims.sub);
    if (!user || user.disabled) throw new DomainError('UNAUTHENTICATED', 'The account is disabled or gone');
    if (user.unitId !== claims.unit)
      throw new DomainError('UNAUTHENTICATED', 'The account moved to another unit; sign in again');
    return toAuthenticated(user);
  }
}

export function toAuthenticated(user: UserEntity): AuthenticatedUser {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    roles: user.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r)),
  };
}
