/** Where to send someone after sign-in: only a path on this site, never another origin. */

export const DEFAULT_AFTER_SIGN_IN = '/workspace';

/**
 * `next`, normalised, if it is a same-origin path (`/workspace?tab=x`), else the default.
 * Refuses scheme-relative (`//evil.example`, also when only normalisation makes it so:
 * `/.//evil.example`), backslash and control-character tricks, and the sign-in and sign-out
 * pages themselves.
 */
export function safeNextPath(next: string | null | undefined, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return fallback;
  const base = 'http://next.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Decided on the normalised path: `/.//evil.example`, `/..//x` and `/%2e%2e//x` all resolve
  // to a path starting `//`, which a browser reads as another host.
  if (url.pathname.startsWith('//') || url.pathname.includes('\\')) return fallback;
  if (/^\/(th\/)?(login|logout)$/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
