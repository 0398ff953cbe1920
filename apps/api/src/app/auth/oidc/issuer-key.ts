/**
 * An issuer as links store it: the URL in its normal form, so `https://id.example` and
 * `https://id.example/` (as configured, as the ID token says) are one issuer.
 */
export function issuerKey(issuer: string): string {
  return new URL(issuer).href;
}
