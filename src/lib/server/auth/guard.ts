/**
 * For pages and endpoints: who is asking, and refusing them with an audit row. Use at the
 * top of every protected page: `const user = await requireSignIn(Astro); if (user instanceof
 * Response) return user;`.
 */
import { and, eq, sql } from 'drizzle-orm';
import { auditRefusalWindows } from '../../../../db/schema';
import type { Role } from '../../../domain/vocabulary';
import { appendAudit, writeTransaction } from '../audit';
import type { AuthUser } from './auth-user';
import { localeFromPath, localizePath } from '../../../i18n/locales';

/** What these helpers need from `Astro` or an endpoint's context. */
export interface RequestContext {
  locals: App.Locals;
  url: URL;
  request: Request;
  originPathname?: string;
  redirect(path: string, status?: 301 | 302 | 303 | 307 | 308 | 300 | 304): Response;
  /** A page's `Astro.rewrite`: renders another route in place (the workspace's own 403 page). */
  rewrite?: (path: string) => Promise<Response>;
}

/** The client's address, or null when the adapter cannot tell. */
export function clientIp(context: { clientAddress?: string }): string | null {
  try {
    return context.clientAddress ?? null;
  } catch {
    return null;
  }
}

/** The longest text kept from a request header (an Origin, say) in an audit row, in UTF-8 bytes. */
export const AUDIT_HEADER_MAX_BYTES = 256;
/** Repeated refusals from one client for one reason and address within this window share one audit row. */
export const REFUSAL_WINDOW_MS = 60 * 1000;

/** `value` cut to at most {@link AUDIT_HEADER_MAX_BYTES} bytes of UTF-8 (whole characters), marked when cut. */
export function capHeaderValue(value: string): string {
  if (Buffer.byteLength(value) <= AUDIT_HEADER_MAX_BYTES) return value;
  let out = '';
  let bytes = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char);
    if (bytes + size > AUDIT_HEADER_MAX_BYTES - 3) break;
    out += char;
    bytes += size;
  }
  return `${out}…`;
}

function capDetails(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? capHeaderValue(value) : value]));
}

/**
 * Writes a refused request to the audit log, once per request (the first layer to refuse it
 * names the reason), and at most once per client, reason and address in each
 * {@link REFUSAL_WINDOW_MS}: later refusals in the window only raise the count kept beside
 * that row (`audit_refusal_windows`), so a flood of refused requests cannot fill the log.
 * Header values are cut to {@link AUDIT_HEADER_MAX_BYTES} bytes.
 */
export async function auditRefusal(
  context: Pick<RequestContext, 'locals' | 'url' | 'request' | 'originPathname'> & { clientAddress?: string },
  reason: string,
  details: Record<string, unknown> = {},
  now = Date.now(),
): Promise<void> {
  if (context.locals.refusalAudited) return;
  context.locals.refusalAudited = true;
  const user = context.locals.user ?? null;
  const ip = clientIp(context);
  const entityId = capHeaderValue(`${context.request.method} ${context.originPathname ?? context.url.pathname}`);
  const client = `${ip ?? 'unknown'}|${user?.id ?? 'anonymous'}`;
  const key = `${reason} ${entityId}`;
  const windowStart = now - (now % REFUSAL_WINDOW_MS);
  await writeTransaction(context.locals.db, async (tx) => {
    const repeated = await tx
      .update(auditRefusalWindows)
      .set({ count: sql`${auditRefusalWindows.count} + 1` })
      .where(and(eq(auditRefusalWindows.client, client), eq(auditRefusalWindows.reason, key), eq(auditRefusalWindows.windowStart, windowStart)));
    if (repeated.rowsAffected > 0) return;
    const row = await appendAudit(
      tx,
      {
        actorId: user?.id ?? null,
        actorLabel: user?.email ?? 'anonymous',
        action: 'auth.refused',
        entityType: 'request',
        entityId,
        after: { reason, ...capDetails(details), window: { start: new Date(windowStart).toISOString(), seconds: REFUSAL_WINDOW_MS / 1000 } },
        ip,
      },
      new Date(now),
    );
    await tx.insert(auditRefusalWindows).values({ client, reason: key, windowStart, auditId: row.id, count: 1 });
  });
}

/** The signed-in user, or (audited) a redirect to the sign-in page that comes back here. */
export async function requireSignIn(context: RequestContext & { clientAddress?: string }): Promise<AuthUser | Response> {
  const user = context.locals.user;
  if (user) return user;
  await auditRefusal(context, 'signed_out');
  const here = `${context.originPathname ?? context.url.pathname}${context.url.search}`;
  // Slashes stay readable (`/login?next=/workspace`); they are allowed in a query string.
  // A Thai page sends the person to the Thai sign-in page (`/th/login`), and so on.
  const login = localizePath(localeFromPath(context.originPathname ?? context.url.pathname), '/login');
  return context.redirect(`${login}?next=${encodeURIComponent(here).replace(/%2F/g, '/')}`, 302);
}

/** The signed-in user if they hold one of `roles`; else a redirect to sign in, or an audited 403. */
export async function requireRole(context: RequestContext & { clientAddress?: string }, roles: readonly Role[]): Promise<AuthUser | Response> {
  const user = await requireSignIn(context);
  if (user instanceof Response) return user;
  if (user.roles.some((role) => roles.includes(role))) return user;
  await auditRefusal(context, 'missing_role', { required: roles });
  // A page: the workspace's 403 page, in its layout and language, says which role is needed and whom to ask.
  if (context.rewrite && context.request.method === 'GET') {
    context.locals.forbiddenRoles = roles;
    return context.rewrite('/workspace/forbidden');
  }
  return new Response('You do not have permission to do this.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
