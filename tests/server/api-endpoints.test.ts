/**
 * The read API against a built server on its own temp database: every endpoint's real
 * response parses with its zod schema and validates against the OpenAPI document the server
 * publishes; the API agrees with the pages; bad input is a 400 or 404 naming the parameter,
 * never a 500; responses cache with a strong ETag.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments } from '../../db/schema';
import { ENDPOINTS } from '../../src/lib/api/openapi';
import { ApiErrorBody, type PartyListBody, type ScorecardBody } from '../../src/lib/api/schemas';
import { loadContent } from '../../db/content';
import { seedDatabase } from '../../db/seed';
import { createFixtureContentDir } from '../helpers/measure-fixtures';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { fixedDayOf } from '../../src/lib/server/fixed-view';

type Json = Record<string, any>;

let server: TestServer;
let db: Database;
let doc: Json;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  // The measure fixtures (tests/fixtures/measures-content), so that the measure endpoints have rows.
  await seedDatabase(db, loadContent(createFixtureContentDir()));
  const response = await server.get('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  doc = (await response.json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi.json');
});
afterAll(() => stopServerWithDatabase(server, db));

/** Validates `body` against the schema the document gives for `path` and `status`. */
function validateAgainstDocument(openapiPath: string, status: number, body: unknown) {
  const schema = doc.paths[openapiPath]?.get?.responses?.[String(status)]?.content?.['application/json']?.schema as Json | undefined;
  expect(schema, `${openapiPath} documents a ${status}`).toBeDefined();
  const validate = ajv.compile({ $ref: `openapi.json${schema!.$ref}` });
  const valid = validate(body);
  expect(valid, `${openapiPath} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
}

async function getJson(path: string, init?: RequestInit) {
  const response = await server.get(path, init);
  const text = await response.text();
  return { response, status: response.status, text, body: text ? (JSON.parse(text) as Json) : null };
}

/** Real requests for every endpoint, by the endpoint's OpenAPI path. */
const CASES: Record<string, string[]> = {
  '/api/v1/parties': ['', '?kind=state&region=asia&instrument=bangkok-joint-statement-2025', '?as_of=2025-01-01', '?kind=company'],
  '/api/v1/parties/{code}': ['/tha', '/TIKTOK', '/tha?as_of=2020-01-01', '/tha?as_of=2099-01-01', '/asean', '/unodc'],
  '/api/v1/instruments': ['', '?as_of=2025-01-01'],
  '/api/v1/instruments/{slug}': ['/un-convention-against-cybercrime', '/BANGKOK-JOINT-STATEMENT-2025', '/actip-2015?as_of=2016-01-01'],
  '/api/v1/commitments': ['', '?instrument=un-convention-against-cybercrime', '?theme=financial_flows', '?instrument=bangkok-joint-statement-2025&theme=law_enforcement'],
  '/api/v1/assessments': ['', '?party=THA&limit=3', '?status=substantial', '?since=2026-01-01', '?theme=financial_flows&instrument=bangkok-joint-statement-2025', '?as_of=2025-12-31', '?limit=200'],
  '/api/v1/indicators': ['', '?party=tha'],
  '/api/v1/conferences': [''],
  '/api/v1/measures': ['', '?party=THA&limit=1', '?commitment=uncc-13', '?kind=institution', '?party=aus&commitment=UNCC-7&kind=law'],
  '/api/v1/measures/{id}': ['/tha-fixture-decree-2025', '/AUS-FIXTURE-ORDINANCE-2025'],
  '/api/v1/search': ['?q=fraud', '?q=%E0%B8%9E%E0%B8%A3%E0%B8%B0%E0%B8%A3%E0%B8%B2%E0%B8%8A%E0%B8%81%E0%B8%B3%E0%B8%AB%E0%B8%99%E0%B8%94&lang=th', '?q=mule+accounts&kind=assessment&party=THA', '?q=a', '?q=%22%29%28*+NEAR'],
  '/api/v1/changes': ['?party=THA&from=2020-01-01', '?party=tha&from=2025-01-01&to=2025-12-31', '?instrument=bangkok-joint-statement-2025&from=2020-01-01', '?instrument=un-convention-against-cybercrime&from=2026-01-01&to=2026-01-01'],
};

describe('every endpoint', () => {
  it('has real requests in this test', () => {
    expect(Object.keys(CASES).sort()).toEqual(ENDPOINTS.map((e) => e.path).sort());
  });

  for (const endpoint of ENDPOINTS) {
    for (const suffix of CASES[endpoint.path] ?? []) {
      const url = endpoint.path.replace(/\/\{\w+\}$/, '') + suffix;
      it(`GET ${url} parses with its schema and matches the OpenAPI document`, async () => {
        const { response, status, body } = await getJson(url);
        expect(status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        // A view of a past day never changes: kept for a year; today's is revalidated.
        const target = new URL(url, 'http://x');
        const fixed = fixedDayOf(target.pathname, target.searchParams, 'en') !== null;
        expect(response.headers.get('cache-control')).toBe(fixed ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate');
        // Weak when the body was sent compressed (lib/server/compression.ts).
        expect(response.headers.get('etag')).toMatch(/^(?:W\/)?"[A-Za-z0-9_-]{43}"$/);
        expect(response.headers.get('access-control-allow-origin')).toBe('*');
        // The zod schema accepts the body as it is, with nothing stripped.
        expect(endpoint.response.parse(body)).toEqual(body);
        validateAgainstDocument(endpoint.path, 200, body);
      });
    }
  }

  it('every instrument in the list answers on its own address', async () => {
    const { body } = await getJson('/api/v1/instruments');
    for (const instrument of body!.data as Json[]) {
      const one = await getJson(instrument.links.self);
      expect(one.status).toBe(200);
      const { entryIntoForce, commitmentCount, partyCount, ...fields } = instrument;
      expect(one.body!.data.instrument).toEqual(fields);
      expect(one.body!.data.entryIntoForce).toEqual(entryIntoForce);
      expect(one.body!.data.commitments).toHaveLength(commitmentCount);
      expect(new Set((one.body!.data.participations as Json[]).map((p) => p.party)).size).toBe(partyCount);
      validateAgainstDocument('/api/v1/instruments/{slug}', 200, one.body);
    }
  });

  it('serves the OpenAPI document itself with an ETag', async () => {
    const response = await server.get('/api/v1/openapi.json');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('etag')).toBeTruthy();
    expect(((await response.json()) as Json).openapi).toBe('3.1.0');
  });
});

describe('the API and the pages agree', () => {
  it('/api/v1/parties/tha has the overall scores and coverage shown on /parties/tha', async () => {
    const { body } = await getJson('/api/v1/parties/tha');
    const scorecard = body as ScorecardBody;
    const html = await (await server.get('/parties/tha')).text();
    let compared = 0;
    for (const assessor of ['self_reported', 'independent'] as const) {
      const match = html.match(new RegExp(`data-figure="overall-${assessor}"[^>]*>([^<]*)<[\\s\\S]*?class="note"[^>]*>Coverage ([^<]*?) · (\\d+) of (\\d+) commitments rated<`));
      if (!match) continue;
      compared += 1;
      const [, figure, coverage, rated, applicable] = match;
      const overall = scorecard.data.scores[assessor].overall;
      expect(figure!.trim()).toBe(overall.score === null ? '—' : `${Math.round(overall.score * 100)}%`);
      expect(coverage!.trim()).toBe(overall.coverage === null ? '—' : `${Math.round(overall.coverage * 100)}%`);
      expect(Number(rated)).toBe(overall.rated);
      expect(Number(applicable)).toBe(overall.applicable);
    }
    expect(compared, 'the page shows at least one overall score').toBeGreaterThan(0);
    expect(scorecard.data.scores.independent.overall.rated).toBeGreaterThan(0);
    // The page lists an assessment for each commitment the API has one for, with its evidence (on the pages of its assessed list).
    const pageLinks = [...new Set([...html.matchAll(/href="(\/parties\/tha\?page=\d+)#commitments"/g)].map((m) => m[1]!))];
    const allPages = [html, ...(await Promise.all(pageLinks.map(async (path) => (await server.get(path)).text())))].join('');
    for (const commitment of scorecard.data.commitments) {
      for (const current of Object.values(commitment.current)) {
        if (!current) continue;
        expect(allPages).toContain(`id="assessment-${current.id}"`);
        for (const e of current.evidence) expect(allPages).toContain(e.url.replace(/&/g, '&amp;'));
      }
    }
  });

  it('the party list gives every party the overall score its scorecard gives', async () => {
    const { body } = await getJson('/api/v1/parties');
    const list = body as PartyListBody;
    expect(list.data.length).toBeGreaterThan(10);
    const withCommitments = list.data.filter((p) => p.overall.independent.applicable > 0);
    for (let i = 0; i < withCommitments.length; i += 10) {
      await Promise.all(
        withCommitments.slice(i, i + 10).map(async (party) => {
          const one = (await getJson(party.links.self)).body as ScorecardBody;
          expect(one.data.scores.independent.overall, party.code).toEqual(party.overall.independent);
          expect(one.data.scores.self_reported.overall, party.code).toEqual(party.overall.self_reported);
        }),
      );
    }
  });

  it('the party filters give the same parties as the /parties page', async () => {
    const query = '?kind=state&region=asia&instrument=bangkok-joint-statement-2025';
    const { body } = await getJson(`/api/v1/parties${query}`);
    const html = await (await server.get(`/parties${query}`)).text();
    const count = html.match(/data-figure="party-count"[^>]*>(\d+)/)?.[1];
    expect((body as PartyListBody).data.length).toBe(Number(count));
    for (const party of (body as PartyListBody).data) expect(html).toContain(`href="/parties/${party.code}"`);
  });

  it('the Convention’s entry-into-force figures are the home page’s', async () => {
    const { body } = await getJson('/api/v1/instruments/un-convention-against-cybercrime');
    const eif = body!.data.entryIntoForce as Json;
    const html = await (await server.get('/')).text();
    const figure = (name: string) => html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1]?.trim();
    expect(figure('signatories')).toBe(String(eif.signatories));
    expect(figure('ratifications')).toBe(String(eif.counted));
    expect(figure('threshold')).toBe(String(eif.threshold));
    expect(figure('still-needed')).toBe(String(eif.stillNeeded));
  });
});

describe('only published data', () => {
  it('never shows a draft, submitted or returned assessment', async () => {
    const marker = 'UNPUBLISHED-MARKER';
    for (const state of ['draft', 'submitted', 'returned'] as const) {
      await db.insert(assessments).values({
        partySlug: 'tha',
        commitmentCode: 'BJS-1',
        status: 'complete',
        assessor: 'self_reported',
        asOf: '2026-01-01',
        narrativeEn: `${marker} ${state}`,
        state,
        authorName: 'Test editor',
      });
    }
    const all: Json[] = [];
    let cursor: string | null = null;
    do {
      const page = await getJson(`/api/v1/assessments?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      all.push(...(page.body!.data as Json[]));
      cursor = page.body!.nextCursor as string | null;
    } while (cursor);
    expect(all.length).toBeGreaterThan(0);
    expect(JSON.stringify(all)).not.toContain(marker);
    const scorecard = await getJson('/api/v1/parties/tha');
    expect(scorecard.text).not.toContain(marker);
    expect(scorecard.body!.data.scores.self_reported.overall.rated).toBe(0);
  });
});

describe('bad input', () => {
  const badRequests: [string, string][] = [
    ['/api/v1/parties?kind=planet', 'kind'],
    ['/api/v1/parties?region=atlantis', 'region'],
    ['/api/v1/parties?instrument=nope', 'instrument'],
    ['/api/v1/parties?as_of=2025-13-45', 'as_of'],
    ['/api/v1/parties/tha?as_of=yesterday', 'as_of'],
    ['/api/v1/parties/tha?as_of=2025-02-30', 'as_of'],
    ['/api/v1/instruments?as_of=20250101', 'as_of'],
    ['/api/v1/instruments/actip-2015?as_of=junk', 'as_of'],
    ['/api/v1/commitments?theme=weather', 'theme'],
    ['/api/v1/commitments?instrument=nope', 'instrument'],
    ['/api/v1/assessments?status=done', 'status'],
    ['/api/v1/assessments?theme=weather', 'theme'],
    ['/api/v1/assessments?party=zzz', 'party'],
    ['/api/v1/assessments?instrument=nope', 'instrument'],
    ['/api/v1/assessments?since=last-week', 'since'],
    ['/api/v1/assessments?as_of=2026-1-1', 'as_of'],
    ['/api/v1/assessments?limit=0', 'limit'],
    ['/api/v1/assessments?limit=201', 'limit'],
    ['/api/v1/assessments?limit=abc', 'limit'],
    ['/api/v1/assessments?limit=2.5', 'limit'],
    ['/api/v1/assessments?cursor=not-a-cursor', 'cursor'],
    ['/api/v1/assessments?cursor=' + Buffer.from('[1,2]').toString('base64url'), 'cursor'],
    ['/api/v1/assessments?cursor=' + Buffer.from('{"a":1}').toString('base64url'), 'cursor'],
    ['/api/v1/assessments?cursor=' + Buffer.from('["2026-01-01",-1]').toString('base64url'), 'cursor'],
    ['/api/v1/assessments?cursor=abc%24def', 'cursor'],
    ['/api/v1/indicators?party=zzz', 'party'],
  ];
  for (const [path, field] of badRequests) {
    it(`${path} is a 400 naming ${field}`, async () => {
      const { response, status, body } = await getJson(path);
      expect(status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(ApiErrorBody.parse(body)).toEqual(body);
      expect(body!.error.field).toBe(field);
      expect(body!.error.message).toContain(field);
      const openapiPath = path.split('?')[0]!.replace(/^\/api\/v1\/(parties|instruments)\/[^/]+$/, '/api/v1/$1/{x}').replace('{x}', path.includes('/parties/') ? '{code}' : '{slug}');
      validateAgainstDocument(openapiPath, 400, body);
    });
  }

  for (const [path, field] of [
    ['/api/v1/parties/zzz', 'code'],
    ['/api/v1/parties/%E0%B9%84%E0%B8%97%E0%B8%A2', 'code'],
    ['/api/v1/instruments/nope', 'slug'],
  ] as const) {
    it(`${path} is a JSON 404`, async () => {
      const { status, body } = await getJson(path);
      expect(status).toBe(404);
      expect(body!.error.field).toBe(field);
      validateAgainstDocument(path.includes('/parties/') ? '/api/v1/parties/{code}' : '/api/v1/instruments/{slug}', 404, body);
    });
  }

  it('an unknown parameter is ignored, and an empty one counts as absent', async () => {
    expect((await getJson('/api/v1/parties?_=123&kind=')).status).toBe(200);
  });

  it('junk anywhere is never a 500', async () => {
    const junk = ['%00', ' ', '9'.repeat(400), '"\'<script>', '..%2F..%2Fetc', '[]', '-1', '1e3', 'null', '🙂', encodeURIComponent('ไทย')];
    const paths = ENDPOINTS.map((e) => e.path.replace('{code}', 'tha').replace('{slug}', 'actip-2015').replace('{id}', 'tha-fixture-decree-2025'));
    const names = ['as_of', 'kind', 'region', 'instrument', 'theme', 'status', 'since', 'cursor', 'limit', 'party', 'commitment'];
    for (const path of paths) {
      for (const value of junk) {
        const query = names.map((n) => `${n}=${value}`).join('&');
        const { status, body } = await getJson(`${path}?${query}`);
        expect([200, 400], `${path}?${query}`).toContain(status);
        if (status === 400) expect(body!.error.field).toBeTruthy();
      }
    }
    // (A bare space is trimmed by the URL parser, leaving a trailing slash that redirects.)
    for (const value of junk.filter((v) => v.trim())) {
      expect([200, 404], value).toContain((await server.get(`/api/v1/parties/${value}`)).status);
    }
  });
});

describe('caching', () => {
  it('answers a matching If-None-Match with a 304 and no body', async () => {
    // The plain representation, whose ETag is strong (a compressed one's is weak: compression.test.ts).
    const identity = { 'accept-encoding': 'identity' };
    const first = await server.get('/api/v1/parties/tha', { headers: identity });
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await server.get('/api/v1/parties/tha', { headers: identity });
    expect(again.headers.get('etag')).toBe(etag);
    await again.arrayBuffer();

    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const cached = await server.get('/api/v1/parties/tha', { headers: { ...identity, 'if-none-match': header } });
      expect(cached.status, header).toBe(304);
      expect(cached.headers.get('etag')).toBe(etag);
      expect(cached.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect(await cached.text()).toBe('');
    }
    const stale = await server.get('/api/v1/parties/tha', { headers: { ...identity, 'if-none-match': '"stale"' } });
    expect(stale.status).toBe(200);
    expect((await stale.json()) as Json).toHaveProperty('data');
  });

  it('gives a different ETag for different data', async () => {
    const today = await server.get('/api/v1/parties/tha');
    const past = await server.get('/api/v1/parties/tha?as_of=2020-01-01');
    expect(today.headers.get('etag')).not.toBe(past.headers.get('etag'));
    await Promise.all([today.arrayBuffer(), past.arrayBuffer()]);
  });

  it('the ETag is the SHA-256 of the body', async () => {
    const response = await server.get('/api/v1/conferences');
    const body = Buffer.from(await response.arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(response.headers.get('etag')!.replace(/^W\//, '')).toBe(`"${createHash('sha256').update(body).digest('base64url')}"`);
  });
});
