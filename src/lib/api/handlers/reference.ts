/** GET /api/v1/indicators and /api/v1/conferences. */
import type { APIContext } from 'astro';
import { listConferencesWithParticipants, listIndicatorsWithValues } from '../../server/queries/open-data';
import { getParty } from '../../server/queries/parties';
import { ApiError, sendJson } from '../http';
import { parseQuery } from '../params';
import { localized, presentSource } from '../present';
import { ConferenceList, IndicatorList, IndicatorsQuery } from '../schemas';

/** Every indicator (optionally about one party) with its values. */
export async function getIndicatorsResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(IndicatorsQuery, url.searchParams);
  const party = query.party?.toLowerCase();
  if (party && !(await getParty(db, party))) throw new ApiError(400, `party: no party with code "${query.party}"`, 'party');
  const rows = await listIndicatorsWithValues(db, { partySlug: party });
  return sendJson(request, IndicatorList, {
    data: rows.map((i) => ({
      slug: i.slug,
      party: i.partySlug,
      name: localized(i.nameEn, i.nameTh),
      unit: i.unit,
      description: i.descriptionEn === null ? null : localized(i.descriptionEn, i.descriptionTh),
      values: i.values.map((v) => ({
        periodStart: v.periodStart,
        periodEnd: v.periodEnd,
        periodLabel: v.periodLabel,
        value: v.value,
        valueHigh: v.valueHigh,
        source: presentSource(v),
      })),
    })),
  });
}

/** Every conference with its participants and outcomes. */
export async function getConferencesResponse({ locals, request }: APIContext): Promise<Response> {
  const rows = await listConferencesWithParticipants(locals.db);
  return sendJson(request, ConferenceList, {
    data: rows.map((c) => ({
      slug: c.slug,
      name: localized(c.nameEn, c.nameTh),
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      place: localized(c.placeEn, c.placeTh),
      summary: localized(c.summaryEn, c.summaryTh),
      participantCount: c.participantCount,
      countryCount: c.countryCount,
      countNote: c.countNote,
      source: presentSource(c),
      participants: c.participants.map((p) => ({
        party: p.partySlug,
        name: localized(p.nameEn, p.nameTh),
        role: p.role,
        delegationLevel: p.delegationLevel,
        note: p.note,
      })),
      outcomes: c.outcomes,
    })),
  });
}
