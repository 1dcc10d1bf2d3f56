/**
 * The origin every absolute URL the site writes starts with (feed ids and links, the embed's
 * canonical link): `PUBLIC_ORIGIN` when set (e.g. `https://monitor.example`), else the
 * address the server listens on (HOST and PORT). Never the request's `Host` header, which
 * any client can set.
 */

/** The configured origin, or null when PUBLIC_ORIGIN is unset; throws on a value that is not an http(s) origin. */
export function configuredPublicOrigin(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw = env.PUBLIC_ORIGIN?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_ORIGIN is not a URL: "${raw.slice(0, 100)}"`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new Error(`PUBLIC_ORIGIN must be an http(s) origin such as https://monitor.example, not "${raw.slice(0, 100)}"`);
  }
  return url.origin;
}

/** The origin for absolute URLs in answers to this request. */
export function publicOrigin(requestUrl: URL, env: NodeJS.ProcessEnv = process.env): string {
  const configured = configuredPublicOrigin(env);
  if (configured) return configured;
  const host = env.HOST && !['0.0.0.0', '::', '[::]'].includes(env.HOST) ? env.HOST : 'localhost';
  const port = env.PORT ?? '4321';
  const scheme = requestUrl.protocol === 'https:' ? 'https' : 'http';
  const defaultPort = (scheme === 'https' && port === '443') || (scheme === 'http' && port === '80');
  return `${scheme}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}${defaultPort ? '' : `:${port}`}`;
}
