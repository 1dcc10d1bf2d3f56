/**
 * The derived tables against the history they summarise: publishing moves exactly the rows it
 * should, in the publishing transaction; every derived row equals a recomputation; as_of reads
 * still answer from the history.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, dataVersions, parties, partyScores } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { todayIso } from '../../src/domain/dates';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
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
});
