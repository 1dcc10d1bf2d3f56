/** Sign-out: POST only (a form button in the workspace header); ends the session on the server. */
import type { APIRoute } from 'astro';
import { appendAudit, writeTransaction } from '../lib/server/audit';
import { deleteSessionCookie } from '../lib/server/auth/cookie';
import { clientIp } from '../lib/server/auth/guard';
import { invalidateSession } from '../lib/server/auth/session';

export const POST: APIRoute = async (context) => {
  const { locals, cookies, url } = context;
  const { session, user } = locals;
  if (session && user) {
    await writeTransaction(locals.db, async (tx) => {
      await invalidateSession(tx, session.id);
      await appendAudit(tx, {
        actorId: user.id,
        actorLabel: user.email,
        action: 'auth.logout',
        entityType: 'user',
        entityId: user.id,
        after: { sessionId: session.id },
        ip: clientIp(context),
      });
    });
  }
  deleteSessionCookie(cookies, url.protocol === 'https:');
  return context.redirect('/login', 303);
};

/** A link or a prefetch must not sign anyone out. */
export const ALL: APIRoute = () =>
  new Response('Sign out with the button in the workspace header (POST /logout).', {
    status: 405,
    headers: { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' },
  });
