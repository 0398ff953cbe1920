/**
 * Why a single sign-on did not sign anyone in. The browser is sent back to the sign-in page
 * with `?sso_error=<code>`, and the page says it in words (apps/web login bundle).
 */
export const SSO_REFUSALS = [
  /** The provider's subject is linked to no Banli user: an admin links it. */
  'SSO_NOT_LINKED',
  /** The linked Banli user is disabled. */
  'SSO_ACCOUNT_DISABLED',
  /** The sign-in is not one this browser started, or it took longer than 10 minutes. */
  'SSO_STATE_INVALID',
  /** The provider refused (the user cancelled, or is not allowed to use Banli). */
  'SSO_PROVIDER_REFUSED',
  /** The provider could not be reached, or its answer was not valid. */
  'SSO_FAILED',
] as const;

export type SsoRefusal = (typeof SSO_REFUSALS)[number];
