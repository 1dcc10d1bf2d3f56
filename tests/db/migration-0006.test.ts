/** Migration 0006 corrects a database seeded before the December 2026 audit: retracted rows go, everything else stays. */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { indicatorValues, participations } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { createTempDatabase } from '../helpers/temp-db';

const retractions = readFileSync('db/migrations/0006_truth_of_the_record.sql', 'utf8')
  .split('--> statement-breakpoint')
  .map((s) => s.replace(/^--.*$/gm, '').trim())
  .filter((s) => s.startsWith('DELETE'));

describe('migration 0006', () => {
  it('deletes the unsourced Convention ratifications, Canada’s signature and the retracted figures, and nothing else', async () => {
    expect(retractions).toHaveLength(2);
    const { db } = await createTempDatabase();
    await seedDatabase(db, loadContent());
    const old = { instrumentSlug: 'un-convention-against-cybercrime', sourceUrl: 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-16&chapter=18', sourcePublisher: 'UN Treaty Collection', confidence: 'inferred' as const, note: 'seeded before the audit' };
    await db.insert(participations).values([
      { ...old, partySlug: 'qat', action: 'ratification' },
      { ...old, partySlug: 'aze', action: 'ratification' },
      { ...old, partySlug: 'vnm', action: 'ratification' },
      { ...old, partySlug: 'can', action: 'signature' },
    ]);
    await db.insert(indicatorValues).values([
      { indicatorSlug: 'uncc-ratifications', periodEnd: '2026-05-31', periodLabel: 'By May 2026', value: 3, sourceUrl: old.sourceUrl, sourcePublisher: old.sourcePublisher, confidence: 'inferred' },
      { indicatorSlug: 'uncc-signatories', periodEnd: '2026-05-31', periodLabel: 'By May 2026', value: 76, sourceUrl: old.sourceUrl, sourcePublisher: old.sourcePublisher, confidence: 'inferred' },
    ]);
    const count = async (table: string) => (await db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${table}`)))[0]!.n;
    const before = { participations: await count('participations'), values: await count('indicator_values') };
    for (const statement of retractions) await db.run(sql.raw(statement));
    expect(await count('participations')).toBe(before.participations - 4);
    expect(await count('indicator_values')).toBe(before.values - 2);
    const consents = await db.all(sql`SELECT 1 FROM participations WHERE instrument_slug = 'un-convention-against-cybercrime' AND action <> 'signature'`);
    expect(consents).toEqual([]);
  });
});
