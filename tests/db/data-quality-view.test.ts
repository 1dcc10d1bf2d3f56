import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent } from '../../db/content';
import { seedDatabase } from '../../db/seed';
import { buildDataQualityView } from '../../src/lib/server/queries/data-quality';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db, loadContent());
});

describe('buildDataQualityView', () => {
  it('counts every fact row by kind and confidence', async () => {
    const content = loadContent();
    const view = await buildDataQualityView(db, '2026-12-05');
    const participations = content.instruments.reduce((n, i) => n + i.participations.length, 0);
    expect(view.byConfidence.find((k) => k.kind === 'participation')!.total).toBe(participations);
    expect(view.byConfidence.find((k) => k.kind === 'domestic_step')!.counts.confirmed).toBe(2);
    expect(view.totals.total).toBe(view.byConfidence.reduce((n, k) => n + k.total, 0));
    expect(view.totals.confirmed + view.totals.reported + view.totals.inferred).toBe(view.totals.total);
  });

  it('lists rows without an exact source (none in the seed cites a home page), never as confirmed', async () => {
    const before = await buildDataQualityView(db, '2026-12-05');
    expect(before.withoutExactSource.filter((r) => r.sourceUrl !== '')).toEqual([]);
    expect(before.withoutExactSource.filter((r) => r.confidence === 'confirmed')).toEqual([]);
    // A row entered later with a publisher's home page is listed, so staff can find and fix it.
    await db.run(sql`UPDATE participations SET source_url = 'https://asean.org/', confidence = 'reported' WHERE party_slug = 'phl' AND instrument_slug = 'actip-2015' AND action = 'ratification'`);
    const after = await buildDataQualityView(db, '2026-12-05');
    expect(after.withoutExactSource.filter((r) => r.sourceUrl === 'https://asean.org/')).toHaveLength(1);
    expect(after.withoutExactSource.length).toBe(before.withoutExactSource.length + 1);
  });

  it('lists facts not checked for more than 180 days, counted from the day asked for', async () => {
    expect((await buildDataQualityView(db, '2026-12-05')).stale).toEqual([]);
    const later = await buildDataQualityView(db, '2027-06-01');
    expect(later.staleBefore).toBe('2026-12-03');
    expect(later.stale.length).toBeGreaterThan(0);
    expect(later.stale.every((r) => r.checkedOn === null || r.checkedOn < '2026-12-03')).toBe(true);
    expect(later.stale.some((r) => r.kind === 'domestic_step')).toBe(false);
  });

  it("gives an indicator value's period label apart from the indicator's name, for the page to show in its language", async () => {
    const later = await buildDataQualityView(db, '2027-06-01');
    const row = later.stale.find((r) => r.kind === 'indicator_value' && r.period === '2025, to 17 December');
    expect(row).toMatchObject({ labelEn: 'People rescued from scam centres whom Thailand helped repatriate', labelTh: 'จำนวนผู้ที่ได้รับการช่วยเหลือจากศูนย์หลอกลวงซึ่งไทยช่วยส่งกลับ', path: '/parties/tha#indicators' });
    expect(later.stale.filter((r) => r.kind !== 'indicator_value').every((r) => r.period === undefined)).toBe(true);
  });

  it('carries the open questions', async () => {
    const view = await buildDataQualityView(db, '2026-12-05');
    expect(view.questions.map((q) => q.key)).toEqual(expect.arrayContaining(['uncc-74th-signatory', 'uncc-azerbaijan-deposit', 'tha-decree-platform-liability']));
  });
});
