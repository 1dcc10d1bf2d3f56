/** The HTTP answer for a party's assessment spreadsheet, shared by the two export routes. */
import { canReadWorkspace } from '../../../domain/permissions';
import { todayIso } from '../../../domain/dates';
import { auditRefusal, requireSignIn, type RequestContext } from '../auth/guard';
import { exportPartyAssessmentsCsv } from './spreadsheet';

/** The CSV download for `code` (any case), for any signed-in staff member; 404 for an unknown party. */
export async function exportResponse(context: RequestContext & { clientAddress?: string }, code: string | null | undefined): Promise<Response> {
  const user = await requireSignIn(context);
  if (user instanceof Response) return user;
  const decision = canReadWorkspace(user);
  if (!decision.allowed) {
    await auditRefusal(context, 'missing_role', { required: 'any staff role' });
    return new Response(decision.reason, { status: decision.status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const slug = (code ?? '').trim().toLowerCase();
  const csv = /^[a-z0-9-]{2,40}$/.test(slug) ? await exportPartyAssessmentsCsv(context.locals.db, slug) : null;
  if (csv === null) {
    return new Response(`There is no party "${(code ?? '').slice(0, 40)}". Use a party code such as THA or an organisation slug such as asean.`, {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${slug.toUpperCase()}-assessments-${todayIso()}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
