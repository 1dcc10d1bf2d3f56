/**
 * The cheap scorecard render stays exact: on one database handle (so the per-process memo of
 * reference data is warm from the render before), after each write the scorecard's figures
 * equal a computation from scratch out of the history (`assessments`, `evidence`) and the
 * reference tables, read without the memo, without `current_assessments` and without any
 * derived table. Writes: a publication, a return, a treaty action recorded and then removed
 * (reference data, in one transaction each), and a past day's view (which reads the history).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessmentMeasures, assessments, commitments, evidence, instruments, measureSources, measures, participations } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { assessmentBasis, countBases } from '../../src/domain/basis';
import { addDays, endOfDayIso, todayIso } from '../../src/domain/dates';
import { scoreParty, STATUS_VALUE, type ScoredAssessment } from '../../src/domain/scoring';
import { ASSESSORS } from '../../src/domain/vocabulary';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { writeTransaction } from '../../src/lib/server/audit';
import { getApplicableCommitments, getCountingAssessments } from '../../src/lib/server/queries/scorecard';
import { BRIEF_LIST_LIMIT, MOVED_WINDOW_DAYS, buildScorecardView } from '../../src/lib/server/views/scorecard';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-npl', email: 'editor@example.gov.np', name: 'Editor', roles: ['editor', 'analyst'], parties: ['npl', 'tha'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };
const today = todayIso();

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

/** The latest published assessment per commitment and assessor shown on `asOf`, from every published row of the party. */
async function countingFromHistory(party: string, asOf: string): Promise<ScoredAssessment[]> {
  const rows = await db
    .select({ id: assessments.id, commitmentCode: assessments.commitmentCode, status: assessments.status, assessor: assessments.assessor, asOf: assessments.asOf, publishedAt: assessments.publishedAt })
    .from(assessments)
    .where(and(eq(assessments.partySlug, party), eq(assessments.state, 'published')));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.asOf > asOf || (row.publishedAt ?? row.asOf) > endOfDayIso(asOf)) continue;
    const key = `${row.commitmentCode}|${row.assessor}`;
    const held = latest.get(key);
    const later = !held || row.asOf > held.asOf || (row.asOf === held.asOf && ((row.publishedAt ?? '') > (held.publishedAt ?? '') || (row.publishedAt === held.publishedAt && row.id > held.id)));
    if (later) latest.set(key, row);
  }
  return [...latest.values()].map((r) => ({ ...r, partySlug: party }));
}

/** Commitments with any published assessment dated in the briefing's window and shown on `asOf`, from every published row. */
async function movedFromHistory(party: string, asOf: string): Promise<number> {
  const rows = await db.select({ code: assessments.commitmentCode, asOf: assessments.asOf, publishedAt: assessments.publishedAt }).from(assessments).where(and(eq(assessments.partySlug, party), eq(assessments.state, 'published')));
  const since = addDays(asOf, -MOVED_WINDOW_DAYS);
  return new Set(rows.filter((r) => r.asOf > since && r.asOf <= asOf && (r.publishedAt ?? r.asOf) <= endOfDayIso(asOf)).map((r) => r.code)).size;
}

/** The commitments that apply to the party, from the reference tables directly (src/domain/applicability.ts's rule). */
async function applicableFromReference(party: string) {
  const joined = (await db.selectDistinct({ slug: participations.instrumentSlug }).from(participations).where(eq(participations.partySlug, party))).map((r) => r.slug);
  const kind = (await db.all<{ kind: string }>(sql`SELECT kind FROM parties WHERE slug = ${party}`))[0]!.kind;
  const binds = (k: string) => k === 'all' || k === (kind === 'state' ? 'states' : kind === 'company' ? 'companies' : '-');
  const all = await db.select().from(commitments).orderBy(commitments.instrumentSlug, commitments.sortOrder);
  return all.filter((c) => binds(c.partyKinds) && ((c.applicability === 'all_parties' && joined.includes(c.instrumentSlug)) || (c.applicability === 'party_pledge' && c.pledgePartySlug === party)));
}

/** What the scorecard states, computed from scratch. */
async function fromScratch(party: string, asOf: string) {
  const applicable = await applicableFromReference(party);
  const counting = await countingFromHistory(party, asOf);
  const scores = scoreParty(party, applicable, counting, asOf);
  const ids = counting.map((a) => a.id);
  const grades = ids.length ? await db.select({ id: evidence.assessmentId, grade: evidence.grade }).from(evidence).where(inArray(evidence.assessmentId, ids)) : [];
  const cited = ids.length
    ? await db
        .select({ id: assessmentMeasures.assessmentId, official: sql<number>`EXISTS (SELECT 1 FROM ${measureSources} s WHERE s.measure_id = ${measures.id} AND s.role = 'official')` })
        .from(assessmentMeasures)
        .innerJoin(measures, eq(measures.id, assessmentMeasures.measureId))
        .where(and(inArray(assessmentMeasures.assessmentId, ids), eq(measures.state, 'published')))
    : [];
  const basis = countBases(ids.map((id) => assessmentBasis(grades.filter((g) => g.id === id).map((g) => g.grade), cited.filter((c) => c.id === id).map((c) => ({ hasOfficialSource: Boolean(c.official) })))));
  const rated = scores.commitments.filter((s) => ASSESSORS.some((a) => s.byAssessor[a] && STATUS_VALUE[s.byAssessor[a].status] !== null)).length;
  const overall = Object.fromEntries(ASSESSORS.filter((a) => scores.byAssessor[a].overall.rated > 0).map((a) => [a, scores.byAssessor[a].overall]));
  const byInstrument = [...new Set(applicable.map((c) => c.instrumentSlug))].sort();
  return { applicableCodes: applicable.map((c) => c.code).sort(), countingIds: ids.sort((a, b) => a - b), rated, overall, basis, byInstrument, moved: await movedFromHistory(party, asOf) };
}

/** The same figures as the scorecard's view gives them (memo warm, derived tables read). */
async function fromView(party: string, asOf: string) {
  const view = (await buildScorecardView(db, party, { locale: 'en', asOf }))!;
  // Applicable: the assessed commitments (on every page of the list) and the unrated ones.
  const applicableCodes = [...view.pageOf.keys(), ...view.groups.flatMap((g) => g.unrated.map((c) => c.code))].sort();
  const counting = await getCountingAssessments(db, view.party.slug, asOf);
  return {
    applicableCodes,
    countingIds: counting.map((a) => a.id).sort((a, b) => a - b),
    rated: view.rated,
    overall: view.overall,
    basis: view.measures.basis,
    byInstrument: view.byInstrument.map((i) => i.slug).sort(),
    // The briefing names some of what moved and counts the rest.
    moved: view.brief.moved.length + view.brief.movedMore,
    view,
  };
}

async function expectExact(party: string, asOf: string = today) {
  const [scratch, shown] = [await fromScratch(party, asOf), await fromView(party, asOf)];
  const { view, ...figures } = shown;
  expect(figures).toEqual(scratch);
  return view;
}

function input(party: string, commitment: string, status: 'limited' | 'complete', asOf: string) {
  return assessmentInputSchema.parse({
    party,
    commitment,
    status,
    assessor: 'independent',
    asOf,
    narrative: 'A unit was set up and reported on its first cases.',
    evidence: [{ url: 'https://example.gov.np/report', title: 'Annual report', publisher: 'Government', grade: 'official' }],
  });
}

describe('a scorecard render after each write', () => {
  it('equals the computation from scratch: publication, return, a treaty action recorded and removed, a past day', async () => {
    await expectExact('tha');
    const before = await expectExact('npl');

    // A publication (one transaction: the row, current_assessments, the versions).
    const commitment = (await getApplicableCommitments(db, 'npl'))[0]!.code;
    const published = await createAssessment(db, editor, input('npl', commitment, 'complete', today));
    await submitAssessment(db, editor, published.id);
    await reviewAssessment(db, reviewer, published.id, 'publish', null);
    const afterPublication = await expectExact('npl');
    expect(afterPublication.rated).toBe(before.rated + (before.groups.some((g) => g.rated.some((c) => c.code === commitment)) ? 0 : 1));

    // A return changes nothing public.
    const returned = await createAssessment(db, editor, input('npl', commitment, 'limited', today));
    await submitAssessment(db, editor, returned.id);
    await reviewAssessment(db, reviewer, returned.id, 'return', 'Source does not say this.');
    expect((await expectExact('npl')).headline).toBe(afterPublication.headline);

    // A treaty action recorded (as an importer writes it): more commitments apply, at once.
    const joined = new Set((await db.select({ slug: participations.instrumentSlug }).from(participations).where(eq(participations.partySlug, 'npl'))).map((r) => r.slug));
    const candidates = await db.selectDistinct({ slug: commitments.instrumentSlug }).from(commitments).innerJoin(instruments, eq(instruments.slug, commitments.instrumentSlug)).where(and(eq(commitments.applicability, 'all_parties'), inArray(commitments.partyKinds, ['all', 'states'])));
    const extra = candidates.map((c) => c.slug).find((slug) => !joined.has(slug));
    expect(extra, 'the seed has an instrument Nepal has not joined').toBeDefined();
    await writeTransaction(db, async (tx) => {
      await tx.insert(participations).values({ partySlug: 'npl', instrumentSlug: extra!, action: 'signature', actedOn: today, sourceUrl: 'https://treaties.un.org/', sourcePublisher: 'UN Treaty Collection', confidence: 'confirmed' });
    });
    const widened = await expectExact('npl');
    expect(widened.applicable).toBeGreaterThan(afterPublication.applicable);

    // The action removed again (a correction): the commitments no longer apply, at once.
    await writeTransaction(db, async (tx) => {
      await tx.delete(participations).where(and(eq(participations.partySlug, 'npl'), eq(participations.instrumentSlug, extra!)));
    });
    expect((await expectExact('npl')).applicable).toBe(afterPublication.applicable);

    // A day before the publication: the current row is dated later, so the history is read.
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await expectExact('npl', yesterday);
  });

  it('counts what moved in the briefing window beyond the lines it names, and not what moved before it', async () => {
    const codes = (await getApplicableCommitments(db, 'tha')).map((c) => c.code);
    const inWindow = addDays(today, -10);
    const before = addDays(today, -(MOVED_WINDOW_DAYS + 10));
    // More commitments move than the briefing names (BRIEF_LIST_LIMIT); one moved only before the window.
    const plan = [...codes.slice(0, BRIEF_LIST_LIMIT + 3).map((code) => [code, inWindow] as const), [codes[BRIEF_LIST_LIMIT + 3]!, before] as const];
    for (const [code, day] of plan) {
      const row = await createAssessment(db, editor, input('tha', code, 'limited', day));
      await submitAssessment(db, editor, row.id);
      await reviewAssessment(db, reviewer, row.id, 'publish', null);
    }
    const view = await expectExact('tha');
    expect(view.brief.moved.length + view.brief.movedMore).toBeGreaterThanOrEqual(BRIEF_LIST_LIMIT + 3);
    expect(view.brief.movedMore).toBeGreaterThan(0);
    // A day inside the window, before these publications: the history decides.
    await expectExact('tha', addDays(today, -5));
  });
});
