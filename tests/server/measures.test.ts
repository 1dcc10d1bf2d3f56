/**
 * The measures register over HTTP against a built server: the measure, party-measures and
 * commitment pages in English and Thai, the scorecard's measures section, the API's filters,
 * pagination and errors, and the downloads. The server's database gets the measure fixtures
 * (tests/fixtures/measures-content) on top of content/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent } from '../../db/content';
import { seedDatabase } from '../../db/seed';
import { createFixtureContentDir } from '../helpers/measure-fixtures';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

type Json = Record<string, any>;
let server: TestServer;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  await seedDatabase(db, loadContent(createFixtureContentDir()));
});
afterAll(() => stopServerWithDatabase(server, db));

const page = async (path: string) => {
  const response = await server.get(path);
  return { status: response.status, html: (await response.text()).replace(/ data-astro-cid-\w+/g, ''), location: response.headers.get('location') };
};
const json = async (path: string) => {
  const response = await server.get(path);
  return { status: response.status, body: (await response.json()) as Json };
};

describe('/measures/{id}', () => {
  it('shows steps, sources with confidence and checked date, and commitments by instrument', async () => {
    const { status, html } = await page('/measures/tha-fixture-decree-2025');
    expect(status).toBe(200);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('Fixture decree on technology crime');
    expect(html).toMatch(/data-field="current-step">In force, <time datetime="2025-04-13">/);
    expect(html).toContain('data-step="adopted"');
    expect(html).toContain('href="https://example.org/gazette/2025/decree-2"');
    expect(html).toContain('confirmed in source');
    expect(html).toContain('reported by a secondary source');
    expect(html).toContain('Checked on <time datetime="2026-12-04">');
    for (const code of ['UNCC-13', 'BJS-6', 'ADCOS25-1']) expect(html).toContain(`href="/commitments/${code}"`);
    expect(html).toContain('id="instrument-un-convention-against-cybercrime"');
    expect(html).toContain('Partly covers');
  });

  it('speaks Thai under /th', async () => {
    const { status, html } = await page('/th/measures/tha-fixture-decree-2025');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="th"');
    expect(html).toContain('พระราชกำหนดทดสอบ');
    expect(html).toContain('ขั้นตอน');
    expect(html).toContain('href="/th/commitments/UNCC-13"');
  });

  it('answers 404 for an unknown or unpublished measure, and redirects upper case', async () => {
    expect((await page('/measures/tha-nothing-2025')).status).toBe(404);
    expect((await page('/th/measures/tha-nothing-2025')).status).toBe(404);
    const upper = await page('/measures/THA-FIXTURE-DECREE-2025');
    expect(upper.status).toBe(301);
    expect(upper.location).toBe('/measures/tha-fixture-decree-2025');
  });
});

describe('/parties/{code}/measures', () => {
  it("lists a party's measures with status and commitment counts, in both languages", async () => {
    const en = await page('/parties/tha/measures');
    expect(en.status).toBe(200);
    expect(en.html).toContain('href="/measures/tha-fixture-decree-2025"');
    expect(en.html).toContain('href="/measures/tha-fixture-centre-2023"');
    expect(en.html).not.toContain('aus-fixture');
    const th = await page('/th/parties/tha/measures');
    expect(th.status).toBe(200);
    expect(th.html).toContain('href="/th/measures/tha-fixture-decree-2025"');
    expect((await page('/parties/zzz/measures')).status).toBe(404);
    expect((await page('/parties/interpol/measures')).html).toContain('No measure of this party is recorded yet.');
  });
});

describe('/commitments/{code}', () => {
  it('answers "who has a measure for it, and how far", with a stable anchor per party', async () => {
    const { status, html } = await page('/commitments/UNCC-13');
    expect(status).toBe(200);
    expect(html).toMatch(/<li id="party-aus" data-party="aus" data-extent="covers">/);
    expect(html).toMatch(/<li id="party-tha" data-party="tha" data-extent="(partly_covers|covers)">/);
    expect(html.indexOf('id="party-aus"')).toBeLessThan(html.indexOf('id="party-tha"'));
    expect(html).toContain('href="/measures/aus-fixture-ordinance-2025"');
    const th = await page('/th/commitments/UNCC-13');
    expect(th.status).toBe(200);
    expect(th.html).toContain('ใครมีมาตรการรองรับ');
    expect((await page('/commitments/uncc-13')).location).toBe('/commitments/UNCC-13');
    expect((await page('/commitments/NOPE-9')).status).toBe(404);
  });

  it('says which kinds of party a commitment binds', async () => {
    expect((await page('/commitments/BJS-1')).html).toContain('data-field="party-kinds">States only');
    expect((await page('/commitments/BJS-5')).html).toContain('data-field="party-kinds">Every party');
    const [unmapped] = (await db.$client.execute("SELECT code FROM commitments WHERE code NOT IN (SELECT commitment_code FROM measure_commitments) ORDER BY code LIMIT 1")).rows;
    expect((await page(`/commitments/${unmapped!.code}`)).html).toContain('No measure is mapped to this commitment yet.');
  });

  it('is linked from its instrument page', async () => {
    expect((await page('/instruments/un-convention-against-cybercrime')).html).toContain('href="/commitments/UNCC-13#who"');
  });
});

describe('the scorecard', () => {
  it('has a Measures section with the count, the link, what assessments rest on, and the research note', async () => {
    const aus = await page('/parties/aus');
    expect(aus.status).toBe(200);
    expect(aus.html).toContain('<span data-figure="measures">Measures recorded: 1</span>');
    expect(aus.html).toContain('href="/parties/aus/measures"');
    expect(aus.html).toMatch(/data-basis="law_or_official">1 rest on law or official sources/);
    expect(aus.html).toMatch(/data-basis="media_only">1 rest on media reports alone/);
    expect(aus.html).toContain('data-cited-measure="aus-fixture-ordinance-2025"');
    const eu = await page('/parties/eu');
    expect(eu.html).toContain('data-section="research-note"');
    expect(eu.html).toContain('No fixture SIM rule was found.');
    expect((await page('/th/parties/eu')).html).toContain('ไม่พบกฎ SIM ทดสอบ');
  });
});

describe('/api/v1/measures', () => {
  it('filters by party, commitment and kind', async () => {
    const tha = await json('/api/v1/measures?party=THA');
    expect(tha.status).toBe(200);
    expect(tha.body.data.every((m: Json) => m.party === 'tha')).toBe(true);
    const uncc = await json('/api/v1/measures?commitment=UNCC-13');
    expect(uncc.body.data.map((m: Json) => m.id).filter((id: string) => id.includes('fixture')).sort()).toEqual(['aus-fixture-ordinance-2025', 'tha-fixture-decree-2025']);
    const institutions = await json('/api/v1/measures?kind=institution&party=tha');
    expect(institutions.body.data.map((m: Json) => m.id)).toContain('tha-fixture-centre-2023');
    expect(institutions.body.data.every((m: Json) => m.kind === 'institution')).toBe(true);
  });

  it('walks every page once', async () => {
    const all = (await json('/api/v1/measures?limit=200')).body.data.map((m: Json) => m.id);
    const seen: string[] = [];
    let next: string | null = '';
    while (next !== null) {
      const { body }: { body: Json } = await json(`/api/v1/measures?limit=1${next ? `&cursor=${next}` : ''}`);
      seen.push(...body.data.map((m: Json) => m.id));
      next = body.nextCursor;
    }
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it('answers bad input with a 400 naming the parameter, an unknown id with a 404', async () => {
    for (const [query, field] of [['party=zzz', 'party'], ['commitment=NOPE-1', 'commitment'], ['kind=treaty', 'kind'], ['cursor=abc', 'cursor'], ['limit=0', 'limit']]) {
      const { status, body } = await json(`/api/v1/measures?${query}`);
      expect(status, query).toBe(400);
      expect(body.error.field).toBe(field);
    }
    const missing = await json('/api/v1/measures/tha-nothing-2025');
    expect(missing.status).toBe(404);
    const one = await json('/api/v1/measures/tha-fixture-decree-2025');
    expect(one.body.data.steps.map((s: Json) => s.step)).toEqual(['adopted', 'in_force']);
    expect(one.body.data.sources[0]).toMatchObject({ role: 'official', confidence: 'confirmed', checkedOn: '2026-12-05' });
    expect(one.body.data.commitments.map((c: Json) => c.code)).toEqual(expect.arrayContaining(['UNCC-13', 'BJS-6', 'ADCOS25-1']));
  });
});

describe('downloads', () => {
  it('serves measures and the crosswalk as CSV', async () => {
    const measures = await (await server.get('/data/measures.csv')).text();
    expect(measures).toContain('tha-fixture-decree-2025');
    const crosswalk = await (await server.get('/data/measure-commitments.csv')).text();
    expect(crosswalk).toMatch(/tha-fixture-decree-2025,tha,UNCC-13,un-convention-against-cybercrime,partly_covers/);
  });
});
