import { count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent, type SeedContent } from '../../db/content';
import { assessmentMeasures, assessments, evidence, measureCommitments, measures, measureSources, measureSteps, researchNotes } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { getCitedMeasures, getMeasure, listCommitmentMeasures, listPartyMeasures, listPublishedMeasures } from '../../src/lib/server/queries/measures';
import { getApplicableCommitments, getPartyScores } from '../../src/lib/server/queries/scorecard';
import { getApplicability } from '../../src/lib/server/queries/statuses';
import { createFixtureContentDir } from '../helpers/measure-fixtures';
import { createTempDatabase } from '../helpers/temp-db';

let content: SeedContent;
let db: Database;
beforeAll(async () => {
  content = loadContent(createFixtureContentDir());
  ({ db } = await createTempDatabase());
  await seedDatabase(db, content);
});

const n = async (table: Parameters<Database['select']>[0] extends never ? never : any) => (await db.select({ n: count() }).from(table))[0]!.n;

describe('seed of measures, per-party assessments and research notes', () => {
  it('loads exactly what the files hold', async () => {
    expect(content.measures.length).toBeGreaterThanOrEqual(3);
    expect(await n(measures)).toBe(content.measures.length);
    expect(await n(measureSteps)).toBe(content.measures.reduce((s, m) => s + m.steps.length, 0));
    expect(await n(measureSources)).toBe(content.measures.reduce((s, m) => s + m.sources.length, 0));
    expect(await n(measureCommitments)).toBe(content.measures.reduce((s, m) => s + m.commitments.length, 0));
    expect(await n(assessments)).toBe(content.assessments.length);
    expect(await n(assessmentMeasures)).toBe(content.assessments.reduce((s, a) => s + ('measures' in a ? a.measures.length : 0), 0));
    expect(await n(researchNotes)).toBe(content.researchNotes.length);
    const unpublished = await db.select().from(measures).where(sql`${measures.state} <> 'published'`);
    expect(unpublished).toEqual([]);
  });

  it('publishes an assessment citing a measure, stamped with its publishedAt, and keeps evidence provenance', async () => {
    const [a] = await db.select().from(assessments).where(eq(assessments.seedKey, 'aus-fixture-uncc-13'));
    expect(a).toMatchObject({ state: 'published', publishedAt: '2026-12-05T00:00:00.000Z', asOf: '2026-12-01' });
    expect(await getCitedMeasures(db, [a!.id])).toEqual([{ assessmentId: a!.id, id: 'aus-fixture-ordinance-2025', titleEn: 'Fixture cyber ordinance', titleTh: 'กฎหมายไซเบอร์ทดสอบ', hasOfficialSource: 1 }]);
    const [b] = await db.select().from(assessments).where(eq(assessments.seedKey, 'aus-fixture-uncc-7'));
    const [e] = await db.select().from(evidence).where(eq(evidence.assessmentId, b!.id));
    expect(e).toMatchObject({ confidence: 'reported', checkedOn: '2026-12-05', grade: 'media' });
    // The current-assessment row follows the published one (the insert trigger or the publish trigger).
    const current = await db.all<{ assessment_id: number }>(sql`SELECT assessment_id FROM current_assessments WHERE party_slug = 'aus' AND commitment_code = 'UNCC-13'`);
    expect(current[0]!.assessment_id).toBe(a!.id);
  });

  it('is idempotent: a second run adds nothing', async () => {
    const before = await Promise.all([measures, measureSteps, measureSources, measureCommitments, assessmentMeasures, researchNotes].map((t) => n(t)));
    const report = await seedDatabase(db, content);
    expect(report).toMatchObject({ measuresAdded: 0, assessmentsAdded: 0 });
    const after = await Promise.all([measures, measureSteps, measureSources, measureCommitments, assessmentMeasures, researchNotes].map((t) => n(t)));
    expect(after).toEqual(before);
  });
});

describe('measure lifecycle', () => {
  it('lets a draft change and refuses any change to a published measure or its children', async () => {
    await db.insert(measures).values({ id: 'tha-draft-test-2026', partySlug: 'tha', kind: 'law', titleEn: 'A draft law', summaryEn: 'A draft written by an editor.', authorName: 'Editor', authorId: 'u1' });
    await db.insert(measureSources).values({ measureId: 'tha-draft-test-2026', role: 'official', url: 'https://example.org/draft', title: 'Draft', publisher: 'Ministry', confidence: 'confirmed' });
    await db.update(measures).set({ titleEn: 'A draft law, edited', version: 2 }).where(eq(measures.id, 'tha-draft-test-2026'));
    expect((await getMeasure(db, 'tha-draft-test-2026'))).toBeNull();
    expect((await getMeasure(db, 'tha-draft-test-2026', { includeUnpublished: true }))!.measure.titleEn).toBe('A draft law, edited');

    await db.update(measures).set({ state: 'published', publishedAt: '2026-12-05T10:00:00.000Z' }).where(eq(measures.id, 'tha-draft-test-2026'));
    await expect(db.update(measures).set({ titleEn: 'Rewritten' }).where(eq(measures.id, 'tha-draft-test-2026'))).rejects.toThrow();
    await expect(db.delete(measures).where(eq(measures.id, 'tha-draft-test-2026'))).rejects.toThrow();
    await expect(db.insert(measureSteps).values({ measureId: 'tha-draft-test-2026', step: 'adopted', date: '2026-01-01', sourceUrl: 'https://example.org/x', sourcePublisher: 'X', confidence: 'confirmed' })).rejects.toThrow();
    await expect(db.update(measureSources).set({ url: 'https://example.org/other' }).where(eq(measureSources.measureId, 'tha-draft-test-2026'))).rejects.toThrow();
    await expect(db.delete(measureCommitments).where(eq(measureCommitments.measureId, 'tha-fixture-decree-2025'))).rejects.toThrow();
    await expect(db.insert(measureCommitments).values({ measureId: 'tha-fixture-decree-2025', commitmentCode: 'BJS-2', extent: 'covers' })).rejects.toThrow();
    expect((await getMeasure(db, 'tha-draft-test-2026'))!.measure.titleEn).toBe('A draft law, edited');
  });

  it('refuses to change what a published assessment cites', async () => {
    const [a] = await db.select().from(assessments).where(eq(assessments.seedKey, 'aus-fixture-uncc-13'));
    await expect(db.delete(assessmentMeasures).where(eq(assessmentMeasures.assessmentId, a!.id))).rejects.toThrow();
    await expect(db.insert(assessmentMeasures).values({ assessmentId: a!.id, measureId: 'tha-fixture-centre-2023' })).rejects.toThrow();
  });
});

describe('crosswalk queries', () => {
  it('serves one measure with steps in order, sources and links grouped by instrument order', async () => {
    const detail = (await getMeasure(db, 'tha-fixture-decree-2025'))!;
    expect(detail.measure.currentStep).toBe('in_force');
    expect(detail.steps.map((s) => s.step)).toEqual(['adopted', 'in_force']);
    expect(detail.sources.map((s) => s.role)).toEqual(['official', 'secondary']);
    expect(new Set(detail.links.map((l) => l.instrumentSlug)).size).toBe(3);
    expect(detail.links.find((l) => l.commitmentCode === 'UNCC-13')).toMatchObject({ extent: 'partly_covers', instrumentShortName: expect.any(String) });
  });

  it('answers "who has a measure for this commitment, and how far"', async () => {
    const rows = await listCommitmentMeasures(db, 'UNCC-13');
    const fixtureRows = rows.filter((r) => r.id.includes('-fixture-'));
    expect(fixtureRows.map((r) => [r.partySlug, r.extent])).toEqual([
      ['aus', 'covers'],
      ['tha', 'partly_covers'],
    ]);
    expect((await listCommitmentMeasures(db, 'BJS-2')).filter((r) => r.id.includes('-fixture-'))).toEqual([]);
  });

  it("lists a party's measures with their commitment counts", async () => {
    const rows = (await listPartyMeasures(db, 'tha')).filter((r) => r.id.includes('-fixture-'));
    expect(rows.map((r) => [r.id, r.commitments, r.currentStepOn])).toEqual([
      ['tha-fixture-decree-2025', 3, '2025-04-13'],
      ['tha-fixture-centre-2023', 1, '2023-11-01'],
    ]);
  });

  it('filters and pages the published list without skipping or repeating', async () => {
    const all = await listPublishedMeasures(db, {}, 1000);
    const seen: string[] = [];
    let after: { publishedAt: string; id: string } | undefined;
    for (;;) {
      const page = await listPublishedMeasures(db, { after }, 2);
      if (page.length === 0) break;
      seen.push(...page.map((m) => m.id));
      const last = page.at(-1)!;
      after = { publishedAt: last.publishedAt!, id: last.id };
    }
    expect(seen).toEqual(all.map((m) => m.id));
    expect((await listPublishedMeasures(db, { commitmentCode: 'BJS-6' }, 100)).map((m) => m.id)).toContain('tha-fixture-decree-2025');
    expect((await listPublishedMeasures(db, { partySlug: 'aus', kind: 'institution' }, 100))).toEqual([]);
  });
});

describe('applicability by kind of party', () => {
  it('scores a company only on commitments that apply to companies', async () => {
    const tiktok = await getApplicableCommitments(db, 'tiktok');
    const codes = tiktok.map((c) => c.code);
    expect(codes).toContain('BJS-5');
    for (const stateOnly of ['BJS-1', 'BJS-2', 'BJS-3', 'BJS-6', 'BJS-7']) expect(codes).not.toContain(stateOnly);
    const tha = (await getApplicableCommitments(db, 'tha')).map((c) => c.code);
    expect(tha).toEqual(expect.arrayContaining(['BJS-1', 'BJS-5', 'BJS-7']));
    const grid = await getApplicability(db, { instrument: 'bangkok-joint-statement-2025' });
    expect(grid.filter((g) => g.partySlug === 'tiktok').map((g) => g.commitmentCode).sort()).toEqual([...codes].filter((c) => c.startsWith('BJS-')).sort());
  });

  it('never lets an assessment on a state-only commitment count in a company score', async () => {
    const before = await getPartyScores(db, 'tiktok', '2026-12-31');
    await db.insert(assessments).values({ partySlug: 'tiktok', commitmentCode: 'BJS-7', status: 'not_started', assessor: 'independent', asOf: '2026-12-01', narrativeEn: 'Should never count.', authorName: 'Test', state: 'published', publishedAt: '2026-12-05T00:00:00.000Z' });
    const after = await getPartyScores(db, 'tiktok', '2026-12-31');
    expect(after.scores).toEqual(before.scores);
  });
});
