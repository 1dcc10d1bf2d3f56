/**
 * How many bytes a request body may have, by route. The production server
 * (src/server.ts) counts every body against this before any of it reaches Astro, whether
 * it is announced by `Content-Length` or sent chunked; the middleware checks the declared
 * length again for a server that mounts the built handler without it (dist/server/entry.mjs
 * exports the Node adapter's handler in middleware mode).
 *
 * Kept free of Astro and Node imports: src/server.ts loads it directly.
 */

/** Sign-in and sign-out: an e-mail, a password and a `next` path. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;
/** Account, token, user and review forms: a few short fields. */
export const ACCOUNT_BODY_LIMIT = 16 * 1024;
/** Assessment and indicator forms: two narratives and up to 20 evidence rows, percent-encoded. */
export const ASSESSMENT_FORM_BODY_LIMIT = 512 * 1024;
/** The staff JSON API's writes (the same figure as `WRITE_BODY_LIMIT` in src/lib/api/schemas.ts). */
export const API_WRITE_BODY_LIMIT = 256 * 1024;
/** The CSV import: a file of up to 5 MB, posted back base64-encoded by its apply step. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;
/** Any other request (a page or a read endpoint has no use for a body). */
export const DEFAULT_BODY_LIMIT = 16 * 1024;
/** The largest limit of all: the Node adapter's own backstop (astro.config.mjs). */
export const MAX_BODY_LIMIT = IMPORT_BODY_LIMIT;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The action a request calls (`/_actions/NAME` or `?_action=NAME`), lower-cased, or null. */
export function actionNameOf(pathname: string, search: string): string | null {
  const path = safeDecode(pathname).replace(/^\/th(?=\/)/, '');
  if (path.startsWith('/_actions/')) return path.slice('/_actions/'.length).toLowerCase();
  const param = new URLSearchParams(search).get('_action');
  return param ? param.toLowerCase() : null;
}

/** The body size limit, in bytes, for a request to this path and query string. */
export function bodyLimitFor(pathname: string, search = ''): number {
  const path = safeDecode(pathname).replace(/^\/th(?=\/)/, '').replace(/\/+$/, '');
  const action = actionNameOf(pathname, search);
  if (action !== null) {
    if (action.startsWith('import.')) return IMPORT_BODY_LIMIT;
    if (action.startsWith('assessments.') || action.startsWith('indicators.')) return ASSESSMENT_FORM_BODY_LIMIT;
    return ACCOUNT_BODY_LIMIT;
  }
  if (path === '/login' || path === '/logout') return SIGN_IN_BODY_LIMIT;
  if (path.startsWith('/api/v1/assessments')) return API_WRITE_BODY_LIMIT;
  return DEFAULT_BODY_LIMIT;
}

/** The refusal's sentence, the same from the server and the middleware. */
export function bodyTooLargeMessage(limit: number): string {
  const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`;
  return `The request body is larger than this address accepts (${size}: ${limit} bytes).`;
}

/** The HTTP methods the site answers; anything else (TRACE, CONNECT, …) gets 405. */
export const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
