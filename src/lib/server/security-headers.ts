/** Headers every response carries. Embeds (`/embed/…`) may be framed; nothing else may. */

/** Adds the security headers to `response` (in place when its headers are mutable). */
export function applySecurityHeaders(response: Response, url: URL): Response {
  let headers = response.headers;
  try {
    headers.set('x-content-type-options', 'nosniff');
  } catch {
    // Some responses (e.g. from fetch) have immutable headers: copy them.
    response = new Response(response.body, response);
    headers = response.headers;
    headers.set('x-content-type-options', 'nosniff');
  }
  headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  headers.set('cross-origin-opener-policy', 'same-origin');
  const embeddable = url.pathname.startsWith('/embed/') || url.pathname.startsWith('/th/embed/');
  if (!embeddable) headers.set('x-frame-options', 'DENY');
  const frameAncestors = embeddable ? '*' : "'none'";
  if (!headers.has('content-security-policy')) {
    headers.set('content-security-policy', `frame-ancestors ${frameAncestors}; base-uri 'self'; form-action 'self'; object-src 'none'`);
  }
  if (url.protocol === 'https:') headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}
