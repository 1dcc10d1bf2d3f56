/** GET /api/v1/commitments. */
import type { APIContext } from 'astro';
import { getInstrument } from '../../server/queries/instruments';
import { listCommitments } from '../../server/queries/open-data';
import { ApiError, sendJson } from '../http';
import { parseQuery } from '../params';
import { presentCommitment } from '../present';
import { CommitmentList, CommitmentsQuery } from '../schemas';

/** Commitments, optionally of one instrument and/or theme. */
export async function getCommitmentsResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(CommitmentsQuery, url.searchParams);
  const instrument = query.instrument?.toLowerCase();
  if (instrument && !(await getInstrument(db, instrument))) throw new ApiError(400, `instrument: no instrument with slug "${query.instrument}"`, 'instrument');
  const rows = await listCommitments(db, { instrumentSlug: instrument, theme: query.theme });
  return sendJson(request, CommitmentList, { data: rows.map(presentCommitment) });
}
