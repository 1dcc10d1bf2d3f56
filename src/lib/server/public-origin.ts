/**
 * The site's public origin for absolute URLs (canonical and hreflang links, Open Graph, the
 * sitemap, robots.txt): the PUBLIC_ORIGIN setting when given (behind a proxy the request's own
 * host may be an internal one), else the origin the request came to.
 */

/** `scheme://host[:port]` without a trailing slash. An unusable PUBLIC_ORIGIN is ignored. */
export function publicOrigin(requestUrl: URL, env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_ORIGIN?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
    } catch {
      // Not a URL: fall back to the request's origin.
    }
  }
  return requestUrl.origin;
}

/** An absolute URL on the public origin for a site path. */
export function absoluteUrl(requestUrl: URL, path: string): string {
  return `${publicOrigin(requestUrl)}${path}`;
}
