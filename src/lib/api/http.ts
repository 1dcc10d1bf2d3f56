/**
 * HTTP plumbing of the open-data API: JSON bodies checked against their schema, errors as
 * `{ "error": { "message", "field" } }`, and caching (a strong ETag over the body, a 304 for
 * a matching `If-None-Match`; caches must revalidate before each reuse, so a newly published
 * assessment shows at once).
 */
import { createHash } from 'node:crypto';
import type { APIContext, APIRoute } from 'astro';
import type { z } from 'zod';
import { PUBLIC_CACHE_CONTROL } from '../server/http-cache';

/** Browsers and proxies may keep a response but must revalidate it (by ETag) before each reuse. */
export const CACHE_CONTROL = PUBLIC_CACHE_CONTROL;

/** The licence of the monitor's own data, sent as a `Link: <…>; rel="license"` header. */
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';

const JSON_TYPE = 'application/json; charset=utf-8';

/** A client error with the parameter at fault; `handleGet` turns it into a JSON response. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** A strong entity tag: the SHA-256 of the body, base64url. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * True when `If-None-Match` names `etag` (or is `*`). The comparison is the weak one, as
 * RFC 9110 asks for this header: a `W/` prefix a proxy may have added is ignored.
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

/** A cacheable 200 (or 304 when the client already holds this body). */
export function sendBody(request: Request, body: string | Uint8Array, contentType: string, extraHeaders: Record<string, string> = {}): Response {
  const etag = etagOf(body);
  const headers = new Headers({
    etag,
    'cache-control': CACHE_CONTROL,
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'etag, link',
    link: `<${LICENCE_URL}>; rel="license"`,
  });
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  headers.set('content-type', contentType);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), { status: 200, headers });
}

/**
 * Checks `value` against the endpoint's published schema and sends what the schema returns.
 * A mismatch is the server's fault: it is logged and answered with a 500, never sent.
 */
export function sendJson<S extends z.ZodType>(request: Request, schema: S, value: z.input<S>): Response {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`response does not match its schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return sendBody(request, JSON.stringify(parsed.data), JSON_TYPE);
}

/** An error body; errors are not cached. */
export function errorResponse(status: number, message: string, field: string | null = null): Response {
  return new Response(JSON.stringify({ error: { message, field } }), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', 'access-control-allow-origin': '*' },
  });
}

/** Wraps a GET handler: ApiErrors become 400/404 JSON, anything else a logged JSON 500. */
export function handleGet(handler: (context: APIContext) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      return await handler(context);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error.status, error.message, error.field);
      console.error(`error: ${context.url.pathname}: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(500, 'Something went wrong on our side; the error has been logged.');
    }
  };
}
