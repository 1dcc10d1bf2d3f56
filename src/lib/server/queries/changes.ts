/**
 * Reads what the "what changed" view needs, and nothing more: the published assessments shown
 * on `to` but not on `from` (dated in the window, or published in it), the assessments that
 * counted on `from` for the parties those touch (one seek per current row, as the scorecards
 * read a past day), their evidence, and the steps parties recorded in the window.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import type { Applicable } from '../../../domain/aggregate';
import type { HistoryAssessment, RecordedStep } from '../../../domain/changes';
import { endOfDayIso } from '../../../domain/dates';
import type { Assessor, Status } from '../../../domain/vocabulary';
import { getApplicability } from './statuses';
import { countingId, getApplicableCommitments, getEvidence } from './scorecard';

/** One party's history, every party's history on one instrument's commitments, or everything. */
export type ChangeScope = { partySlug: string } | { instrumentSlug: string } | { everything: true };

/** The scope as a condition on an assessment-like row `alias` (party_slug, commitment_code). */
function scopeCondition(scope: ChangeScope, alias: string): SQL {
  const a = sql.raw(alias);
  if ('partySlug' in scope) return sql`${a}.party_slug = ${scope.partySlug}`;
  if ('instrumentSlug' in scope) return sql`${a}.commitment_code IN (SELECT k.code FROM commitments k WHERE k.instrument_slug = ${scope.instrumentSlug})`;
  // Every party: spelled as a list so that the party indexes are read party by party.
  return sql`${a}.party_slug IN (SELECT p.slug FROM parties p)`;
}

type Row = { id: number; party_slug: string; commitment_code: string; status: Status; assessor: Assessor; as_of: string; published_at: string | null };

const COLUMNS = sql.raw('a.id, a.party_slug, a.commitment_code, a.status, a.assessor, a.as_of, a.published_at');

const toAssessment = (r: Row) => ({
  id: r.id,
  partySlug: r.party_slug,
  commitmentCode: r.commitment_code,
  status: r.status,
  assessor: r.assessor,
  asOf: r.as_of,
  publishedAt: r.published_at,
});

/**
 * The published assessments in the scope shown on `to` and not on `from`: those published in
 * the window and dated by `to` (a range of `assessments_published_at_idx`), and those dated in
 * the window that were published earlier (readings dated ahead) or carry no stamp (which count
 * as published on their own date).
 */
async function getWindowRows(db: Database, scope: ChangeScope, from: string, to: string): Promise<Row[]> {
  // By party, the dates in the window are a range of the timeline index (party, state, as_of);
  // the planner would rather scan a covering index whole.
  const byParty = 'instrumentSlug' in scope ? sql`` : sql.raw('INDEXED BY assessments_party_timeline_idx');
  const [published, datedAhead] = await Promise.all([
    db.all<Row>(sql`
      SELECT ${COLUMNS} FROM assessments a
      WHERE a.state = 'published' AND a.published_at > ${endOfDayIso(from)} AND a.published_at <= ${endOfDayIso(to)}
        AND a.as_of <= ${to} AND ${scopeCondition(scope, 'a')}`),
    db.all<Row>(sql`
      SELECT ${COLUMNS} FROM assessments a ${byParty}
      WHERE ${scopeCondition(scope, 'a')} AND a.state = 'published' AND a.as_of > ${from} AND a.as_of <= ${to}
        AND (a.published_at IS NULL OR a.published_at <= ${endOfDayIso(from)})`),
  ]);
  return [...published, ...datedAhead];
}

/**
 * The assessments that counted on `from` for the given parties within the scope: for each of
 * their `current_assessments` rows, the one shown on `from` (see `countingId`).
 */
async function getRowsOn(db: Database, scope: ChangeScope, partySlugs: string[], from: string): Promise<Row[]> {
  if (partySlugs.length === 0) return [];
  const parties = sql.join(partySlugs.map((slug) => sql`${slug}`), sql`, `);
  return db.all<Row>(sql`
    SELECT ${COLUMNS} FROM current_assessments c
    JOIN assessments a ON a.id = ${countingId(from)}
    WHERE c.party_slug IN (${parties}) AND ${scopeCondition(scope, 'c')}`);
}

/** The assessments that counted on `from` (for every party with a change) and those shown on `to` but not on `from`, each with its evidence. */
export async function getChangeHistory(db: Database, scope: ChangeScope, from: string, to: string): Promise<{ before: HistoryAssessment[]; window: HistoryAssessment[] }> {
  const windowRows = await getWindowRows(db, scope, from, to);
  const touched = [...new Set(windowRows.map((r) => r.party_slug))].sort();
  const beforeRows = await getRowsOn(db, scope, touched, from);
  // Evidence decides what is new or changed only where something happened in the window.
  const keyOf = (r: Row) => `${r.party_slug}|${r.commitment_code}|${r.assessor}`;
  const windowKeys = new Set(windowRows.map(keyOf));
  const needEvidence = [...windowRows, ...beforeRows.filter((r) => windowKeys.has(keyOf(r)))].map((r) => r.id);
  const evidence = Map.groupBy(await getEvidence(db, [...new Set(needEvidence)]), (e) => e.assessmentId);
  const withEvidence = (r: Row): HistoryAssessment => ({
    ...toAssessment(r),
    evidence: (evidence.get(r.id) ?? []).map((e) => ({ id: e.id, url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn, grade: e.grade, confidence: e.confidence ?? null, checkedOn: e.checkedOn ?? null })),
  });
  return { before: beforeRows.map(withEvidence), window: windowRows.map(withEvidence) };
}

/**
 * Which commitments apply to which of `partySlugs` within the scope (the parties with a change:
 * a score can only move where an assessment did).
 */
export async function getScopeApplicability(db: Database, scope: ChangeScope, partySlugs: readonly string[]): Promise<Applicable[]> {
  if ('instrumentSlug' in scope) {
    const wanted = new Set(partySlugs);
    return (await getApplicability(db, { instrument: scope.instrumentSlug })).filter((a) => wanted.has(a.partySlug));
  }
  const slugs = 'partySlug' in scope ? [scope.partySlug] : partySlugs;
  const perParty = await Promise.all(
    slugs.map(async (slug) => (await getApplicableCommitments(db, slug)).map((c) => ({ partySlug: slug, commitmentCode: c.code, instrumentSlug: c.instrumentSlug, theme: c.theme }))),
  );
  return perParty.flat();
}

/** Reads one kind of recorded step dated in (`from`, `to`] within the scope. */
type StepSource = (db: Database, scope: ChangeScope, from: string, to: string) => Promise<RecordedStep[]>;

/** Treaty actions (signature, ratification, accession …) dated in the window. */
const getTreatyActionSteps: StepSource = async (db, scope, from, to) => {
  const where =
    'partySlug' in scope ? sql`t.party_slug = ${scope.partySlug}` : 'instrumentSlug' in scope ? sql`t.instrument_slug = ${scope.instrumentSlug}` : sql`1 = 1`;
  const rows = await db.all<{ party_slug: string; instrument_slug: string; action: string; acted_on: string; source_url: string | null; source_publisher: string | null }>(sql`
    SELECT t.party_slug, t.instrument_slug, t.action, t.acted_on, t.source_url, t.source_publisher
    FROM participations t
    WHERE ${where} AND t.acted_on > ${from} AND t.acted_on <= ${to}`);
  return rows.map((r) => ({ kind: 'treaty_action', partySlug: r.party_slug, instrumentSlug: r.instrument_slug, step: r.action, on: r.acted_on, sourceUrl: r.source_url, sourcePublisher: r.source_publisher }));
};

/**
 * Every kind of dated step the view lists. A new record of steps (e.g. a party's domestic
 * steps towards ratification) is one more function here.
 */
/** Domestic steps (cabinet approval, parliament, law signed …) dated in the window. */
const getDomesticSteps: StepSource = async (db, scope, from, to) => {
  const where =
    'partySlug' in scope ? sql`d.party_slug = ${scope.partySlug}` : 'instrumentSlug' in scope ? sql`d.instrument_slug = ${scope.instrumentSlug}` : sql`1 = 1`;
  const rows = await db.all<{ party_slug: string; instrument_slug: string; step: string; taken_on: string; source_url: string | null; source_publisher: string | null }>(sql`
    SELECT d.party_slug, d.instrument_slug, d.step, d.taken_on, d.source_url, d.source_publisher
    FROM domestic_steps d
    WHERE ${where} AND d.taken_on > ${from} AND d.taken_on <= ${to}`);
  return rows.map((r) => ({ kind: 'domestic_step', partySlug: r.party_slug, instrumentSlug: r.instrument_slug, step: r.step, on: r.taken_on, sourceUrl: r.source_url || null, sourcePublisher: r.source_publisher || null }));
};

const STEP_SOURCES: readonly StepSource[] = [getTreatyActionSteps, getDomesticSteps];

/** The steps parties recorded in (`from`, `to`] within the scope, of every kind. */
export async function getRecordedSteps(db: Database, scope: ChangeScope, from: string, to: string): Promise<RecordedStep[]> {
  return (await Promise.all(STEP_SOURCES.map((read) => read(db, scope, from, to)))).flat();
}
