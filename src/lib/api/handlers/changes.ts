/**
 * "What changed" between two dates for a party, an instrument, or everything (every party and
 * instrument: a delegate's briefing): the request checks shared by the /changes page and
 * GET /api/v1/changes, and the report both show (src/domain/changes.ts).
 */
import type { APIContext } from 'astro';
import type { Database } from '../../../../db/client';
import { diffChanges, type ChangeReport } from '../../../domain/changes';
import type { Locale } from '../../../i18n/locales';
import { isIsoDate, todayIso } from '../../../domain/dates';
import { reuseText, type ReuseKey } from '../../../i18n/reuse-strings';
import { fill, readDateParam } from '../../request-params';
import { getChangeHistory, getRecordedSteps, getScopeApplicability, type ChangeScope } from '../../server/queries/changes';
import { getInstrument, type InstrumentRecord } from '../../server/queries/instruments';
import { getParty, type PartyRecord } from '../../server/queries/parties';
import { presentEvidence } from '../present';
import { Changes, type ChangesBody } from '../schemas';
import { ApiError, sendJson } from '../http';

/** A request the view cannot answer: the parameter at fault and a message key with its values. */
export interface ChangesProblem {
  field: 'party' | 'instrument' | 'from' | 'to';
  key: ReuseKey;
  values: Record<string, string>;
}

/** A checked request: one existing party or instrument, or neither (everything), and two real dates in order. */
export interface ChangesRequest {
  party: PartyRecord | null;
  instrument: InstrumentRecord | null;
  from: string;
  to: string;
}

const clip = (value: string) => value.slice(0, 40);

/** Checks the query string (on Thai pages a Buddhist-era year counts); unknown codes are looked up in the database. */
export async function readChangesRequest(
  db: Database,
  params: URLSearchParams,
  today: string = todayIso(),
  locale: Locale = 'en',
): Promise<{ request: ChangesRequest } | { problem: ChangesProblem }> {
  const partyCode = params.get('party')?.trim() ?? '';
  const instrumentSlug = params.get('instrument')?.trim() ?? '';
  const from = readDateParam(params.get('from') ?? '', locale);
  const to = readDateParam(params.get('to') ?? '', locale) || today;
  if (partyCode !== '' && instrumentSlug !== '') return { problem: { field: 'instrument', key: 'changes.err.scope', values: {} } };
  if (from === '') return { problem: { field: 'from', key: 'changes.err.fromMissing', values: {} } };
  if (!isIsoDate(from)) return { problem: { field: 'from', key: 'changes.err.date', values: { value: clip(from) } } };
  if (!isIsoDate(to)) return { problem: { field: 'to', key: 'changes.err.date', values: { value: clip(to) } } };
  if (from > to) return { problem: { field: 'from', key: 'changes.err.order', values: { from, to } } };
  if (partyCode) {
    const party = partyCode.length <= 100 ? await getParty(db, partyCode.toLowerCase()) : null;
    if (!party) return { problem: { field: 'party', key: 'changes.err.party', values: { value: clip(partyCode) } } };
    return { request: { party, instrument: null, from, to } };
  }
  if (instrumentSlug === '') return { request: { party: null, instrument: null, from, to } };
  const instrument = instrumentSlug.length <= 100 ? await getInstrument(db, instrumentSlug.toLowerCase()) : null;
  if (!instrument) return { problem: { field: 'instrument', key: 'changes.err.instrument', values: { value: clip(instrumentSlug) } } };
  return { request: { party: null, instrument, from, to } };
}

/** The report for a checked request: bounded reads (what the window touched), then the pure diff. */
export async function buildChangeReport(db: Database, request: ChangesRequest): Promise<ChangeReport> {
  const scope: ChangeScope = request.party ? { partySlug: request.party.slug } : request.instrument ? { instrumentSlug: request.instrument.slug } : { everything: true };
  const [history, steps] = await Promise.all([getChangeHistory(db, scope, request.from, request.to), getRecordedSteps(db, scope, request.from, request.to)]);
  const touched = [...new Set(history.window.map((a) => a.partySlug))];
  const applicable = await getScopeApplicability(db, scope, touched);
  return diffChanges({ from: request.from, to: request.to, applicable, ...history, steps, includeOverall: request.instrument === null });
}

/** The report as the API sends it. */
export function presentChanges(request: ChangesRequest, report: ChangeReport): ChangesBody {
  return {
    data: {
      party: request.party?.slug ?? null,
      instrument: request.instrument?.slug ?? null,
      from: report.from,
      to: report.to,
      scoreChanges: report.scoreChanges.map((c) => ({ party: c.partySlug, instrument: c.instrumentSlug, assessor: c.assessor, before: c.before, after: c.after })),
      statusChanges: report.statusChanges.map((c) => ({
        party: c.partySlug,
        commitment: c.commitmentCode,
        assessor: c.assessor,
        before: c.before,
        after: c.after,
        previousAssessmentId: c.previousAssessmentId,
        assessmentId: c.assessmentId,
        asOf: c.asOf,
      })),
      newEvidence: report.newEvidence.map((e) => ({
        party: e.partySlug,
        commitment: e.commitmentCode,
        assessor: e.assessor,
        assessmentId: e.assessmentId,
        asOf: e.asOf,
        evidence: presentEvidence({ ...e.evidence, assessmentId: e.assessmentId }),
      })),
      changedEvidence: report.changedEvidence.map((e) => ({
        party: e.partySlug,
        commitment: e.commitmentCode,
        assessor: e.assessor,
        assessmentId: e.assessmentId,
        asOf: e.asOf,
        before: presentEvidence({ ...e.before, assessmentId: e.assessmentId }),
        after: presentEvidence({ ...e.after, assessmentId: e.assessmentId }),
      })),
      steps: report.steps.map((s) => ({ kind: s.kind, party: s.partySlug, instrument: s.instrumentSlug, step: s.step, on: s.on, source: s.sourceUrl === null ? null : { url: s.sourceUrl, publisher: s.sourcePublisher ?? '' } })),
    },
  };
}

/** GET /api/v1/changes. */
export async function getChangesResponse({ locals, url, request }: APIContext): Promise<Response> {
  const checked = await readChangesRequest(locals.db, url.searchParams);
  if ('problem' in checked) {
    const { field, key, values } = checked.problem;
    throw new ApiError(400, `${field}: ${fill(reuseText('en', key), values)}`, field);
  }
  const report = await buildChangeReport(locals.db, checked.request);
  return sendJson(request, Changes, presentChanges(checked.request, report));
}
