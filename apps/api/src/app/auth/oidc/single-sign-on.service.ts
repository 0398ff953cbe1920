import { Logger } from '@nestjs/common';
import type { JwtService } from '@nestjs/jwt';
import { DomainError } from '@banli/domain';
import type { IExternalIdentityRepository } from '@banli/persistence';
import type { AuthService } from '../auth.service';
import type { AuthenticatedUser } from '../authenticated-user';
import type { IdentityProviderClient, SignInChecks, VerifiedIdentity } from './openid-client';
import { ProviderRefusal } from './openid-client';
import type { SsoRefusal } from './sso-refusal';
import { issuerKey } from './issuer-key';

/** How long a started sign-in may take at the provider. */
export const PENDING_SIGN_IN_SECONDS = 600;

/** The pending sign-in is a JWT for this audience only: never accepted as a session, nor a session as one. */
const PENDING = { algorithm: 'HS256', issuer: 'banli', audience: 'banli-oidc-pending' } as const;

export type SignInOutcome =
  | { signedIn: true; accessToken: string; expiresIn: number; user: AuthenticatedUser }
  | { signedIn: false; refusal: SsoRefusal };

/**
 * Sign-in through the city's identity provider (OpenID Connect, authorization code with PKCE).
 * What the callback must check (state, nonce, PKCE verifier) travels in a short-lived signed
 * cookie, so any API replica can finish a sign-in another one started. The provider's
 * (issuer, subject) signs in as the Banli user an admin linked it to; nobody else gets in.
 */
export class SingleSignOnService {
  private readonly logger = new Logger(SingleSignOnService.name);

  constructor(
    private readonly provider: IdentityProviderClient | undefined,
    /** The platform's name for the sign-in button (OIDC_LABEL), or null. */
    private readonly label: string | null,
    private readonly identities: IExternalIdentityRepository,
    private readonly auth: Pick<AuthService, 'issueToken'>,
    private readonly jwt: JwtService,
  ) {}

  /** What the sign-in page offers besides a password. */
  providers(): { oidc: { loginUrl: string; label: string | null } | null } {
    return { oidc: this.provider ? { loginUrl: '/api/auth/oidc/login', label: this.label } : null };
  }

  /**
   * Where to send the browser: the provider, with the pending sign-in to keep in its cookie;
   * or, when the provider cannot be reached, the sign-in page saying so.
   */
  async begin(): Promise<{ redirectTo: string; pending?: string }> {
    const provider = this.configured();
    let request: SignInChecks & { url: string };
    try {
      request = await provider.authorizationRequest();
    } catch (e) {
      this.logger.warn(`Single sign-on cannot start: ${e instanceof Error ? e.message : String(e)}`);
      return { redirectTo: refusalPage('SSO_FAILED') };
    }
    const { url, ...checks } = request;
    const pending = await this.jwt.signAsync(checks, { ...PENDING, expiresIn: PENDING_SIGN_IN_SECONDS });
    return { redirectTo: url, pending };
  }

  /** Finishes a sign-in from the provider's redirect (its query string) and the pending cookie. */
  async complete(query: string, pending: string | undefined): Promise<SignInOutcome> {
    const provider = this.configured();
    const checks = await this.pendingChecks(pending);
    if (!checks || new URLSearchParams(query).get('state') !== checks.state) return refused('SSO_STATE_INVALID');
    let identity: VerifiedIdentity;
    try {
      identity = await provider.verify(query, checks);
    } catch (e) {
      if (e instanceof ProviderRefusal) {
        this.logger.warn(`Single sign-on refused by the identity provider: ${e.error}`);
        return refused('SSO_PROVIDER_REFUSED');
      }
      this.logger.warn(`Single sign-on failed: ${e instanceof Error ? e.message : String(e)}`);
      return refused('SSO_FAILED');
    }
    const user = await this.identities.userFor(issuerKey(identity.issuer), identity.subject);
    if (!user) {
      // The subject is what an admin needs to link this person: it is in the log, not shown to them.
      this.logger.warn(`Single sign-on refused: subject "${identity.subject}" of ${identity.issuer} is linked to no user`);
      return refused('SSO_NOT_LINKED');
    }
    if (user.disabled) return refused('SSO_ACCOUNT_DISABLED');
    return { signedIn: true, ...(await this.auth.issueToken(user)) };
  }

  private configured(): IdentityProviderClient {
    if (!this.provider) throw new DomainError('NOT_FOUND', 'Single sign-on is not configured (OIDC_ISSUER)');
    return this.provider;
  }

  private async pendingChecks(pending: string | undefined): Promise<SignInChecks | undefined> {
    if (!pending) return undefined;
    try {
      const { state, nonce, codeVerifier } = await this.jwt.verifyAsync<SignInChecks>(pending, {
        algorithms: [PENDING.algorithm],
        issuer: PENDING.issuer,
        audience: PENDING.audience,
      });
      return typeof state === 'string' && typeof nonce === 'string' && typeof codeVerifier === 'string'
        ? { state, nonce, codeVerifier }
        : undefined;
    } catch {
      return undefined;
    }
  }
}

function refused(refusal: SsoRefusal): SignInOutcome {
  return { signedIn: false, refusal };
}

/** The web UI's sign-in page, saying why (see sso-refusal.ts). */
export function refusalPage(refusal: SsoRefusal): string {
  return `/login?sso_error=${refusal}`;
}
