/**
 * The web UI's session: the JWT in an HttpOnly, SameSite=Strict cookie scoped to /api, so no
 * script on the page can read it. Writes authenticated by the cookie must carry this header
 * (a cross-site form cannot set it; CORS stops scripts of other origins from setting it).
 */
export const SESSION_COOKIE = 'banli_session';
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'banli-web';
