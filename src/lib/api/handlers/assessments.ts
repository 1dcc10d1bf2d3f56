/**
 * GET /api/v1/assessments: published assessments, page by page. The order is
 * (`published_at`, `id`) and the cursor is the last position sent, so walking the pages
 * never skips or repeats a row, even while new assessments are published: those sort after
 * every row that already existed.
 */
import type { APIContext } from 'astro';
import { getInstrument } from '../../server/queries/instruments';
import { listPublishedAssessments } from '../../server/queries/open-data';
import { getParty } from '../../server/queries/parties';
import { getEvidence } from '../../server/queries/scorecard';
import { getCitedMeasures } from '../../server/queries/measures';
import { decodeCursor, encodeCursor } from '../cursor';
import { ApiError, sendJson } from '../http';
import { parseQuery } from '../params';
import { localized, presentEvidence } from '../present';
import { AssessmentPage, AssessmentsQuery } from '../schemas';

/** One page of published assessments matching the filters. */
export async function getAssessmentsResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(AssessmentsQuery, url.searchParams);
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const party = query.party?.toLowerCase();
  const instrument = query.instrument?.toLowerCase();
  if (party && !(await getParty(db, party))) throw new ApiError(400, `party: no party with code "${query.party}"`, 'party');
  if (instrument && !(await getInstrument(db, instrument))) throw new ApiError(400, `instrument: no instrument with slug "${query.instrument}"`, 'instrument');

  const rows = await listPublishedAssessments(
    db,
    { partySlug: party, instrumentSlug: instrument, theme: query.theme, status: query.status, since: query.since, asOf: query.as_of, after },
    query.limit + 1,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ publishedAt: last.publishedAt, id: last.id }) : null;
  const evidenceBy = Map.groupBy(await getEvidence(db, page.map((a) => a.id)), (e) => e.assessmentId);
  const citedBy = Map.groupBy(await getCitedMeasures(db, page.map((a) => a.id)), (m) => m.assessmentId);

  return sendJson(request, AssessmentPage, {
    data: page.map((a) => ({
      id: a.id,
      party: a.partySlug,
      commitment: a.commitmentCode,
      instrument: a.instrumentSlug,
      theme: a.theme,
      status: a.status,
      assessor: a.assessor,
      asOf: a.asOf,
      publishedAt: a.publishedAt,
      confidence: a.confidence,
      narrative: localized(a.narrativeEn, a.narrativeTh),
      evidence: (evidenceBy.get(a.id) ?? []).map(presentEvidence),
      measures: (citedBy.get(a.id) ?? []).map((m) => m.id),
    })),
    nextCursor,
  });
}
