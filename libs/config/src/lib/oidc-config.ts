/**
 * Single sign-on through the city's unified identity platform (OpenID Connect). Off unless
 * OIDC_ISSUER is set; then the client's id, secret and redirect URI are required too.
 */
export interface OidcConfig {
  /** The provider's issuer identifier, as its discovery document states it (OIDC_ISSUER). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<public address>/api/auth/oidc/callback`. */
  redirectUri: string;
  /** Space-separated scopes asked for; always includes `openid`. */
  scopes: string;
  /** The platform's name on the sign-in button (OIDC_LABEL), or null for the generic wording. */
  label: string | null;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Plain HTTP is accepted only on this machine (tests, a provider run locally for development). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | undefined {
  const issuer = env['OIDC_ISSUER']?.trim();
  if (!issuer) return undefined;
  const clientId = env['OIDC_CLIENT_ID']?.trim();
  const clientSecret = env['OIDC_CLIENT_SECRET'] ?? '';
  const redirectUri = env['OIDC_REDIRECT_URI']?.trim();
  if (!clientId || !clientSecret || !redirectUri) {
    throw new Error('With OIDC_ISSUER set, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URI must be set too');
  }
  secureUrl('OIDC_ISSUER', issuer);
  const callback = secureUrl('OIDC_REDIRECT_URI', redirectUri);
  if (callback.pathname !== OIDC_CALLBACK_PATH || callback.search || callback.hash) {
    throw new Error(`OIDC_REDIRECT_URI must be Banli's public address followed by ${OIDC_CALLBACK_PATH}`);
  }
  const scopes = (env['OIDC_SCOPES']?.trim() || 'openid').split(/\s+/);
  if (!scopes.includes('openid')) scopes.unshift('openid');
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    scopes: [...new Set(scopes)].join(' '),
    label: env['OIDC_LABEL']?.trim() || null,
  };
}

function secureUrl(name: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be a URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new Error(`${name} must be an https URL (http only on localhost), got "${value}"`);
  }
  return url;
}

/** Whether the provider is reached over plain HTTP (allowed on localhost only, see above). */
export function isInsecureIssuer(config: OidcConfig): boolean {
  return new URL(config.issuer).protocol === 'http:';
}
