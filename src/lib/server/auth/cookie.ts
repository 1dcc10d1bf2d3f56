/** The session cookie: `session`, HttpOnly, SameSite=Lax, Path=/, Secure on HTTPS. */
import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'session';

/** The session token from the request's cookie, if any. */
export function readSessionCookie(cookies: AstroCookies): string | null {
  return cookies.get(SESSION_COOKIE)?.value || null;
}

/** Sets (or moves the expiry of) the session cookie; `secure` when the request came over HTTPS. */
export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: number, secure: boolean): void {
  cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: new Date(expiresAt) });
}

/** Tells the browser to forget the session cookie. */
export function deleteSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
