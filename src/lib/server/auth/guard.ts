/**
 * For pages and endpoints: who is asking, and refusing them with an audit row. Use at the
 * top of every protected page: `const user = await requireSignIn(Astro); if (user instanceof
 * Response) return user;`.
 */
import type { Role } from '../../../domain/vocabulary';
import { appendAudit } from '../audit';
import type { AuthUser } from './auth-user';

/** What these helpers need from `Astro` or an endpoint's context. */
export interface RequestContext {
  locals: App.Locals;
  url: URL;
  request: Request;
  originPathname?: string;
  redirect(path: string, status?: 301 | 302 | 303 | 307 | 308 | 300 | 304): Response;
}

/** The client's address, or null when the adapter cannot tell. */
export function clientIp(context: { clientAddress?: string }): string | null {
  try {
    return context.clientAddress ?? null;
  } catch {
    return null;
  }
}

/** Writes a refused request to the audit log, once per request (the first layer to refuse it names the reason). */
export async function auditRefusal(
  context: Pick<RequestContext, 'locals' | 'url' | 'request' | 'originPathname'> & { clientAddress?: string },
  reason: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  if (context.locals.refusalAudited) return;
  context.locals.refusalAudited = true;
  const user = context.locals.user ?? null;
  await appendAudit(context.locals.db, {
    actorId: user?.id ?? null,
    actorLabel: user?.email ?? 'anonymous',
    action: 'auth.refused',
    entityType: 'request',
    entityId: `${context.request.method} ${context.originPathname ?? context.url.pathname}`,
    after: { reason, ...details },
    ip: clientIp(context),
  });
}

/** The signed-in user, or (audited) a redirect to the sign-in page that comes back here. */
export async function requireSignIn(context: RequestContext & { clientAddress?: string }): Promise<AuthUser | Response> {
  const user = context.locals.user;
  if (user) return user;
  await auditRefusal(context, 'signed_out');
  const here = `${context.originPathname ?? context.url.pathname}${context.url.search}`;
  // Slashes stay readable (`/login?next=/workspace`); they are allowed in a query string.
  return context.redirect(`/login?next=${encodeURIComponent(here).replace(/%2F/g, '/')}`, 302);
}

/** The signed-in user if they hold one of `roles`; else a redirect to sign in, or an audited 403. */
export async function requireRole(context: RequestContext & { clientAddress?: string }, roles: readonly Role[]): Promise<AuthUser | Response> {
  const user = await requireSignIn(context);
  if (user instanceof Response) return user;
  if (user.roles.some((role) => roles.includes(role))) return user;
  await auditRefusal(context, 'missing_role', { required: roles });
  return new Response('You do not have permission to do this.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
