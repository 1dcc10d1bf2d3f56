/**
 * `GET /workspace/import/progress?id=…`: how far the CSV apply posted with that progress id
 * has got, as JSON `{done, total, phase}`, for the import page's script. Only the signed-in
 * editor who posted that apply may read it (401 signed out, 403 anyone else, audited); 404
 * for an id this server process does not hold (unknown, expired, or another app server's).
 */
import type { APIRoute } from 'astro';
import { isProgressId, readProgress } from '../../../lib/server/assessments/import-progress';
import { auditRefusal } from '../../../lib/server/auth/guard';

const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' };

const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers });
const error = (status: number, message: string, field: string | null = null) => answer({ error: { message, field } }, status);

export const GET: APIRoute = async (context) => {
  const user = context.locals.user;
  if (!user) {
    await auditRefusal(context, 'signed_out');
    return error(401, 'Sign in first.');
  }
  if (!user.roles.includes('editor') && !user.roles.includes('analyst')) {
    await auditRefusal(context, 'missing_role', { required: ['editor', 'analyst'] });
    return error(403, 'Only editors and analysts import assessments.');
  }
  const id = context.url.searchParams.get('id');
  if (!isProgressId(id)) return error(400, 'The progress id must be 16 to 64 letters, digits, "-" or "_".', 'id');
  const progress = readProgress(id, user.id);
  if (progress === 'forbidden') {
    await auditRefusal(context, 'not_owner', { via: 'import_progress' });
    return error(403, 'This import was started by someone else.');
  }
  if (progress === null) return error(404, 'No import with this id is running on this server, or it ended more than a few minutes ago.', 'id');
  return answer(progress);
};
