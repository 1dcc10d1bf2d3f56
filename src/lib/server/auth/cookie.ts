/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/. Over HTTPS it is `__Host-session`
 * (Secure, no Domain: the browser then refuses it from any other host or over plain HTTP,
 * so a sibling subdomain cannot plant or overwrite it); over plain HTTP (development,
 * tests) it is `session`.
 */
import type { AstroCookies } from 'astro';

export const SESSION_COOKIE = 'session';
/** The cookie's name over HTTPS. */
export const SECURE_SESSION_COOKIE = '__Host-session';

/** The cookie's name for a request over HTTPS (`secure`) or plain HTTP. */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token from the request's cookie, if any (over HTTPS, only the `__Host-` one counts). */
export function readSessionCookie(cookies: AstroCookies, secure = false): string | null {
  return cookies.get(sessionCookieName(secure))?.value || null;
}

/** Sets (or moves the expiry of) the session cookie; `secure` when the request came over HTTPS. */
export function setSessionCookie(cookies: AstroCookies, token: string, expiresAt: number, secure: boolean): void {
  cookies.set(sessionCookieName(secure), token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: new Date(expiresAt) });
}

/** Tells the browser to forget the session cookie. */
export function deleteSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.delete(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
