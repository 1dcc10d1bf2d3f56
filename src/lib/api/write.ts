/**
 * HTTP plumbing of the staff write API. `handleWrite` wraps each handler: it refuses a
 * signed-out caller (401), holds back a user over the write limit (429 with Retry-After),
 * refuses a caller without the role the operation needs (403), and turns what the handler
 * throws into `{ "error": { "message", "field" } }` with its status (the service's
 * WorkspaceError, or a WriteError about the request itself). Refused authorisations, here
 * or in the service, are written to the audit log. Cross-site requests never get this far:
 * the middleware refuses them (src/lib/server/origin-check.ts).
 *
 * Request bodies are JSON objects of at most {@link WRITE_BODY_LIMIT} bytes, sent with
 * `Content-Type: application/json` (415 otherwise, 413 when larger, 400 when not JSON).
 */
import type { APIContext, APIRoute } from 'astro';
import type { z } from 'zod';
import { firstIssue } from '../../domain/assessment-input';
import type { Role } from '../../domain/vocabulary';
import type { Acting, AssessmentWithEvidence } from '../server/assessments/service';
import { assessmentToJson, WorkspaceError } from '../server/assessments/service';
import { auditRefusal, clientIp } from '../server/auth/guard';
import { checkWriteRateLimit } from '../server/write-rate-limit';
import { StaffAssessment, WRITE_BODY_LIMIT } from './schemas';


const JSON_TYPE = 'application/json; charset=utf-8';

/** A problem with the request itself (its body, type or path), with the status to answer. */
export class WriteError extends Error {
  constructor(
    readonly status: 400 | 404 | 405 | 413 | 415,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** A JSON error answer; never cached. `extra` goes inside `error` (e.g. `currentVersion`). */
export function writeErrorResponse(status: number, message: string, field: string | null = null, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { message, field, ...extra } }), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers },
  });
}

/** The assessment as JSON (checked against its published schema), with `status` 200 or 201. */
export function sendAssessment(status: 200 | 201, assessment: AssessmentWithEvidence): Response {
  const body = StaffAssessment.parse(assessmentToJson(assessment));
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' } });
}

/** Whether a Content-Type header names JSON in UTF-8 (the only charset JSON allows). */
function isJsonType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new WriteError(413, `the body is larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The request's JSON body. With `optional`, an empty body gives `undefined`; otherwise it is
 * a 400 (415 when it does not even claim to be JSON).
 */
export async function readJsonBody(request: Request, options: { optional?: boolean } = {}): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > WRITE_BODY_LIMIT) throw new WriteError(413, `the body is larger than ${WRITE_BODY_LIMIT} bytes`);
  const contentType = request.headers.get('content-type');
  const json = isJsonType(contentType);
  if (contentType !== null && !json) throw new WriteError(415, 'send the body as JSON with Content-Type: application/json');
  const bytes = await readLimited(request.body, WRITE_BODY_LIMIT);
  if (bytes.byteLength === 0) {
    if (options.optional) return undefined;
    if (!json) throw new WriteError(415, 'send a JSON object with Content-Type: application/json');
    throw new WriteError(400, 'the body is empty: send a JSON object');
  }
  if (!json) throw new WriteError(415, 'send the body as JSON with Content-Type: application/json');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new WriteError(400, 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new WriteError(400, 'the body is not valid JSON');
  }
}

/** `value` parsed with `schema`, or a 400 naming the first field at fault. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error);
  throw new WriteError(400, message, field);
}

/** The assessment id from the path, or a 404 (an id that cannot exist names no assessment). */
export function parseAssessmentId(raw: string | undefined): number {
  if (raw && /^[1-9][0-9]{0,14}$/.test(raw)) return Number(raw);
  throw new WriteError(404, `there is no assessment with id "${String(raw).slice(0, 40)}"`);
}

/** The 405 for a method a write route does not have. */
export function methodNotAllowed(allow: string): APIRoute {
  return () => writeErrorResponse(405, `use ${allow} here`, null, {}, { allow });
}

/**
 * Wraps a write handler: the caller must be signed in (401), within the write limit (429)
 * and hold one of `roles` (403); the handler's errors become JSON answers.
 */
export function handleWrite(roles: readonly Role[], handler: (context: APIContext, actor: Acting) => Promise<Response>): APIRoute {
  return async (context) => {
    const { locals } = context;
    const user = locals.user;
    if (!user) {
      await auditRefusal(context, 'signed_out');
      return writeErrorResponse(401, 'sign in first: send your session cookie or an API token (Authorization: Bearer …)', null, {}, { 'www-authenticate': 'Bearer' });
    }
    const limit = await checkWriteRateLimit(locals.db, user.id);
    if (limit.limited) {
      return writeErrorResponse(429, `too many writes: try again in ${limit.retryAfterSeconds} seconds`, null, {}, { 'retry-after': String(limit.retryAfterSeconds) });
    }
    if (!user.roles.some((role) => roles.includes(role))) {
      await auditRefusal(context, 'missing_role', { required: roles });
      return writeErrorResponse(403, `only ${roles.join(' or ')}s may do this`);
    }
    try {
      return await handler(context, { ...user, ip: clientIp(context) });
    } catch (error) {
      if (error instanceof WorkspaceError) {
        if (error.status === 401 || error.status === 403) await auditRefusal(context, 'forbidden', { message: error.message });
        return writeErrorResponse(error.status, error.message, error.field, error.details);
      }
      if (error instanceof WriteError) {
        // The rest of an oversized body is never read: the connection cannot carry another request.
        return writeErrorResponse(error.status, error.message, error.field, {}, error.status === 413 ? { connection: 'close' } : {});
      }
      console.error(`error: ${context.request.method} ${context.url.pathname}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return writeErrorResponse(500, 'Something went wrong on our side; the error has been logged.');
    }
  };
}
