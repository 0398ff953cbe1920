import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { HelmetOptions } from 'helmet';

/**
 * The security headers of every answer, chosen rather than inherited from helmet's defaults:
 *
 * - Content-Security-Policy: only this origin's scripts (no inline scripts, no event-handler
 *   attributes), styles from this origin plus inline ones (Ant Design injects its styles at run
 *   time), images and fonts from this origin or data: URLs, no plugins, no framing by other
 *   origins, forms and <base> to this origin. Nothing from CDNs: the web UI is self-contained.
 *   No `upgrade-insecure-requests`: on an intranet served over plain HTTP it would make browsers
 *   fetch the app's own scripts over HTTPS and break it; HTTPS deployments have HSTS instead.
 * - X-Frame-Options SAMEORIGIN (older browsers' frame-ancestors), X-Content-Type-Options nosniff,
 *   Referrer-Policy no-referrer (proposal ids in URLs stay inside), Cross-Origin-Opener-Policy
 *   and Cross-Origin-Resource-Policy same-origin.
 * - Strict-Transport-Security: one year, without includeSubDomains or preload, since Banli
 *   usually runs on one host of a government domain whose other hosts it must not force to
 *   HTTPS. Browsers take it only from HTTPS answers (behind a TLS proxy, as deployed).
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'base-uri': ["'self'"],
      'connect-src': ["'self'"],
      'font-src': ["'self'", 'data:'],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'object-src': ["'none'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
    },
  },
  frameguard: { action: 'sameorigin' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false, preload: false },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
};

/**
 * A letter rendered as HTML (preview or signed) holds texts typed by users: besides escaping
 * them, it is served as a sandboxed document that may run nothing and load nothing but its own
 * inline styles, whatever a text might smuggle in.
 */
export const LETTER_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'; sandbox";

/**
 * CORS: off unless CORS_ORIGINS names origins (the web UI is served from the API's own
 * origin). A listed origin may call the API with a Bearer token: no credentials (cookies)
 * cross-origin, and only the headers an API client needs, so X-Requested-With — the web
 * session's CSRF header — can never be sent by another origin's script. The headers clients
 * read are exposed; a preflight is cached for 10 minutes.
 */
export function corsOptions(corsOrigins: string | undefined): CorsOptions {
  const origins = (corsOrigins ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  return {
    origin: origins.length ? origins : false,
    credentials: false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id', 'Accept', 'Accept-Language'],
    exposedHeaders: [
      'X-Request-Id',
      'Idempotent-Replayed',
      'ETag',
      'X-Content-SHA256',
      'Retry-After',
      'Content-Disposition',
    ],
    maxAge: 600,
  };
}
