/**
 * GET /api/v1/parties and /api/v1/parties/{code}. The scorecard reads exactly what the
 * party's page reads (getPartyScores, getEvidence, the entry-into-force queries), so that
 * the API and the page can never disagree on a number.
 */
import type { APIContext } from 'astro';
import type { Database } from '../../../../db/client';
import { partyEntryIntoForce } from '../../../domain/entry-into-force';
import { scoreStatuses, type AssessorScores } from '../../../domain/scoring';
import { ASSESSORS, PARTICIPATION_ACTIONS, THEMES, type Assessor } from '../../../domain/vocabulary';
import { getEntryIntoForce, getInstrument, listInstruments, ruleOf } from '../../server/queries/instruments';
import { getParty, getPartyParticipations, listParties } from '../../server/queries/parties';
import { getEvidence, getPartyScores, type PublishedAssessment } from '../../server/queries/scorecard';
import { getScoresByParty } from '../../server/derived-data';
import { ApiError, sendJson } from '../http';
import { parseQuery, resolveAsOf } from '../params';
import { localized, presentEvidence, presentParty, presentSource, presentStatements } from '../present';
import { AsOfQuery, PartiesQuery, PartyList, Scorecard, type ScorecardBody } from '../schemas';

/** GET /api/v1/parties: parties filtered like the /parties page, each with its overall scores on `as_of`. */
export async function getPartiesResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(PartiesQuery, url.searchParams);
  const asOf = resolveAsOf(query.as_of);
  const instrument = query.instrument?.toLowerCase();
  if (instrument && !(await getInstrument(db, instrument))) throw new ApiError(400, `instrument: no instrument with slug "${query.instrument}"`, 'instrument');
  const [parties, scores] = await Promise.all([
    listParties(db, { kind: query.kind, region: query.region, instrument }),
    getScoresByParty(db, { scope: 'overall' }, asOf),
  ]);
  const none = scoreStatuses([]);
  return sendJson(request, PartyList, {
    asOf,
    data: parties.map((p) => ({
      ...presentParty(p),
      overall: scores.get(p.slug) ?? { self_reported: none, independent: none },
    })),
  });
}

/** GET /api/v1/parties/{code}: the scorecard on `as_of`. */
export async function getScorecardResponse({ locals, url, request, params }: APIContext): Promise<Response> {
  const body = await buildScorecard(locals.db, params.code ?? '', url.searchParams);
  return sendJson(request, Scorecard, body);
}

/** The scorecard body: the same reads, in the same way, as src/pages/parties/[code].astro. */
export async function buildScorecard(db: Database, code: string, searchParams: URLSearchParams): Promise<ScorecardBody> {
  const query = parseQuery(AsOfQuery, searchParams);
  const party = await getParty(db, code.toLowerCase());
  if (!party) throw new ApiError(404, `No party with code "${code.slice(0, 40)}"`, 'code');
  const asOf = resolveAsOf(query.as_of);

  const [{ scores, commitments }, participationRows, instruments] = await Promise.all([
    getPartyScores(db, party.slug, asOf),
    getPartyParticipations(db, party.slug, asOf),
    listInstruments(db),
  ]);
  const order = new Map(instruments.map((i, index) => [i.slug, index]));
  participationRows.sort(
    (a, b) => (order.get(a.instrumentSlug) ?? 0) - (order.get(b.instrumentSlug) ?? 0) || PARTICIPATION_ACTIONS.indexOf(a.action) - PARTICIPATION_ACTIONS.indexOf(b.action),
  );
  const currentIds = scores.commitments.flatMap((c) => Object.values(c.byAssessor).map((a) => a.id));
  const evidenceBy = Map.groupBy(await getEvidence(db, currentIds), (e) => e.assessmentId);

  const joined = instruments.filter((i) => participationRows.some((p) => p.instrumentSlug === i.slug) || commitments.some((c) => c.instrumentSlug === i.slug));
  const entryIntoForce: ScorecardBody['data']['entryIntoForce'] = [];
  for (const instrument of joined) {
    const rule = ruleOf(instrument);
    const eif = rule ? await getEntryIntoForce(db, instrument, asOf) : null;
    if (rule && eif) {
      const forParty = partyEntryIntoForce(eif, rule, party.slug, asOf);
      entryIntoForce.push({ instrument: instrument.slug, status: forParty.status, inForceOn: forParty.date });
    }
  }

  const records = new Map(commitments.map((c) => [c.code, c]));
  const presentAssessment = (a: PublishedAssessment | undefined) =>
    a
      ? {
          id: a.id,
          status: a.status,
          assessor: a.assessor,
          asOf: a.asOf,
          publishedAt: a.publishedAt,
          confidence: a.confidence,
          narrative: localized(a.narrativeEn, a.narrativeTh),
          evidence: (evidenceBy.get(a.id) ?? []).map(presentEvidence),
        }
      : null;
  const presentScores = (s: AssessorScores) => ({
    overall: s.overall,
    byInstrument: instruments.filter((i) => s.byInstrument[i.slug]).map((i) => ({ instrument: i.slug, ...s.byInstrument[i.slug]! })),
    byTheme: THEMES.filter((theme) => s.byTheme[theme]).map((theme) => ({ theme, ...s.byTheme[theme]! })),
  });
  const byAssessor = <T>(make: (assessor: Assessor) => T) => Object.fromEntries(ASSESSORS.map((a) => [a, make(a)])) as Record<Assessor, T>;

  return {
    data: {
      party: presentParty(party),
      asOf: scores.asOf,
      methodologyVersion: scores.methodologyVersion,
      scores: byAssessor((a) => presentScores(scores.byAssessor[a])),
      participations: participationRows.map((p) => ({
        instrument: p.instrumentSlug,
        action: p.action,
        actedOn: p.actedOn,
        reservations: presentStatements(p.reservations),
        declarations: presentStatements(p.declarations),
        notificationRef: p.notificationRef,
        source: presentSource(p),
      })),
      entryIntoForce,
      commitments: scores.commitments.map((state) => {
        const record = records.get(state.commitment.code)!;
        return {
          code: record.code,
          instrument: record.instrumentSlug,
          reference: record.reference,
          title: localized(record.titleEn, record.titleTh),
          theme: record.theme,
          applicability: record.applicability,
          dueOn: record.dueOn,
          overdue: state.overdue,
          latestAssessmentId: state.latest?.id ?? null,
          current: byAssessor((a) => presentAssessment(state.byAssessor[a])),
        };
      }),
    },
  };
}
