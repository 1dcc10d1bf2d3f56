/**
 * The search index against its sources: after the seed and a round of writes through the
 * triggers, it holds exactly what a rebuild from the views holds (published data only), and
 * the FTS index agrees with its content table; Thai substrings are found.
 */
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, commitments, evidence, parties } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { rebuildSearchIndex } from '../../src/lib/server/search-index';
import { searchSite } from '../../src/lib/server/queries/search';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;

const contents = async () =>
  (await db.all<{ kind: string; key: string; lang: string; party_slug: string | null; instrument_slug: string | null; title: string; body: string }>(
    sql`SELECT kind, key, lang, party_slug, instrument_slug, title, body FROM search_documents ORDER BY kind, key, lang`,
  )).map((r) => ({ ...r }));

const find = async (term: string, kind: 'party' | 'commitment' | 'assessment' | 'evidence') =>
  (await searchSite(db, { terms: [term], kinds: [kind], locale: 'th' })).flatMap((g) => g.hits.map((h) => h.key));

beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('search index', () => {
  it('holds only published assessments after the seed', async () => {
    const one = async (query: ReturnType<typeof sql>) => Number(Object.values((await db.all<Record<string, number>>(query))[0]!)[0]);
    expect(await one(sql`SELECT count(*) FROM search_documents d JOIN assessments a ON CAST(a.id AS text) = d.key WHERE d.kind = 'assessment' AND a.state <> 'published'`)).toBe(0);
    expect(await one(sql`SELECT count(DISTINCT key) FROM search_documents WHERE kind = 'assessment'`)).toBe(await one(sql`SELECT count(*) FROM assessments WHERE state = 'published'`));
  });

  it('finds Thai substrings: the decree and fraud', async () => {
    expect((await find('พระราชกำหนด', 'assessment')).length).toBeGreaterThan(0);
    expect(await find('ฉ้อโกง', 'commitment')).toContain('UNCC-13');
  });

  it('follows writes to reference data and evidence in the same transaction', async () => {
    await db.update(commitments).set({ titleTh: 'ทดสอบคำว่าควอกก้าในชื่อพันธกรณี' }).where(eq(commitments.code, 'UNCC-13'));
    expect(await find('ควอกก้า', 'commitment')).toEqual(['UNCC-13']);
    await db.update(parties).set({ nameEn: 'Kingdom of Quokkaland' }).where(eq(parties.slug, 'tha'));
    expect(await find('quokkaland', 'party')).toEqual(['tha']);
    // Published evidence is immutable: a draft's evidence enters the index when the draft is published.
    const [published] = await db.select().from(assessments).where(eq(assessments.state, 'published')).limit(1);
    const { id: _id, seedKey: _seedKey, ...fields } = published!;
    const [draft] = await db.insert(assessments).values({ ...fields, state: 'draft', publishedAt: null, submittedAt: null }).returning();
    const [item] = await db.insert(evidence).values({ assessmentId: draft!.id, url: 'https://example.org/q', title: 'Wombatreport on mule accounts', publisher: 'Example', grade: 'official' }).returning();
    expect(await find('wombatreport', 'evidence')).toEqual([]);
    await db.update(assessments).set({ state: 'published', publishedAt: new Date().toISOString() }).where(eq(assessments.id, draft!.id));
    expect(await find('wombatreport', 'evidence')).toEqual([String(item!.id)]);
  });

  it('equals a rebuild from the views, and the FTS index passes its integrity check', async () => {
    const before = await contents();
    await db.transaction((tx) => rebuildSearchIndex(tx));
    expect(await contents()).toEqual(before);
    await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('integrity-check')`);
  });
});
