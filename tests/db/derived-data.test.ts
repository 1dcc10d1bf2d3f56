/**
 * The derived tables against the history they summarise: publishing moves exactly the rows it
 * should, in the publishing transaction; every derived row equals a recomputation; as_of reads
 * still answer from the history.
 */
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessmentMeasures, assessments, currentAssessments, dataVersions, evidence, measures, measureSources, parties, partyScores } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { todayIso } from '../../src/domain/dates';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { assessmentBasis } from '../../src/domain/basis';
import { scoreParty, type ScoredAssessment } from '../../src/domain/scoring';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { checkDerivedData, getPublishedCount, getScoresByParty, refreshPartyScores } from '../../src/lib/server/derived-data';
import { getApplicableCommitments, getCurrentAssessments } from '../../src/lib/server/queries/scorecard';
import { getLatestStatuses } from '../../src/lib/server/queries/statuses';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor', roles: ['editor', 'analyst'], parties: ['tha'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };
const today = todayIso();
const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Publishes one assessment through the review service, as the workspace does. */
async function publish(db: Database, patch: { commitment: string; status: string; assessor: 'independent' | 'self_reported'; asOf: string }) {
  const input = assessmentInputSchema.parse({
    party: 'tha',
    narrative: 'A progress report from the lead agency was published.',
    evidence: [{ url: 'https://www.mfa.go.th/en/example', title: 'Progress report', publisher: 'Ministry of Foreign Affairs', grade: 'official' }],
    ...patch,
  });
  const draft = await createAssessment(db, editor, input);
  await submitAssessment(db, editor, draft.id);
  return reviewAssessment(db, reviewer, draft.id, 'publish', null);
}

/** What a page should show for a party on a day, computed the slow way: every published row of the party, reduced in JavaScript. */
async function fromHistory(db: Database, partySlug: string, asOf: string) {
  const rows: ScoredAssessment[] = await db
    .select({ id: assessments.id, partySlug: assessments.partySlug, commitmentCode: assessments.commitmentCode, status: assessments.status, assessor: assessments.assessor, asOf: assessments.asOf, publishedAt: assessments.publishedAt })
    .from(assessments)
    .where(and(eq(assessments.partySlug, partySlug), eq(assessments.state, 'published')));
  return scoreParty(partySlug, await getApplicableCommitments(db, partySlug), rows, asOf);
}

const currentIds = async (db: Database, partySlug: string, asOf: string) => (await getCurrentAssessments(db, partySlug, asOf)).map((a) => a.id).sort((a, b) => a - b);
const historyIds = async (db: Database, partySlug: string, asOf: string) =>
  (await fromHistory(db, partySlug, asOf)).commitments.flatMap((c) => Object.values(c.byAssessor).map((a) => a.id)).sort((a, b) => a - b);
const versions = async (db: Database) => Object.fromEntries((await db.select().from(dataVersions)).map((v) => [v.scope, v.version]));
const scoreRows = async (db: Database, partySlug: string) => db.select().from(partyScores).where(eq(partyScores.partySlug, partySlug));

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('derived data', () => {
  it('starts equal to a recomputation from the history, every party scored', async () => {
    const check = await checkDerivedData(db);
    expect(check.problems).toEqual([]);
    expect(check.checked.partiesMissingScores).toBe(0);
    expect(check.checked.currentAssessments).toBeGreaterThan(0);
    expect(await getPublishedCount(db)).toBe(check.checked.publishedAssessments);
  });

  it('a past day after the seeded readings’ dates but before their publication is scored from what was published then', async () => {
    // The seeded assessments are dated up to 2026-05-31 and published 2026-11-23: the cached
    // scores rest on them, yet on 2026-06-30 the monitor had published none of them.
    const day = '2026-06-30';
    expect((await scoreRows(db, 'tha')).find((r) => r.scope === 'overall')!.validFrom! <= day).toBe(true);
    const onDay = (await getScoresByParty(db, { scope: 'overall' }, day)).get('tha')!;
    expect(onDay.independent).toEqual((await fromHistory(db, 'tha', day)).byAssessor.independent.overall);
    expect(onDay.independent.rated).toBe(0);
    expect((await getScoresByParty(db, { scope: 'overall' }, '2026-11-23')).get('tha')!.independent.rated).toBeGreaterThan(0);
    expect(await currentIds(db, 'tha', day)).toEqual([]);
  });

  it('a publication moves the party’s current row, its scores and the counters, and nothing of any other party', async () => {
    const before = { versions: await versions(db), bgd: await scoreRows(db, 'bgd'), npl: await scoreRows(db, 'npl'), count: await getPublishedCount(db) };
    const scoresBefore = (await getScoresByParty(db, { scope: 'overall' }, today)).get('tha')!;
    const published = await publish(db, { commitment: 'BJS-2', status: 'complete', assessor: 'independent', asOf: today });

    // The scorecard's reads now show it, and agree with the history.
    expect((await getCurrentAssessments(db, 'tha', today)).find((a) => a.commitmentCode === 'BJS-2' && a.assessor === 'independent')?.id).toBe(published.id);
    expect(await currentIds(db, 'tha', today)).toEqual(await historyIds(db, 'tha', today));
    const after = (await getScoresByParty(db, { scope: 'overall' }, today)).get('tha')!;
    expect(after.independent).toEqual((await fromHistory(db, 'tha', today)).byAssessor.independent.overall);
    expect(after.independent.score).not.toBe(scoresBefore.independent.score);
    // Scored in the publishing transaction: the cached rows are there, not computed live.
    expect((await scoreRows(db, 'tha')).some((r) => r.scope === 'overall' && r.validFrom === today)).toBe(true);

    // Exactly the counters of what it shows moved, by one; other parties' rows are untouched.
    const bumped = Object.entries(await versions(db)).filter(([scope, v]) => v !== (before.versions[scope] ?? 0)).map(([scope, v]) => [scope, v - (before.versions[scope] ?? 0)]);
    expect(Object.fromEntries(bumped)).toEqual({ assessments: 1, 'party:tha': 1, 'instrument:bangkok-joint-statement-2025': 1, 'theme:law_enforcement': 1 });
    expect(await scoreRows(db, 'bgd')).toEqual(before.bgd);
    expect(await scoreRows(db, 'npl')).toEqual(before.npl);
    expect(await getPublishedCount(db)).toBe(before.count + 1);
    expect((await checkDerivedData(db)).problems).toEqual([]);
  });

  it('an older reading joins the history without displacing the current one, and never reaches a past view', async () => {
    const current = (await getCurrentAssessments(db, 'tha', today)).find((a) => a.commitmentCode === 'BJS-2' && a.assessor === 'independent')!;
    const past = dayAfter(current.asOf, -400);
    const old = await publish(db, { commitment: 'BJS-2', status: 'limited', assessor: 'independent', asOf: past });
    expect((await getCurrentAssessments(db, 'tha', today)).find((a) => a.commitmentCode === 'BJS-2' && a.assessor === 'independent')!.id).toBe(current.id);
    for (const day of [past, dayAfter(past, 1), dayAfter(past, -1), '2025-12-31', today]) {
      expect(await currentIds(db, 'tha', day)).toEqual(await historyIds(db, 'tha', day));
    }
    // Published today, dated 400 days back: a view of any past day shows what was published by
    // then, which did not include it.
    expect(await currentIds(db, 'tha', dayAfter(past, 1))).not.toContain(old.id);
    expect(await currentIds(db, 'tha', dayAfter(today, -1))).not.toContain(old.id);
    expect((await checkDerivedData(db)).problems).toEqual([]);
  });

  it('a reading dated in the future is current but does not count before its day', async () => {
    const future = dayAfter(today, 30);
    const ahead = await publish(db, { commitment: 'BJS-3', status: 'not_started', assessor: 'self_reported', asOf: future });
    expect(await currentIds(db, 'tha', today)).toEqual(await historyIds(db, 'tha', today));
    expect(await currentIds(db, 'tha', today)).not.toContain(ahead.id);
    expect(await currentIds(db, 'tha', future)).toContain(ahead.id);
    // The cached scores rest on the future reading, so today they are computed live, and right.
    const onDay = async (day: string) => (await getScoresByParty(db, { scope: 'overall' }, day)).get('tha')!.self_reported;
    expect(await onDay(today)).toEqual((await fromHistory(db, 'tha', today)).byAssessor.self_reported.overall);
    expect(await onDay(future)).toEqual((await fromHistory(db, 'tha', future)).byAssessor.self_reported.overall);
    expect(await onDay(today)).not.toEqual(await onDay(future));
  });

  it('scores per theme and instrument, and the statuses of a scope, agree with the history on any day', async () => {
    for (const day of [today, '2026-01-31', '2025-06-30']) {
      const theme = await getScoresByParty(db, { scope: 'theme', key: 'law_enforcement' }, day);
      const instrument = await getScoresByParty(db, { scope: 'instrument', key: 'bangkok-joint-statement-2025' }, day);
      for (const slug of ['tha', 'bgd', 'npl']) {
        const expected = await fromHistory(db, slug, day);
        expect(theme.get(slug)?.independent).toEqual(expected.byAssessor.independent.byTheme.law_enforcement);
        expect(instrument.get(slug)?.self_reported).toEqual(expected.byAssessor.self_reported.byInstrument['bangkok-joint-statement-2025']);
      }
      const statuses = await getLatestStatuses(db, { instrument: 'bangkok-joint-statement-2025' }, day);
      const expectedIds = (await Promise.all(['tha', 'bgd', 'npl', 'per', 'are', 'tiktok'].map((slug) => fromHistory(db, slug, day))))
        .flatMap((s) => s.commitments.filter((c) => c.commitment.instrumentSlug === 'bangkok-joint-statement-2025').flatMap((c) => Object.values(c.byAssessor).map((a) => a.id)));
      expect(statuses.map((s) => s.assessmentId).sort((a, b) => a - b)).toEqual(expectedIds.sort((a, b) => a - b));
    }
  });

  it('a party whose cached scores are missing is scored live, then by refreshPartyScores; the check reports a tampered row', async () => {
    const expected = (await getScoresByParty(db, { scope: 'overall' }, today)).get('bgd');
    await db.delete(partyScores).where(eq(partyScores.partySlug, 'bgd'));
    expect((await getScoresByParty(db, { scope: 'overall' }, today)).get('bgd')).toEqual(expected);
    expect((await checkDerivedData(db)).checked.partiesMissingScores).toBe(1);
    expect(await refreshPartyScores(db)).toBe(1);
    expect((await checkDerivedData(db)).checked.partiesMissingScores).toBe(0);

    await db.update(partyScores).set({ rated: 99 }).where(and(eq(partyScores.partySlug, 'bgd'), eq(partyScores.scope, 'overall')));
    const check = await checkDerivedData(db);
    expect(check.ok).toBe(false);
    expect(check.problems.join('\n')).toMatch(/party_scores: bgd overall\|\|/);
    await refreshPartyScores(db, ['bgd']);
    expect((await checkDerivedData(db)).problems).toEqual([]);
  });

  it('a second seed run changes no version; a change in reference data bumps `world` only', async () => {
    const before = await versions(db);
    await seedDatabase(db);
    expect(await versions(db)).toEqual(before);
    await db.update(parties).set({ nameEn: 'Nepal (renamed)' }).where(eq(parties.slug, 'npl'));
    const after = await versions(db);
    expect(after).toEqual({ ...before, world: (before.world ?? 0) + 1 });
  });

  it('each current row carries the basis its evidence and cited published measures give, kept by triggers; the check reports a wrong one', async () => {
    const basisOf = async (id: number) => (await db.select({ basis: currentAssessments.basis }).from(currentAssessments).where(eq(currentAssessments.assessmentId, id)))[0]?.basis;
    const mediaOnly = (commitment: string) =>
      assessmentInputSchema.parse({
        party: 'tha',
        commitment,
        status: 'limited',
        assessor: 'independent',
        asOf: today,
        narrative: 'A news report says the task force met twice this year.',
        evidence: [{ url: 'https://news.example.org/task-force', title: 'Task force meets', publisher: 'Example News', grade: 'media' }],
      });
    const [first, second] = (await getApplicableCommitments(db, 'tha')).slice(-2).map((c) => c.code);

    // A draft measure with an official source, cited by a draft that is then published: the
    // measure is not published, so it does not count yet.
    await db.insert(measures).values({ id: 'tha-basis-fixture', partySlug: 'tha', kind: 'law', titleEn: 'Fixture act', summaryEn: 'A fixture.', authorName: 'Tester' });
    await db.insert(measureSources).values({ measureId: 'tha-basis-fixture', role: 'official', url: 'https://www.example.go.th/act', title: 'Act', publisher: 'Royal Gazette', confidence: 'confirmed' });
    const citing = await createAssessment(db, editor, mediaOnly(first!));
    await db.insert(assessmentMeasures).values({ assessmentId: citing.id, measureId: 'tha-basis-fixture' });
    await submitAssessment(db, editor, citing.id);
    await reviewAssessment(db, reviewer, citing.id, 'publish', null);
    expect(await basisOf(citing.id)).toBe('media_only');
    // Published: its official source now counts for the assessment that cites it.
    await db.update(measures).set({ state: 'published', publishedAt: new Date().toISOString() }).where(eq(measures.id, 'tha-basis-fixture'));
    expect(await basisOf(citing.id)).toBe('law_or_official');

    // Evidence added to a published assessment after it (as an importer writes them).
    const later = await createAssessment(db, editor, mediaOnly(second!));
    await submitAssessment(db, editor, later.id);
    await reviewAssessment(db, reviewer, later.id, 'publish', null);
    expect(await basisOf(later.id)).toBe('media_only');
    await db.insert(evidence).values({ assessmentId: later.id, url: 'https://www.example.go.th/gazette', title: 'Gazette notice', publisher: 'Royal Gazette', grade: 'law', position: 1 });
    expect(await basisOf(later.id)).toBe('law_or_official');

    // Every current row agrees with the domain's rule applied to its evidence and cited published measures.
    const rows = await db.select({ id: currentAssessments.assessmentId, basis: currentAssessments.basis }).from(currentAssessments);
    const grades = Map.groupBy(await db.select({ id: evidence.assessmentId, grade: evidence.grade }).from(evidence), (g) => g.id);
    const cited = Map.groupBy(
      await db.all<{ id: number; official: number }>(sql`SELECT am.assessment_id AS id, EXISTS (SELECT 1 FROM measure_sources s WHERE s.measure_id = m.id AND s.role = 'official') AS official
        FROM assessment_measures am JOIN measures m ON m.id = am.measure_id WHERE m.state = 'published'`),
      (c) => c.id,
    );
    const bases = new Set<string>();
    for (const row of rows) {
      const expected = assessmentBasis((grades.get(row.id) ?? []).map((g) => g.grade), (cited.get(row.id) ?? []).map((c) => ({ hasOfficialSource: Boolean(c.official) })));
      expect(row.basis, `assessment ${row.id}`).toBe(expected);
      bases.add(row.basis);
    }
    expect([...bases].sort()).toEqual(['law_or_official', 'media_only', 'other']);
    expect((await checkDerivedData(db)).problems).toEqual([]);

    await db.update(currentAssessments).set({ basis: 'other' }).where(eq(currentAssessments.assessmentId, later.id));
    const check = await checkDerivedData(db);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([`current_assessments: tha|${second}|independent says assessment ${later.id} rests on other; its evidence and cited measures say law_or_official`]);
  });
});
