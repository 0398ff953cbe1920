import * as oidc from 'openid-client';
import { isInsecureIssuer, OidcConfig } from '@banli/config';

/** What a sign-in must prove when the browser comes back: kept in the pending cookie, never on the server. */
export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider's subject, from a validated ID token. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
}

/** The provider sent the browser back with an error (the user cancelled, or it refused them). */
export class ProviderRefusal extends Error {
  constructor(readonly error: string) {
    super(`The identity provider answered ${error}`);
    this.name = 'ProviderRefusal';
  }
}

/** The OpenID Connect relying party, as SingleSignOnService uses it. */
export interface IdentityProviderClient {
  /** The provider's authorization URL (code flow, PKCE S256, state, nonce) and the checks to keep. */
  authorizationRequest(): Promise<SignInChecks & { url: string }>;
  /**
   * Redeems the code of the provider's redirect (its query string), validating the ID token
   * (signature, issuer, audience, expiry, nonce) and the PKCE verifier. Throws ProviderRefusal
   * when the provider answered with an error, anything else when the answer is not valid.
   */
  verify(query: string, checks: SignInChecks): Promise<VerifiedIdentity>;
}

/** openid-client (a certified relying party library) against the configured provider. */
export class OpenIdConnectClient implements IdentityProviderClient {
  private configuration?: Promise<oidc.Configuration>;

  constructor(private readonly config: OidcConfig) {}

  async authorizationRequest(): Promise<SignInChecks & { url: string }> {
    const configuration = await this.discovered();
    const checks = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { ...checks, url: url.href };
  }

  async verify(query: string, checks: SignInChecks): Promise<VerifiedIdentity> {
    const configuration = await this.discovered();
    // The URL the provider redirected to, by configuration: not rebuilt from Host headers.
    const callback = new URL(this.config.redirectUri);
    callback.search = query;
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      if (e instanceof oidc.AuthorizationResponseError) throw new ProviderRefusal(e.error);
      throw e;
    }
    const claims = tokens.claims();
    if (!claims) throw new Error('The token response has no ID token');
    return { issuer: claims.iss, subject: claims.sub };
  }

  /**
   * The provider's metadata and keys, discovered on first use by each replica and kept (a
   * cache: nothing shared). A failed discovery is tried again at the next sign-in.
   */
  private discovered(): Promise<oidc.Configuration> {
    this.configuration ??= oidc
      .discovery(
        new URL(this.config.issuer),
        this.config.clientId,
        undefined,
        oidc.ClientSecretBasic(this.config.clientSecret),
        isInsecureIssuer(this.config) ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        this.configuration = undefined;
        throw e;
      });
    return this.configuration;
  }
}
