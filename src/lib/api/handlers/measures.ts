/**
 * GET /api/v1/measures and /api/v1/measures/{id}: the published measures register. The list
 * is ordered by (`published_at`, `id`) with a keyset cursor, as the assessment list is.
 */
import type { APIContext } from 'astro';
import { eq } from 'drizzle-orm';
import { commitments } from '../../../../db/schema';
import { getMeasure, getMeasureChildren, getMeasureLinks, listPublishedMeasures, type MeasureLink, type MeasureRecord, type MeasureSourceRecord, type MeasureStepRecord } from '../../server/queries/measures';
import { getParty } from '../../server/queries/parties';
import type { Executor } from '../../server/audit';
import { decodeMeasureCursor, encodeMeasureCursor } from '../cursor';
import { ApiError, sendJson } from '../http';
import { parseQuery } from '../params';
import { API_BASE, localized } from '../present';
import { MeasureDetailBody, MeasurePage, MeasuresQuery, type MeasureBody } from '../schemas';

/** A measure in the API's shape. */
export function presentMeasure(m: MeasureRecord, steps: MeasureStepRecord[], sources: MeasureSourceRecord[], links: MeasureLink[]): MeasureBody {
  return {
    id: m.id,
    party: m.partySlug,
    kind: m.kind,
    title: localized(m.titleEn, m.titleTh),
    titleOriginal: m.titleOriginal,
    originalLanguage: m.originalLanguage,
    summary: localized(m.summaryEn, m.summaryTh),
    currentStep: m.currentStep,
    disputed: m.disputedEn ? localized(m.disputedEn, m.disputedTh) : null,
    steps: steps.map((s) => ({
      step: s.step,
      date: s.date,
      source: { url: s.sourceUrl, title: s.sourceTitle, publisher: s.sourcePublisher, confidence: s.confidence, checkedOn: s.checkedOn, note: s.note },
    })),
    sources: sources.map((s) => ({ role: s.role, url: s.url, title: s.title, publisher: s.publisher, confidence: s.confidence, checkedOn: s.checkedOn, note: s.note })),
    commitments: links.map((l) => ({ code: l.commitmentCode, instrument: l.instrumentSlug, extent: l.extent, note: l.noteEn ? localized(l.noteEn, l.noteTh) : null })),
    publishedAt: m.publishedAt,
    links: { self: `${API_BASE}/measures/${m.id}`, html: `/measures/${m.id}` },
  };
}

/** The given measures with their children, in the API's shape and the given order. */
export async function presentMeasures(db: Executor, rows: MeasureRecord[]): Promise<MeasureBody[]> {
  const ids = rows.map((m) => m.id);
  const [{ steps, sources }, links] = await Promise.all([getMeasureChildren(db, ids), getMeasureLinks(db, ids)]);
  const stepsBy = Map.groupBy(steps, (s) => s.measureId);
  const sourcesBy = Map.groupBy(sources, (s) => s.measureId);
  const linksBy = Map.groupBy(links, (l) => l.measureId);
  return rows.map((m) => presentMeasure(m, stepsBy.get(m.id) ?? [], sourcesBy.get(m.id) ?? [], linksBy.get(m.id) ?? []));
}

/** One page of published measures matching the filters. */
export async function getMeasuresResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(MeasuresQuery, url.searchParams);
  const after = query.cursor ? decodeMeasureCursor(query.cursor) : undefined;
  const party = query.party?.toLowerCase();
  const commitment = query.commitment?.toUpperCase();
  if (party && !(await getParty(db, party))) throw new ApiError(400, `party: no party with code "${query.party!.slice(0, 40)}"`, 'party');
  if (commitment && (await db.select({ code: commitments.code }).from(commitments).where(eq(commitments.code, commitment))).length === 0) {
    throw new ApiError(400, `commitment: no commitment with code "${query.commitment!.slice(0, 40)}"`, 'commitment');
  }
  const rows = await listPublishedMeasures(db, { partySlug: party, commitmentCode: commitment, kind: query.kind, after }, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeMeasureCursor({ publishedAt: last.publishedAt, id: last.id }) : null;
  return sendJson(request, MeasurePage, { data: await presentMeasures(db, page), nextCursor });
}

/** One published measure, or 404. */
export async function getMeasureResponse({ locals, params, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const id = (params.id ?? '').toLowerCase();
  const detail = /^[a-z0-9-]{1,120}$/.test(id) ? await getMeasure(db, id) : null;
  if (!detail) throw new ApiError(404, `No published measure with id "${(params.id ?? '').slice(0, 80)}"`, 'id');
  return sendJson(request, MeasureDetailBody, { data: presentMeasure(detail.measure, detail.steps, detail.sources, detail.links) });
}
