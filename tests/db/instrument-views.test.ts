/**
 * The instrument, theme and home view models on the seeded database: the answer sentence in
 * English and Thai, the grid of what is rated (unrated parties and commitments apart), the
 * progress series as the record counts it, and the theme's rated rows first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { currentAssessments, participations } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { recordProgress } from '../../src/domain/record-progress';
import { buildHomeView } from '../../src/lib/server/views/home';
import { buildInstrumentView, headingOf, isRating } from '../../src/lib/server/views/instrument';
import { buildThemeView } from '../../src/lib/server/views/theme';
import { loadDataTranslations } from '../../src/lib/server/translations';
import { getThemeCounts, themesAnswer } from '../../src/lib/server/queries/themes';
import { createTempDatabase } from '../helpers/temp-db';

const TODAY = '2026-12-05';
const UNCC = 'un-convention-against-cybercrime';
const BJS = 'bangkok-joint-statement-2025';

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('headingOf', () => {
  it('keeps the main clause of a long title and leaves a short one whole', () => {
    expect(headingOf('United Nations Convention against Cybercrime; Strengthening International Cooperation')).toBe('United Nations Convention against Cybercrime');
    expect(headingOf('อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์: การเสริมสร้าง')).toBe('อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์');
    expect(headingOf('ASEAN Convention Against Trafficking in Persons, Especially Women and Children')).toBe('ASEAN Convention Against Trafficking in Persons, Especially Women and Children');
  });
});

describe('isRating', () => {
  it('counts every status but "no evidence" and "not applicable"', () => {
    expect(['no_evidence', 'not_started', 'limited', 'substantial', 'complete', 'not_applicable'].filter((s) => isRating(s as never))).toEqual(['not_started', 'limited', 'substantial', 'complete']);
  });
});

describe('recordProgress', () => {
  it('counts each party once, steps each, runs to asOf, and leaves out later or undated rows', () => {
    const result = recordProgress(
      {
        signatures: [
          { partySlug: 'a', actedOn: '2025-10-25' },
          { partySlug: 'b', actedOn: '2025-10-25' },
          { partySlug: 'a', actedOn: '2025-11-01' },
          { partySlug: 'c', actedOn: null },
          { partySlug: 'd', actedOn: '2027-01-01' },
        ],
        domesticSteps: [{ takenOn: '2026-02-10' }, { takenOn: '2026-02-23' }],
        deposits: [{ partySlug: 'a', actedOn: '2026-03-01' }],
        joins: [],
      },
      TODAY,
    );
    expect(result.points).toEqual([
      { date: '2025-10-25', signatures: 2, domesticSteps: 0, deposits: 0, joined: 0 },
      { date: '2025-11-01', signatures: 2, domesticSteps: 0, deposits: 0, joined: 0 },
      { date: '2026-02-10', signatures: 2, domesticSteps: 1, deposits: 0, joined: 0 },
      { date: '2026-02-23', signatures: 2, domesticSteps: 2, deposits: 0, joined: 0 },
      { date: '2026-03-01', signatures: 2, domesticSteps: 2, deposits: 1, joined: 0 },
      { date: TODAY, signatures: 2, domesticSteps: 2, deposits: 1, joined: 0 },
    ]);
    expect(result.observations).toBe(5);
    expect(result.extendedToAsOf).toBe(true);
  });

  it('adds no point when the last action is on asOf, and none at all without actions', () => {
    expect(recordProgress({ signatures: [{ partySlug: 'a', actedOn: TODAY }], domesticSteps: [], deposits: [], joins: [] }, TODAY)).toMatchObject({ observations: 1, extendedToAsOf: false });
    expect(recordProgress({ signatures: [], domesticSteps: [], deposits: [], joins: [] }, TODAY)).toEqual({ points: [], observations: 0, extendedToAsOf: false });
  });
});

describe('buildInstrumentView', () => {
  it('answers for the Convention from its signatures, deposits and rule, in English and Thai', async () => {
    const view = (await buildInstrumentView(db, UNCC, { locale: 'en', asOf: TODAY }))!;
    const signers = new Set((await db.select().from(participations)).filter((p) => p.instrumentSlug === UNCC && p.action === 'signature').map((p) => p.partySlug)).size;
    expect(view.heading).toBe('United Nations Convention against Cybercrime');
    expect(view.fullTitle).toContain('Strengthening International Cooperation');
    expect(view.answer).toMatch(new RegExp(`^The United Nations Convention against Cybercrime has ${signers} signatories; none has deposited an instrument of ratification; it needs 40 deposits to enter into force\\. ${view.grid.rows.length} of \\d+ parties have a rated commitment under it\\.$`));
    const th = (await buildInstrumentView(db, UNCC, { locale: 'th', asOf: TODAY }))!;
    expect(th.heading).toBe('อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์');
    expect(th.answer).toContain(`อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์มีผู้ลงนามแล้ว ${signers} ราย`);
    expect(th.answer).toContain('ยังไม่มีภาคีใดมอบสารให้สัตยาบัน');
    expect(th.answer).toContain('ต้องมีการมอบสาร 40 ฉบับ');
  });

  it('puts rated parties and commitments in the grid and every other party and commitment in the summaries', async () => {
    const view = (await buildInstrumentView(db, UNCC, { locale: 'en', asOf: TODAY }))!;
    // "No evidence" is not yet rated and "not applicable" takes a commitment out, as the methodology counts.
    const current = (await db.select().from(currentAssessments)).filter((a) => a.commitmentCode.startsWith('UNCC-') && isRating(a.status));
    const ratedParties = new Set(current.map((a) => a.partySlug));
    const ratedCodes = new Set(current.map((a) => a.commitmentCode));
    expect(view.grid.rows.map((r) => r.slug).sort()).toEqual([...ratedParties].sort());
    expect(view.grid.columns.map((c) => c.code).sort()).toEqual([...ratedCodes].sort());
    // Every column has a readable title, not only its code.
    for (const c of view.grid.columns) expect(c.title.length).toBeGreaterThan(c.code.length);
    expect(view.grid.columns.length + view.grid.unratedCommitments.length).toBe(16);
    for (const p of view.grid.unratedParties) expect(ratedParties.has(p.slug)).toBe(false);
    expect(view.grid.unratedParties.length + view.participants.filter((p) => p.rated).length).toBe(view.participants.length);
    // Each cell links to a real assessment of that party and commitment.
    const ids = new Set(current.map((a) => a.assessmentId));
    const cells = view.grid.rows.flatMap((r) => r.cells.filter((c) => c !== null));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(ids.has(cell!.assessmentId)).toBe(true);
    // Rows are alphabetical in the locale.
    const names = view.grid.rows.map((r) => r.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en-GB').compare));
  });

  it('draws signatures, domestic steps and deposits to asOf for the Convention, and joiners for the Joint Statement', async () => {
    const uncc = (await buildInstrumentView(db, UNCC, { locale: 'en', asOf: TODAY }))!;
    expect(uncc.progress.series).toEqual(['signatures', 'domesticSteps', 'deposits']);
    expect(uncc.progress.points.at(-1)).toMatchObject({ date: TODAY, signatures: uncc.eif!.signatories, domesticSteps: 2, deposits: 0 });
    expect(uncc.progress.points.find((p) => p.date === '2026-02-10')).toMatchObject({ domesticSteps: 1 });
    expect(uncc.progress.observations).toBeGreaterThanOrEqual(2);
    const bjs = (await buildInstrumentView(db, BJS, { locale: 'en', asOf: TODAY }))!;
    expect(bjs.eif).toBeNull();
    expect(bjs.progress.series).toEqual(['joined']);
    expect(bjs.progress.observations).toBe(1);
    expect(bjs.answer).toMatch(/^\d+ parties have joined the 2025 Bangkok Joint Statement/);
    expect(bjs.grid.columns.length).toBeGreaterThan(0);
  });

  it('on a day before anyone signed, answers with none and draws nothing', async () => {
    const view = (await buildInstrumentView(db, UNCC, { locale: 'en', asOf: '2025-01-01' }))!;
    expect(view.answer).toMatch(/^The United Nations Convention against Cybercrime has no signatory yet; none has deposited/);
    expect(view.progress.points).toEqual([]);
  });

  it('lists the parties in the reader\'s order in English, Thai and Indonesian', async () => {
    const names = async (locale: 'en' | 'th' | 'id') =>
      (await buildInstrumentView(db, UNCC, { locale, asOf: TODAY, translations: await loadDataTranslations(db, locale) }))!.participants.map((p) => p.name);
    const en = await names('en');
    // Accents do not move a name: Côte d'Ivoire among the C's, before Czechia (code-point order puts it after).
    expect(en.indexOf("Côte d'Ivoire")).toBeGreaterThan(-1);
    expect(en.indexOf("Côte d'Ivoire")).toBeLessThan(en.indexOf('Czechia'));
    expect(en).toEqual([...en].sort(new Intl.Collator('en').compare));
    const th = await names('th');
    // A leading vowel is read after its consonant: เวียดนาม (ว) before สหราชอาณาจักร (ส), and โกตดิวัวร์ (ก) before เช็กเกีย (ช).
    expect(th.indexOf('เวียดนาม')).toBeLessThan(th.indexOf('สหราชอาณาจักร'));
    expect(th.indexOf('โกตดิวัวร์')).toBeLessThan(th.indexOf('เช็กเกีย'));
    expect(th).toEqual([...th].sort(new Intl.Collator('th').compare));
    const id = await names('id');
    expect(id.indexOf('Ceko')).toBeLessThan(id.indexOf('Pantai Gading'));
    expect(id.indexOf('Britania Raya')).toBeLessThan(id.indexOf('Vietnam'));
    expect(id).toEqual([...id].sort(new Intl.Collator('id').compare));
  });

  it('is null for an unknown instrument', async () => {
    expect(await buildInstrumentView(db, 'nope', { locale: 'en', asOf: TODAY })).toBeNull();
  });

  it('cites each source once, exact addresses only', async () => {
    const view = (await buildInstrumentView(db, UNCC, { locale: 'en', asOf: TODAY }))!;
    const urls = view.footnotes.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls[0]).toBe(view.source.url);
    for (const url of urls) expect(url).toMatch(/^https?:\/\/[^/]+\/./);
  });
});

describe('buildThemeView', () => {
  it('lists the rated parties first, the others apart, with every status linked to its assessment', async () => {
    const view = (await buildThemeView(db, 'law-enforcement', { locale: 'en', asOf: TODAY }))!;
    expect(view.rated.length).toBeGreaterThan(0);
    for (const row of view.rated) expect(row.statuses.length).toBeGreaterThan(0);
    const rated = new Set(view.rated.map((r) => r.slug));
    for (const p of view.unrated) expect(rated.has(p.slug)).toBe(false);
    expect(view.answer).toMatch(new RegExp(`^${view.rated.length} parties have a rated commitment on “${view.label}”; \\d+ commitments? from \\d+ instruments? fall under it\\.$`));
    const th = (await buildThemeView(db, view.themes.find((t) => t.current)!.slug, { locale: 'th', asOf: TODAY }))!;
    expect(th.answer).toContain(`ภาคี ${view.rated.length} ราย`);
    expect(await buildThemeView(db, 'nope', { locale: 'en', asOf: TODAY })).toBeNull();
  });
});

describe('buildHomeView', () => {
  it('answers with the Convention’s standing and how many parties are rated', async () => {
    const view = await buildHomeView(db, { locale: 'en', asOf: TODAY, historical: false });
    expect(view.answer).toMatch(/^The United Nations Convention against Cybercrime has \d+ signatories; none has deposited an instrument of ratification; it needs 40 deposits to enter into force\. \d+ of \d+ parties tracked have a rated commitment\.$/);
    expect(view.convention?.eif.threshold).toBe(40);
    const th = await buildHomeView(db, { locale: 'th', asOf: TODAY, historical: false });
    expect(th.answer).toContain('ที่ติดตามมีพันธกรณีที่ได้รับการประเมิน');
  });

  it('names parties and the Convention in Indonesian from the data translations', async () => {
    const id = await buildHomeView(db, { locale: 'id', asOf: TODAY, historical: false, translations: await loadDataTranslations(db, 'id') });
    const labels = id.map.entries.map((e) => e.label);
    expect(labels).toContain('Filipina');
    expect(labels).not.toContain('Philippines');
    expect(id.convention?.name).toBe('Konvensi Perserikatan Bangsa-Bangsa tentang Kejahatan Siber');
    expect(id.answer).toContain('Konvensi Perserikatan Bangsa-Bangsa tentang Kejahatan Siber');
  });
});

describe('themesAnswer', () => {
  it('names the theme with the most rated parties and counts the themes with none', async () => {
    const counts = await getThemeCounts(db);
    const top = [...counts].sort((a, b) => b.partiesRated - a.partiesRated)[0]!;
    const none = counts.filter((c) => c.partiesRated === 0).length;
    expect(themesAnswer('en', counts)).toContain(`(${top.partiesRated}).`);
    expect(themesAnswer('en', counts)).toMatch(none === 0 ? /Every theme has at least one\.$/ : none === 1 ? /1 theme has none yet\.$/ : new RegExp(`${none} themes have none yet\\.$`));
    expect(themesAnswer('th', counts)).toContain(`(${top.partiesRated} ราย)`);
    expect(themesAnswer('en', counts.map((c) => ({ ...c, partiesRated: 0 })))).toBe('No theme has a rated commitment yet.');
  });
});
