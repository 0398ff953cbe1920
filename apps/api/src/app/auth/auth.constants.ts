/** The throttler that limits login attempts; no other route uses it. */
export const LOGIN_THROTTLE = 'login';
