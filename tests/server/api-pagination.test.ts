/**
 * Cursor pagination of /api/v1/assessments: walking every page while new assessments are
 * published between requests (written straight into the server's database) skips none and
 * repeats none of the rows that existed at the start.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments } from '../../db/schema';
import { AssessmentPage } from '../../src/lib/api/schemas';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;

const COMMITMENTS = ['BJS-1', 'BJS-2', 'BJS-3', 'BJS-4', 'BJS-5', 'BJS-6', 'BJS-7'];
const PARTIES = ['tha', 'bgd', 'npl', 'per', 'are'];
let counter = 0;

/** A published assessment row; `publishedAt` chooses where it sorts. */
function row(publishedAt: string, note: string) {
  counter += 1;
  return {
    partySlug: PARTIES[counter % PARTIES.length]!,
    commitmentCode: COMMITMENTS[counter % COMMITMENTS.length]!,
    status: 'limited' as const,
    assessor: 'independent' as const,
    asOf: publishedAt.slice(0, 10),
    narrativeEn: `Pagination fixture ${counter} (${note})`,
    state: 'published' as const,
    authorName: 'Fixture',
    publishedAt,
  };
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  // 240 rows over 60 distinct stamps: ties on published_at are broken by id.
  const rows = Array.from({ length: 240 }, (_, i) => row(`2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 5)).padStart(2, '0')}T08:00:00.000Z`, 'initial'));
  for (let i = 0; i < rows.length; i += 60) await db.insert(assessments).values(rows.slice(i, i + 60));
});
afterAll(() => stopServerWithDatabase(server, db));

async function page(query: string) {
  const response = await server.get(`/api/v1/assessments?${query}`);
  expect(response.status).toBe(200);
  return AssessmentPage.parse(await response.json());
}

describe('cursor pagination', () => {
  it('walks every page with no gap and no duplicate while new assessments are published', async () => {
    const before = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(eq(assessments.state, 'published'))
      .orderBy(asc(assessments.publishedAt), asc(assessments.id));
    const existing = before.map((r) => r.id);
    expect(existing.length).toBeGreaterThan(240);

    const seen: { id: number; publishedAt: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await page(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...result.data.map((a) => ({ id: a.id, publishedAt: a.publishedAt })));
      cursor = result.nextCursor;
      pages += 1;
      // Publish more between page requests: one far in the past (before the cursor), one
      // tied with the last row sent, and one now.
      const last = result.data.at(-1);
      await db.insert(assessments).values([
        row('2000-01-01T00:00:00.000Z', 'past'),
        row(last?.publishedAt ?? new Date().toISOString(), 'tie'),
        row(new Date().toISOString(), 'now'),
      ]);
    } while (cursor && pages < 500);

    const ids = seen.map((s) => s.id);
    expect(new Set(ids).size, 'no row is sent twice').toBe(ids.length);
    const sent = new Set(ids);
    const missing = existing.filter((id) => !sent.has(id));
    expect(missing, 'no row that existed at the start is skipped').toEqual([]);
    // The rows that existed come in the order they had at the start.
    expect(ids.filter((id) => existing.includes(id))).toEqual(existing);
    // The whole walk is in (published_at, id) order.
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1]!, seen[i]!];
      expect((a.publishedAt ?? '') < (b.publishedAt ?? '') || ((a.publishedAt ?? '') === (b.publishedAt ?? '') && a.id < b.id), `${a.id} before ${b.id}`).toBe(true);
    }
    expect(pages).toBeGreaterThan(30);
  });

  it('pages under a filter hold only matching rows and end with a null cursor', async () => {
    const all: number[] = [];
    let cursor: string | null = null;
    do {
      const result = await page(`party=NPL&status=limited&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      for (const a of result.data) {
        expect(a.party).toBe('npl');
        expect(a.status).toBe('limited');
      }
      all.push(...result.data.map((a) => a.id));
      cursor = result.nextCursor;
    } while (cursor);
    const expected = await db
      .select({ id: assessments.id })
      .from(assessments)
      .where(and(eq(assessments.state, 'published'), eq(assessments.partySlug, 'npl'), eq(assessments.status, 'limited')))
      .orderBy(asc(assessments.publishedAt), asc(assessments.id));
    expect(all).toEqual(expected.map((r) => r.id));
  });

  it('uses the default limit of 50 and gives an opaque base64url cursor', async () => {
    const result = await page('');
    expect(result.data).toHaveLength(50);
    expect(result.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const next = await page(`cursor=${result.nextCursor}`);
    expect(next.data[0]!.id).not.toBe(result.data.at(-1)!.id);
  });

  it('each assessment carries its evidence (or rests on cited measures)', async () => {
    const result = await page('party=tha&limit=200');
    const seeded = result.data.filter((a) => !a.narrative.en.startsWith('Pagination fixture'));
    expect(seeded.length).toBeGreaterThan(0);
    const citing = new Set((await db.$client.execute('SELECT DISTINCT assessment_id FROM assessment_measures')).rows.map((r) => Number(r.assessment_id)));
    for (const a of seeded) if (!citing.has(a.id)) expect(a.evidence.length, String(a.id)).toBeGreaterThan(0);
  });
});
