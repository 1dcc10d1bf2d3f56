/**
 * The scorecard's view model on a seeded temp database: the opening sentence in words (English,
 * Thai, plurals), both assessors' scores side by side once a self-reported assessment is
 * published, no score and no chart where nothing is rated, assessed commitments paged with the
 * unrated ones collapsed, and the briefing's moved and overdue lines with numbered sources.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { todayIso } from '../../src/domain/dates';
import { createAssessment, reviewAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { COMMITMENTS_PER_PAGE, buildScorecardView, headlineSentence } from '../../src/lib/server/views/scorecard';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor', roles: ['editor'], parties: ['tha'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };
const today = todayIso();

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

const score = (n: number) => ({ score: n, rated: 3, applicable: 4, coverage: 0.75, methodologyVersion: '1.0' });

describe('the opening sentence', () => {
  it('says in words how much is rated and each assessor’s score, with plurals that agree', () => {
    expect(headlineSentence('en', 'Thailand', 61, 11, { independent: score(0.52) }, ['independent'])).toBe('Thailand: progress rated on 11 of 61 commitments; independent score 52% (3 rated).');
    expect(headlineSentence('en', 'Nauru', 1, 1, { independent: score(1) }, ['independent'])).toBe('Nauru: progress rated on 1 of 1 commitment; independent score 100% (3 rated).');
    expect(headlineSentence('en', 'Thailand', 61, 11, { independent: score(0.52), self_reported: score(0.7) }, ['independent', 'self_reported'])).toBe(
      'Thailand: progress rated on 11 of 61 commitments; independent score 52% (3 rated), self-reported score 70% (3 rated).',
    );
    expect(headlineSentence('en', 'Nepal', 16, 0, {}, [])).toBe('None of the 16 commitments that apply to Nepal has been rated yet.');
    expect(headlineSentence('en', 'Nepal', 1, 0, {}, [])).toBe('The 1 commitment that applies to Nepal has not been rated yet.');
    expect(headlineSentence('en', 'Acme', 0, 0, {}, [])).toBe('No commitments apply to Acme yet.');
    expect(headlineSentence('th', 'เนปาล', 16, 0, {}, [])).toBe('พันธกรณีทั้ง 16 รายการที่ใช้กับเนปาลยังไม่ได้รับการประเมิน');
    expect(headlineSentence('th', 'ไทย', 61, 11, { independent: score(0.52) }, ['independent'])).toBe('ไทย มีผลการประเมินความคืบหน้าแล้ว 11 จาก 61 พันธกรณี; คะแนนจากการประเมินโดยอิสระ 52% (ประเมินแล้ว 3 รายการ)');
  });
});

describe('buildScorecardView', () => {
  it('returns null for a party the monitor does not track', async () => {
    expect(await buildScorecardView(db, 'zzz', { locale: 'en', asOf: today })).toBeNull();
  });

  it('opens Thailand’s scorecard with a sentence from the data and pages the assessed commitments', async () => {
    const view = (await buildScorecardView(db, 'tha', { locale: 'en', asOf: today }))!;
    expect(view.assessors).toEqual(['independent']);
    expect(view.rated).toBeGreaterThan(0);
    expect(view.headline).toBe(`Thailand: progress rated on ${view.rated} of ${view.applicable} commitments; independent score ${Math.round(view.overall.independent!.score! * 100)}% (${view.overall.independent!.rated} rated).`);
    const shown = view.groups.flatMap((g) => g.rated);
    expect(shown.length).toBe(Math.min(view.paging.total, COMMITMENTS_PER_PAGE));
    for (const row of shown) for (const a of row.assessments) expect(a.id).toBeGreaterThan(0);
    // Every applicable commitment is on the page once: assessed in full, or listed as not rated.
    const codes = view.groups.flatMap((g) => [...g.rated.map((r) => r.code), ...g.unrated.map((r) => r.code)]);
    expect(new Set(codes).size).toBe(codes.length);
    expect(view.groups.reduce((n, g) => n + g.ratedTotal + g.unrated.length, 0)).toBe(codes.length + view.paging.total - shown.length);
    // The briefing's sources are numbered 1..n, each address once.
    expect(view.brief.footnotes.map((f) => f.n)).toEqual(view.brief.footnotes.map((_, i) => i + 1));
    expect(new Set(view.brief.footnotes.map((f) => f.url)).size).toBe(view.brief.footnotes.length);
    expect(view.brief.footnotes.length).toBeGreaterThan(0);
    const th = (await buildScorecardView(db, 'tha', { locale: 'th', asOf: today }))!;
    expect(th.headline).toMatch(/^ไทย มีผลการประเมินความคืบหน้าแล้ว \d+ จาก \d+ พันธกรณี; คะแนนจากการประเมินโดยอิสระ \d+%/);
  });

  it('says in words that nothing is rated, and offers no score and no chart, for a party without ratings', async () => {
    const view = (await buildScorecardView(db, 'aze', { locale: 'en', asOf: today }))!;
    expect(view.rated).toBe(0);
    expect(view.assessors).toEqual([]);
    expect(view.byInstrument.every((row) => Object.keys(row.scores).length === 0)).toBe(true);
    expect(view.overall).toEqual({});
    expect(view.headline).toMatch(/^None of the \d+ commitments that apply to Azerbaijan has been rated yet\.$/);
    expect(view.groups.every((g) => g.rated.length === 0 && g.unrated.length > 0)).toBe(true);
  });

  it('shows a newly published self-reported score beside the independent one, never in its place', async () => {
    const before = (await buildScorecardView(db, 'tha', { locale: 'en', asOf: today }))!;
    const independent = before.overall.independent!;
    const draft = await createAssessment(
      db,
      editor,
      assessmentInputSchema.parse({
        party: 'THA',
        commitment: 'BJS-2',
        status: 'complete',
        assessor: 'self_reported',
        asOf: today,
        narrative: 'The ministry reports the task force fully staffed.',
        evidence: [{ url: 'https://www.mfa.go.th/en/self-report', title: 'Self-report', publisher: 'Ministry of Foreign Affairs', date: today, grade: 'official' }],
      }),
      { submit: true },
    );
    await reviewAssessment(db, reviewer, draft.id, 'publish', null);
    const after = (await buildScorecardView(db, 'tha', { locale: 'en', asOf: today }))!;
    expect(after.assessors).toEqual(['independent', 'self_reported']);
    expect(after.overall.independent).toEqual(independent);
    expect(after.overall.self_reported).toMatchObject({ score: 1, rated: 1 });
    expect(after.byInstrument.find((r) => r.slug === 'bangkok-joint-statement-2025')!.scores).toMatchObject({ independent: expect.any(Object), self_reported: { rated: 1 } });
    expect(after.headline).toContain(', self-reported score 100% (1 rated).');
    // The commitment's full entry is on the page of the list that holds it.
    const onPage = (await buildScorecardView(db, 'tha', { locale: 'en', asOf: today, page: after.pageOf.get('BJS-2')! }))!;
    const row = onPage.groups.flatMap((g) => g.rated).find((r) => r.code === 'BJS-2')!;
    expect(row.assessments.map((a) => a.assessor)).toContain('self_reported');
    expect(row.assessments.find((a) => a.assessor === 'self_reported')!.id).toBe(draft.id);
    expect(after.brief.moved.map((m) => m.assessmentId)).toContain(draft.id);
  });
});
