/**
 * `as_of` on /api/v1/parties/{code}: a history of assessments for a test state, written
 * straight into the server's database, and the scores worked out by hand for several days.
 *
 * The test state (`xts`, made here) joined the Bangkok Joint Statement and nothing else, so
 * exactly the seven commitments BJS-1 … BJS-7 apply to it, and it has no other assessment
 * (the seed's Partnership members now have researched ones). Dates are in
 * 2024 so that no day asked for is later than today (a later day would count as today).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, participations, parties } from '../../db/schema';
import type { ScorecardBody } from '../../src/lib/api/schemas';
import type { Assessor, Status } from '../../src/domain/vocabulary';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;
const ids = new Map<string, number>();
const PARTY = 'xts';

type Row = { key: string; commitment: string; status: Status; asOf: string; publishedAt: string; assessor?: Assessor; state?: 'published' | 'draft' | 'submitted' };

/** The history. Keys name rows for the assertions below. */
const HISTORY: Row[] = [
  { key: 'bjs1-limited', commitment: 'BJS-1', status: 'limited', asOf: '2024-01-10', publishedAt: '2024-01-11T09:00:00.000Z' },
  { key: 'bjs1-substantial', commitment: 'BJS-1', status: 'substantial', asOf: '2024-03-01', publishedAt: '2024-03-02T09:00:00.000Z' },
  { key: 'bjs1-complete', commitment: 'BJS-1', status: 'complete', asOf: '2024-05-01', publishedAt: '2024-05-02T09:00:00.000Z' },
  { key: 'bjs2-not-started', commitment: 'BJS-2', status: 'not_started', asOf: '2024-02-01', publishedAt: '2024-02-02T09:00:00.000Z' },
  // Two assessments of the same day: the later publication wins.
  { key: 'bjs2-limited', commitment: 'BJS-2', status: 'limited', asOf: '2024-04-01', publishedAt: '2024-04-02T09:00:00.000Z' },
  { key: 'bjs2-substantial', commitment: 'BJS-2', status: 'substantial', asOf: '2024-04-01', publishedAt: '2024-04-03T09:00:00.000Z' },
  // Published late but describing an early day: a view of a day shows what was published by
  // its end, so it counts from its publication day, and every row below from the day after its as_of.
  { key: 'bjs3-not-applicable', commitment: 'BJS-3', status: 'not_applicable', asOf: '2024-02-15', publishedAt: '2024-06-01T09:00:00.000Z' },
  { key: 'bjs4-no-evidence', commitment: 'BJS-4', status: 'no_evidence', asOf: '2024-03-10', publishedAt: '2024-03-11T09:00:00.000Z' },
  { key: 'bjs5-self', commitment: 'BJS-5', status: 'complete', asOf: '2024-02-20', publishedAt: '2024-02-21T09:00:00.000Z', assessor: 'self_reported' },
  // Never counted: not published.
  { key: 'bjs6-draft', commitment: 'BJS-6', status: 'complete', asOf: '2024-01-01', publishedAt: '2024-01-02T09:00:00.000Z', state: 'draft' },
  { key: 'bjs7-submitted', commitment: 'BJS-7', status: 'complete', asOf: '2024-01-01', publishedAt: '2024-01-02T09:00:00.000Z', state: 'submitted' },
];

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  await db.insert(parties).values({ slug: PARTY, kind: 'state', nameEn: 'Test State', nameTh: 'รัฐทดสอบ', region: 'asia', sourceUrl: 'https://example.org/test-state', sourcePublisher: 'Test', confidence: 'confirmed' });
  await db.insert(participations).values({ partySlug: PARTY, instrumentSlug: 'bangkok-joint-statement-2025', action: 'membership', actedOn: '2025-12-18', sourceUrl: 'https://example.org/test-state/bjs', sourcePublisher: 'Test', confidence: 'confirmed' });
  for (const row of HISTORY) {
    const published = (row.state ?? 'published') === 'published';
    const [inserted] = await db
      .insert(assessments)
      .values({
        partySlug: PARTY,
        commitmentCode: row.commitment,
        status: row.status,
        assessor: row.assessor ?? 'independent',
        asOf: row.asOf,
        narrativeEn: `Fixture ${row.key}`,
        narrativeTh: `ข้อมูลทดสอบ ${row.key}`,
        state: row.state ?? 'published',
        authorName: 'Fixture',
        publishedAt: published ? row.publishedAt : null,
      })
      .returning({ id: assessments.id });
    ids.set(row.key, inserted!.id);
  }
});
afterAll(() => stopServerWithDatabase(server, db));

async function scorecard(asOf?: string): Promise<ScorecardBody['data']> {
  const response = await server.get(`/api/v1/parties/${PARTY}${asOf ? `?as_of=${asOf}` : ''}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as ScorecardBody).data;
}

const commitment = (data: ScorecardBody['data'], code: string) => data.commitments.find((c) => c.code === code)!;

describe('as_of on a scorecard', () => {
  it('the fixture applies to exactly BJS-1 … BJS-7', async () => {
    const data = await scorecard();
    expect(data.commitments.map((c) => c.code).sort()).toEqual(['BJS-1', 'BJS-2', 'BJS-3', 'BJS-4', 'BJS-5', 'BJS-6', 'BJS-7']);
  });

  // Hand-computed: completion values not_started 0, limited 1/3, substantial 2/3, complete 1;
  // no_evidence is applicable but unrated; not_applicable leaves the count.
  const expected: { asOf: string; independent: [number | null, number, number]; self: [number | null, number, number] }[] = [
    // Only a draft and a submitted row exist on this day: nothing counts.
    { asOf: '2024-01-05', independent: [null, 0, 7], self: [null, 0, 7] },
    // Published 11 January: BJS-1 limited.
    { asOf: '2024-01-31', independent: [1 / 3, 1, 7], self: [null, 0, 7] },
    // BJS-1 limited, BJS-2 not started; BJS-3 (dated 15 February) not published yet; self: BJS-5 complete.
    { asOf: '2024-02-29', independent: [(1 / 3 + 0) / 2, 2, 7], self: [1, 1, 7] },
    // BJS-1 substantial, BJS-2 not started, BJS-4 no evidence (applicable, unrated).
    { asOf: '2024-03-31', independent: [(2 / 3 + 0) / 2, 2, 7], self: [1, 1, 7] },
    // BJS-2 substantial (the later of two publications for 1 April).
    { asOf: '2024-04-30', independent: [(2 / 3 + 2 / 3) / 2, 2, 7], self: [1, 1, 7] },
    // BJS-1 complete is dated 1 May but published on 2 May: not yet on 1 May.
    { asOf: '2024-05-01', independent: [(2 / 3 + 2 / 3) / 2, 2, 7], self: [1, 1, 7] },
    { asOf: '2024-05-02', independent: [(1 + 2 / 3) / 2, 2, 7], self: [1, 1, 7] },
    // BJS-3 not applicable, published 1 June (6 left).
    { asOf: '2024-06-01', independent: [(1 + 2 / 3) / 2, 2, 6], self: [1, 1, 7] },
  ];

  for (const { asOf, independent, self } of expected) {
    it(`on ${asOf} the overall scores are the hand-computed ones`, async () => {
      const data = await scorecard(asOf);
      expect(data.asOf).toBe(asOf);
      for (const [assessor, [score, rated, applicable]] of [
        ['independent', independent],
        ['self_reported', self],
      ] as const) {
        const overall = data.scores[assessor].overall;
        if (score === null) expect(overall.score).toBeNull();
        else expect(overall.score).toBeCloseTo(score, 12);
        expect(overall.rated).toBe(rated);
        expect(overall.applicable).toBe(applicable);
        expect(overall.coverage).toBeCloseTo(rated / applicable, 12);
        expect(overall.methodologyVersion).toBe('1.0');
      }
    });
  }

  it('names the assessment that counts for each commitment on a day', async () => {
    const march = await scorecard('2024-03-31');
    expect(commitment(march, 'BJS-1').current.independent).toMatchObject({ id: ids.get('bjs1-substantial'), status: 'substantial', asOf: '2024-03-01' });
    expect(commitment(march, 'BJS-2').current.independent?.id).toBe(ids.get('bjs2-not-started'));
    expect(commitment(march, 'BJS-3').current.independent).toBeNull();
    expect(commitment(await scorecard('2024-06-01'), 'BJS-3').current.independent?.status).toBe('not_applicable');
    expect(commitment(march, 'BJS-4').current.independent?.status).toBe('no_evidence');
    expect(commitment(march, 'BJS-5').current).toEqual({ self_reported: expect.objectContaining({ id: ids.get('bjs5-self') }), independent: null });
    expect(commitment(march, 'BJS-5').latestAssessmentId).toBe(ids.get('bjs5-self'));
    expect(commitment(march, 'BJS-6').current).toEqual({ self_reported: null, independent: null });
    expect(commitment(march, 'BJS-7').latestAssessmentId).toBeNull();
    expect(commitment(march, 'BJS-1').current.independent?.narrative).toEqual({ en: 'Fixture bjs1-substantial', th: 'ข้อมูลทดสอบ bjs1-substantial' });

    const april = await scorecard('2024-04-30');
    expect(commitment(april, 'BJS-2').current.independent).toMatchObject({ id: ids.get('bjs2-substantial'), status: 'substantial' });
  });

  it('scores by instrument and by theme on a day', async () => {
    const data = await scorecard('2024-04-30');
    const bjs = data.scores.independent.byInstrument.find((s) => s.instrument === 'bangkok-joint-statement-2025')!;
    expect(bjs.score).toBeCloseTo(2 / 3, 12);
    expect(bjs.rated).toBe(2);
    expect(bjs.applicable).toBe(7);
    const theme = (name: string) => data.scores.independent.byTheme.find((s) => s.theme === name)!;
    // BJS-3 (victim protection) is not rated yet: its not-applicable reading is published in June.
    expect(theme('victim_protection')).toMatchObject({ score: null, rated: 0, applicable: 1, coverage: 0 });
    const june = (await scorecard('2024-06-01')).scores.independent.byTheme.find((s) => s.theme === 'victim_protection')!;
    expect(june).toMatchObject({ score: null, rated: 0, applicable: 0, coverage: null });
    // BJS-4 (prevention and awareness) is applicable but not rated.
    expect(theme('prevention_awareness')).toMatchObject({ score: null, rated: 0, applicable: 1, coverage: 0 });
    expect(theme('political_commitment').score).toBeCloseTo(2 / 3, 12);
  });

  it('today (no as_of, or a day after today) shows the latest history', async () => {
    const today = await scorecard();
    const future = await scorecard('2999-01-01');
    expect(future.asOf).toBe(today.asOf);
    expect(today.scores.independent.overall.score).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(future.scores).toEqual(today.scores);
  });

  it('the assessment list honours as_of (dated by that day and published by its end), and since on the publication', async () => {
    const list = async (query: string) => {
      const response = await server.get(`/api/v1/assessments?party=${PARTY}&limit=200&${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { data: { id: number }[] }).data.map((a) => a.id);
    };
    const published = HISTORY.filter((r) => !r.state);
    expect(await list('')).toEqual(published.toSorted((a, b) => a.publishedAt.localeCompare(b.publishedAt)).map((r) => ids.get(r.key)));
    const shownOn = (r: Row, day: string) => r.asOf <= day && r.publishedAt <= `${day}T23:59:59.999Z`;
    expect((await list('as_of=2024-02-15')).sort()).toEqual(published.filter((r) => shownOn(r, '2024-02-15')).map((r) => ids.get(r.key)).sort());
    expect(await list('as_of=2024-02-15')).not.toContain(ids.get('bjs3-not-applicable'));
    expect(await list('as_of=2024-06-01')).toContain(ids.get('bjs3-not-applicable'));
    expect((await list('since=2024-04-03')).sort()).toEqual(published.filter((r) => r.publishedAt >= '2024-04-03').map((r) => ids.get(r.key)).sort());
  });
});
