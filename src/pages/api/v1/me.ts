/**
 * GET /api/v1/me: who a session cookie or personal API token stands for (staff tools use it
 * to check a token). 401 with a JSON error, audited, when neither is valid.
 */
import type { APIRoute } from 'astro';
import { auditRefusal } from '../../../lib/server/auth/guard';

const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export const GET: APIRoute = async (context) => {
  const user = context.locals.user;
  if (!user) {
    await auditRefusal(context, 'signed_out');
    return new Response(JSON.stringify({ error: { message: 'Authenticate with a session cookie or an API token (Authorization: Bearer <token>).', field: null } }), {
      status: 401,
      headers: { ...headers, 'www-authenticate': 'Bearer' },
    });
  }
  return new Response(JSON.stringify({ id: user.id, email: user.email, name: user.name, roles: user.roles, parties: user.parties.map((p) => p.toUpperCase()) }), { status: 200, headers });
};
