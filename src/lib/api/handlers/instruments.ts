/** GET /api/v1/instruments and /api/v1/instruments/{slug}: entry into force computed by computeEntryIntoForce, as on the pages. */
import type { APIContext } from 'astro';
import { getInstrumentCommitments, getInstrumentDomesticSteps, getInstrumentParticipations } from '../../server/queries/instrument-dashboard';
import { getEntryIntoForce, getInstrument, listInstruments } from '../../server/queries/instruments';
import { getInstrumentCounts } from '../../server/queries/open-data';
import { ApiError, sendJson } from '../http';
import { parseQuery, resolveAsOf } from '../params';
import { localized, presentCommitment, presentEntryIntoForce, presentInstrument, presentSource, presentStatements } from '../present';
import { AsOfQuery, InstrumentDetail, InstrumentList } from '../schemas';

/** GET /api/v1/instruments: every instrument with where it stands on entry into force on `as_of`. */
export async function getInstrumentsResponse({ locals, url, request }: APIContext): Promise<Response> {
  const { db } = locals;
  const asOf = resolveAsOf(parseQuery(AsOfQuery, url.searchParams).as_of);
  const [instruments, counts] = await Promise.all([listInstruments(db), getInstrumentCounts(db)]);
  const data = await Promise.all(
    instruments.map(async (instrument) => ({
      ...presentInstrument(instrument),
      entryIntoForce: presentEntryIntoForce(await getEntryIntoForce(db, instrument, asOf)),
      commitmentCount: counts.get(instrument.slug)?.commitments ?? 0,
      partyCount: counts.get(instrument.slug)?.parties ?? 0,
    })),
  );
  return sendJson(request, InstrumentList, { asOf, data });
}

/** GET /api/v1/instruments/{slug}: one instrument with its parties' actions and commitments. */
export async function getInstrumentResponse({ locals, url, request, params }: APIContext): Promise<Response> {
  const { db } = locals;
  const query = parseQuery(AsOfQuery, url.searchParams);
  const slug = params.slug ?? '';
  const instrument = await getInstrument(db, slug.toLowerCase());
  if (!instrument) throw new ApiError(404, `No instrument with slug "${slug.slice(0, 80)}"`, 'slug');
  const asOf = resolveAsOf(query.as_of);
  const [commitments, actions, steps, eif] = await Promise.all([
    getInstrumentCommitments(db, instrument.slug),
    getInstrumentParticipations(db, instrument.slug, asOf),
    getInstrumentDomesticSteps(db, instrument.slug, asOf),
    getEntryIntoForce(db, instrument, asOf),
  ]);
  return sendJson(request, InstrumentDetail, {
    data: {
      instrument: presentInstrument(instrument),
      asOf,
      entryIntoForce: presentEntryIntoForce(eif),
      participations: actions.map((a) => ({
        party: a.partySlug,
        name: localized(a.nameEn, a.nameTh),
        kind: a.kind,
        action: a.action,
        actedOn: a.actedOn,
        reservations: presentStatements(a.reservations),
        declarations: presentStatements(a.declarations),
        notificationRef: a.notificationRef,
        source: presentSource(a),
      })),
      domesticSteps: steps.map((d) => ({
        party: d.partySlug,
        step: d.step,
        takenOn: d.takenOn,
        summary: localized(d.summaryEn, d.summaryTh),
        source: presentSource(d),
      })),
      commitments: commitments.map(presentCommitment),
    },
  });
}
