/**
 * buildAssessmentView on a seeded temp database: a published assessment in English and Thai,
 * its other versions in the scoring order, the one that supersedes it, and null for drafts,
 * unknown ids and days before it was published.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, evidence } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { buildAssessmentView } from '../../src/lib/server/views/assessment';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;
const ids = { a: 0, b: 0, tie: 0, draft: 0 };
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
  const base = { partySlug: 'bgd', commitmentCode: 'BJS-2', assessor: 'self_reported' as const, authorName: 'Writer One' };
  const insert = async (values: Partial<typeof assessments.$inferInsert>) =>
    (await db.insert(assessments).values({ ...base, status: 'limited', asOf: '2026-01-01', narrativeEn: 'x', state: 'published', ...values } as typeof assessments.$inferInsert).returning({ id: assessments.id }))[0]!.id;
  ids.a = await insert({ asOf: '2026-02-01', publishedAt: '2026-02-03T00:00:00.000Z', narrativeEn: 'A in English', narrativeTh: 'ก ภาษาไทย' });
  ids.b = await insert({ status: 'complete', asOf: '2026-04-01', publishedAt: '2026-04-02T00:00:00.000Z' });
  // Same day as b, published later: it is the newer of the two by the scoring rules.
  ids.tie = await insert({ status: 'substantial', asOf: '2026-04-01', publishedAt: '2026-04-05T00:00:00.000Z' });
  ids.draft = await insert({ state: 'draft', publishedAt: null });
});

describe('buildAssessmentView', () => {
  it('shapes a published assessment in the page language', async () => {
    const en = (await buildAssessmentView(db, ids.a, { locale: 'en', day: '2026-12-01' }))!;
    expect(en).toMatchObject({ id: ids.a, party: { slug: 'bgd', name: 'Bangladesh' }, status: 'limited', statusLabel: 'Limited progress', assessorLabel: 'Self-reported', narrative: 'A in English', narrativeFallback: false, writers: ['Writer One'], firstShownDay: '2026-02-03' });
    expect(en.commitment.code).toBe('BJS-2');
    expect(en.instrument.slug).toBe('bangkok-joint-statement-2025');
    expect(en.scoreMeaning).toContain('⅓');
    const th = (await buildAssessmentView(db, ids.a, { locale: 'th', day: '2026-12-01' }))!;
    expect(th.narrative).toBe('ก ภาษาไทย');
    expect(th.statusLabel).toBe('คืบหน้าบางส่วน');
    const noThai = (await buildAssessmentView(db, ids.b, { locale: 'th', day: '2026-12-01' }))!;
    expect(noThai).toMatchObject({ narrative: 'x', narrativeFallback: true });
    // Indonesian has no narrative of its own: the English is shown, and said to be English.
    const id = (await buildAssessmentView(db, ids.a, { locale: 'id', day: '2026-12-01' }))!;
    expect(id).toMatchObject({ narrative: 'A in English', narrativeFallback: true });
  });

  it('lists the other versions newest first (as_of, then publication) and names the one that counts', async () => {
    const a = (await buildAssessmentView(db, ids.a, { locale: 'en', day: '2026-12-01' }))!;
    expect(a.versions.map((v) => v.id)).toEqual([ids.tie, ids.b]);
    expect(a.supersededBy?.id).toBe(ids.tie);
    const tie = (await buildAssessmentView(db, ids.tie, { locale: 'en', day: '2026-12-01' }))!;
    expect(tie.supersededBy).toBeNull();
    const b = (await buildAssessmentView(db, ids.b, { locale: 'en', day: '2026-12-01' }))!;
    expect(b.supersededBy?.id).toBe(ids.tie);
  });

  it('shows a past day as it was: later versions absent, later publications null', async () => {
    const a = (await buildAssessmentView(db, ids.a, { locale: 'en', day: '2026-04-03' }))!;
    expect(a.versions.map((v) => v.id)).toEqual([ids.b]);
    expect(a.supersededBy?.id).toBe(ids.b);
    expect(await buildAssessmentView(db, ids.tie, { locale: 'en', day: '2026-04-04' })).toBeNull();
    expect(await buildAssessmentView(db, ids.a, { locale: 'en', day: '2026-02-02' })).toBeNull();
  });

  it('is null for a draft, an unknown id and a nonsense id', async () => {
    expect(await buildAssessmentView(db, ids.draft, { locale: 'en', day: '2026-12-01' })).toBeNull();
    expect(await buildAssessmentView(db, 987654321, { locale: 'en', day: '2026-12-01' })).toBeNull();
    expect(await buildAssessmentView(db, 0, { locale: 'en', day: '2026-12-01' })).toBeNull();
    expect(await buildAssessmentView(db, Number.NaN, { locale: 'en', day: '2026-12-01' })).toBeNull();
  });

  it("carries each piece of evidence's own confidence and checked day", async () => {
    const [seeded] = await db.select({ id: evidence.assessmentId }).from(evidence).innerJoin(assessments, eq(assessments.id, evidence.assessmentId)).where(eq(assessments.state, 'published')).limit(1);
    const view = (await buildAssessmentView(db, seeded!.id, { locale: 'en', day: '2026-12-31' }))!;
    expect(view.evidence.length).toBeGreaterThan(0);
    for (const e of view.evidence) {
      expect(e).toHaveProperty('confidence');
      expect(e).toHaveProperty('checkedOn');
      expect(e.gradeLabel.length).toBeGreaterThan(0);
    }
  });
});
