import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './auth.constants';

/**
 * Starts the web UI's session: the token in an HttpOnly, SameSite=Strict cookie scoped to /api
 * (Secure over HTTPS, or always with COOKIE_SECURE=true). Password and single sign-on alike.
 */
export function setSessionCookie(req: Request, res: Response, accessToken: string, expiresIn: number): void {
  res.cookie(SESSION_COOKIE, accessToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(req),
    path: '/api',
    maxAge: expiresIn * 1000,
  });
}

export function isSecure(req: Request): boolean {
  return req.secure || process.env['COOKIE_SECURE'] === 'true';
}
