import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent } from '../../db/content';
import { seedDatabase } from '../../db/seed';
import { buildCommitmentView, buildMeasureView, buildPartyMeasuresView, buildScorecardMeasuresView } from '../../src/lib/server/views/measures';
import { getCountingAssessments } from '../../src/lib/server/queries/scorecard';
import { todayIso } from '../../src/domain/dates';
import { createFixtureContentDir } from '../helpers/measure-fixtures';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db, loadContent(createFixtureContentDir()));
});

describe('measure view models', () => {
  it('shape one measure in English and Thai, links grouped by instrument in site order', async () => {
    const en = (await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'en' }))!;
    expect(en).toMatchObject({ title: 'Fixture decree on technology crime', kindLabel: 'Decree', party: { slug: 'tha', name: 'Thailand' }, currentStep: { step: 'in_force', label: 'In force', date: '2025-04-13' } });
    expect(en.titleOriginal).toBe('พระราชกำหนดทดสอบ');
    expect(en.steps[0]!.source).toMatchObject({ url: 'https://example.org/gazette/2025/decree-2', confidence: 'confirmed', checkedOn: '2026-12-05' });
    expect(en.sources.map((s) => s.role)).toEqual(['official', 'secondary']);
    expect(en.instruments.map((i) => i.links.map((l) => l.code))).toEqual(expect.arrayContaining([['UNCC-13'], ['BJS-6'], ['ADCOS25-1']]));
    expect(en.instruments.flatMap((i) => i.links).find((l) => l.code === 'UNCC-13')).toMatchObject({ extentLabel: 'Partly covers', note: 'Fraud through ICT is punished under the amended act.' });
    const th = (await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'th' }))!;
    expect(th.title).toBe('พระราชกำหนดทดสอบ');
    expect(th.titleOriginal).toBeNull();
    expect(th.instruments.flatMap((i) => i.links).find((l) => l.code === 'UNCC-13')!.note).toBe('การฉ้อโกงผ่านระบบคอมพิวเตอร์มีโทษ');
    expect(await buildMeasureView(db, 'tha-nothing-2025', { locale: 'en' })).toBeNull();
  });

  it('say which texts are English on a page in another language, for the page to mark them', async () => {
    expect((await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'en' }))!.langs).toMatchObject({ title: 'en', summary: 'en' });
    const th = (await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'th' }))!;
    expect(th.langs.title).toBe('th');
    expect(th.instruments.flatMap((i) => i.links).find((l) => l.code === 'UNCC-13')!.noteLang).toBe('th');
    // No Indonesian translation of the fixture: English, said to be English.
    const id = (await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'id' }))!;
    expect(id).toMatchObject({ title: 'Fixture decree on technology crime', langs: { title: 'en', summary: 'en' } });
    expect(id.instruments.flatMap((i) => i.links).find((l) => l.code === 'UNCC-13')!.noteLang).toBe('en');
    const translated = { locale: 'id' as const, bySource: new Map([['Fixture decree on technology crime', 'Peraturan uji tentang kejahatan teknologi']]) };
    const withTitle = (await buildMeasureView(db, 'tha-fixture-decree-2025', { locale: 'id', translations: translated }))!;
    expect(withTitle).toMatchObject({ title: 'Peraturan uji tentang kejahatan teknologi', langs: { title: 'id', summary: 'en' } });
    const list = (await buildPartyMeasuresView(db, 'tha', { locale: 'id', translations: translated }))!;
    expect(list.measures.find((m) => m.id === 'tha-fixture-decree-2025')).toMatchObject({ title: 'Peraturan uji tentang kejahatan teknologi', titleLang: 'id' });
  });

  it("list a party's measures by kind, and null for an unknown party", async () => {
    const view = (await buildPartyMeasuresView(db, 'tha', { locale: 'en' }))!;
    const fixtures = view.measures.filter((m) => m.id.includes('-fixture-'));
    expect(fixtures.map((m) => [m.id, m.kindLabel, m.stepLabel, m.commitments])).toEqual([
      ['tha-fixture-decree-2025', 'Decree', 'In force', 3],
      ['tha-fixture-centre-2023', 'Institution', 'In force', 1],
    ]);
    expect(await buildPartyMeasuresView(db, 'zzz', { locale: 'en' })).toBeNull();
  });

  it('group a commitment by party, the furthest extent first', async () => {
    const view = (await buildCommitmentView(db, 'UNCC-13', { locale: 'en' }))!;
    expect(view.partyKinds).toBe('all');
    const aus = view.parties.find((p) => p.slug === 'aus')!;
    expect(aus).toMatchObject({ name: 'Australia', extent: 'covers', extentLabel: 'Covers' });
    expect((await buildCommitmentView(db, 'BJS-1', { locale: 'th' }))!.partyKinds).toBe('states');
    expect(await buildCommitmentView(db, 'NOPE-1', { locale: 'en' })).toBeNull();
  });

  it("count what a scorecard's assessments rest on, and read the research note", async () => {
    const counting = await getCountingAssessments(db, 'aus', todayIso());
    const view = await buildScorecardMeasuresView(db, 'aus', { counting, shownIds: counting.map((a) => a.id) }, { locale: 'en' });
    expect(view.measureCount).toBe(1);
    expect(view.basis).toEqual({ law_or_official: 1, media_only: 1, other: 0 });
    expect([...view.cited.values()].flat().map((m) => m.id)).toEqual(['aus-fixture-ordinance-2025']);
    // Cited titles say which language they are in: Thai has one, Indonesian shows the English.
    const citedIn = async (locale: 'en' | 'th' | 'id') => [...(await buildScorecardMeasuresView(db, 'aus', { counting, shownIds: counting.map((a) => a.id) }, { locale })).cited.values()].flat()[0];
    expect(await citedIn('en')).toMatchObject({ title: 'Fixture cyber ordinance', lang: 'en' });
    expect(await citedIn('th')).toMatchObject({ title: 'กฎหมายไซเบอร์ทดสอบ', lang: 'th' });
    expect(await citedIn('id')).toMatchObject({ title: 'Fixture cyber ordinance', lang: 'en' });
    const eu = await buildScorecardMeasuresView(db, 'eu', { counting: [], shownIds: [] }, { locale: 'th' });
    expect(eu.research).toEqual({ checkedOn: '2026-12-05', note: 'บันทึกทดสอบ', notFound: ['ไม่พบกฎ SIM ทดสอบ'], lang: 'th' });
    // Research notes have no Indonesian: the English, said to be English.
    const euId = await buildScorecardMeasuresView(db, 'eu', { counting: [], shownIds: [] }, { locale: 'id' });
    expect(euId.research?.lang).toBe('en');
  });
});
