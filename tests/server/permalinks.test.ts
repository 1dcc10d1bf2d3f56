/**
 * Citations that never change, over HTTP against the built server: a past `as_of` view shows
 * what the monitor had published by the end of that day, so an assessment published now,
 * even one dated long before, leaves every past permalink (pages and API) byte for byte as it
 * was while today's view changes. Past views are sent immutable and kept by the page cache
 * ahead of Astro; today's stay validated by data versions. Every dated page names its day and
 * links to its permalink; Thai pages read Buddhist-era years. The "what changed" report lists
 * treaty actions, and across every party and instrument when no scope is given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { addDays, todayIso } from '../../src/domain/dates';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { Changes } from '../../src/lib/api/schemas';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { apiToken, createStaff } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

let server: TestServer;
let db: Database;
let editorToken: string;
let reviewerToken: string;
const today = todayIso();
/** A past day after the seed's publication (2026-11-23), so that its views hold published data. */
const PAST = addDays(today, -2);
/** A past day before the seed's publication: the monitor had published nothing yet. */
const EARLY = '2026-03-31';
/** The same day written with a Buddhist-era year, as a Thai reader would. */
const buddhist = (iso: string) => `${Number(iso.slice(0, 4)) + 543}${iso.slice(4)}`;

/** Every past permalink the test holds still: pages (both languages) and API reads. */
const PERMALINKS = [
  `/parties/tha?as_of=${PAST}`,
  `/th/parties/tha?as_of=${PAST}`,
  `/parties/tha?as_of=${EARLY}`,
  `/instruments/bangkok-joint-statement-2025?as_of=${PAST}`,
  `/th/instruments/bangkok-joint-statement-2025?as_of=${PAST}`,
  `/themes/${THEME_SLUGS.law_enforcement}?as_of=${PAST}`,
  `/?as_of=${PAST}`,
  `/compare?parties=tha&parties=bgd&as_of=${PAST}`,
  `/embed/parties/tha?as_of=${PAST}`,
  `/changes?party=tha&from=2026-01-01&to=${PAST}`,
  `/api/v1/parties/tha?as_of=${PAST}`,
  `/api/v1/parties/tha?as_of=${EARLY}`,
  `/api/v1/parties?as_of=${PAST}`,
  `/api/v1/assessments?party=tha&as_of=${PAST}`,
  `/api/v1/assessments?as_of=2026-01-15`,
  `/api/v1/changes?from=2026-01-01&to=${PAST}`,
];

/** The part of an answer that must not change: a page's <main> (the day line included: it names the fixed day), an API body whole. */
async function content(path: string): Promise<string> {
  // A cookie keeps the page cache out of it: this is a fresh render every time.
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity', cookie: 'unrelated=1' } });
  expect(response.status, path).toBe(200);
  const body = await response.text();
  if (path.startsWith('/api/')) return body;
  const main = /<main[\s\S]*<\/main>/.exec(body);
  expect(main, path).not.toBeNull();
  return main![0];
}

/** Creates, submits and publishes an assessment through the staff API (an editor, then a reviewer); returns its id. */
async function publishThroughApi(overrides: Record<string, unknown>): Promise<number> {
  const created = await callApi(server, 'POST', '/api/v1/assessments', { token: editorToken, body: newAssessment({ ...overrides, submit: true }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { token: reviewerToken, body: { decision: 'publish' } });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  expect(published.body.state).toBe('published');
  return created.body.id as number;
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  editorToken = await apiToken(db, await createStaff(db, 'editor@mfa.go.th', ['editor', 'analyst'], ['THA']));
  reviewerToken = await apiToken(db, await createStaff(db, 'secretariat@example.org', ['reviewer']));
});
afterAll(() => stopServerWithDatabase(server, db));

describe('permalinks never change', () => {
  it('a back-dated assessment published now leaves every past permalink byte for byte unchanged; today’s view changes', async () => {
    const before = new Map<string, string>();
    for (const path of PERMALINKS) before.set(path, await content(path));
    const todayBefore = await content('/parties/tha');
    // Sanity: the past views hold data, so "unchanged" means something.
    expect(before.get(`/api/v1/assessments?party=tha&as_of=${PAST}`)).toContain('"party":"tha"');
    expect(before.get(`/parties/tha?as_of=${PAST}`)).toContain('BJS-1');

    // Dated 2026-01-15, before every past day above (the first self-reported reading of BJS-2):
    // by `as_of` alone it would count on all of them.
    const id = await publishThroughApi({ commitment: 'BJS-2', status: 'complete', assessor: 'self_reported', asOf: '2026-01-15' });

    for (const path of PERMALINKS) expect(await content(path), path).toBe(before.get(path));
    const todayAfter = await content('/parties/tha');
    expect(todayAfter).not.toBe(todayBefore);
    // Its entry is on the page of the assessed list that holds it.
    expect(await content(`/parties/tha?assessment=${id}`)).toContain(`id="assessment-${id}"`);
    const scorecard = await (await server.get('/api/v1/parties/tha')).json();
    const bjs2 = scorecard.data.commitments.find((c: { code: string }) => c.code === 'BJS-2');
    expect(bjs2.current.self_reported.id).toBe(id);
    const listToday = await (await server.get(`/api/v1/assessments?party=tha&as_of=${today}`)).json();
    expect(listToday.data.map((a: { id: number }) => a.id)).toContain(id);
    const listPast = await (await server.get(`/api/v1/assessments?party=tha&as_of=${PAST}`)).json();
    expect(listPast.data.map((a: { id: number }) => a.id)).not.toContain(id);
  });
});

describe('caching past views', () => {
  it('sends a past as_of immutable, pages and API alike; today, a future day and junk stay validated', async () => {
    for (const path of [`/parties/tha?as_of=${PAST}`, `/instruments?as_of=${PAST}`, `/th/parties?as_of=${PAST}`, `/th/instruments/actip-2015?as_of=${PAST}`, `/api/v1/parties/tha?as_of=${PAST}`, `/api/v1/assessments?as_of=${PAST}`, `/api/v1/instruments?as_of=${PAST}`, `/api/v1/changes?party=tha&from=2026-01-01&to=${PAST}`]) {
      const response = await server.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(IMMUTABLE);
    }
    for (const path of ['/parties/tha', `/parties/tha?as_of=${today}`, `/parties/tha?as_of=${addDays(today, 3)}`, '/parties/tha?as_of=junk', `/api/v1/parties/tha?as_of=${today}`, '/api/v1/changes?party=tha&from=2026-01-01']) {
      const response = await server.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe(REVALIDATE);
    }
  });

  it('keeps a permalink in the page cache and answers it ahead of Astro, through a publication; 304 stays immutable', async () => {
    const path = `/parties/bgd?as_of=${PAST}`;
    const first = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(first.headers.get('x-page-cache')).toBe('miss');
    const body = await first.text();
    const second = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(second.headers.get('x-page-cache')).toBe('hit-front');
    expect(second.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await second.text()).toBe(body);
    // A publication for another party on a day covered by the permalink: still served from the cache, still right.
    await publishThroughApi({ commitment: 'BJS-3', status: 'limited', assessor: 'self_reported', asOf: '2026-02-01' });
    const third = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(third.headers.get('x-page-cache')).toBe('hit-front');
    expect(await third.text()).toBe(body);
    const etag = first.headers.get('etag')!;
    const conditional = await server.get(path, { headers: { 'if-none-match': etag } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get('cache-control')).toBe(IMMUTABLE);
    // The API's scorecard permalink likewise.
    const api = `/api/v1/parties/bgd?as_of=${PAST}`;
    expect((await server.get(api)).headers.get('x-page-cache')).toBe('miss');
    expect((await server.get(api)).headers.get('x-page-cache')).toBe('hit-front');
  });
});

describe('the day every page shows', () => {
  it('names the day and links to its permalink; today’s pages link to today’s permalink', async () => {
    const todayPage = await (await server.get('/parties/tha')).text();
    expect(todayPage).toContain(`data-shown-day="${today}"`);
    expect(todayPage).toContain(`href="/parties/tha?as_of=${today}"`);
    expect(todayPage).toMatch(/Showing data as published on [^<]+<span aria-hidden="true"> · <\/span><a [^>]*>Permalink<\/a>/);
    const past = await (await server.get(`/th/instruments/actip-2015?as_of=${PAST}`)).text();
    expect(past).toContain(`data-shown-day="${PAST}"`);
    expect(past).toContain(`href="/th/instruments/actip-2015?as_of=${PAST}"`);
    expect(past).toContain('แสดงข้อมูลตามที่เผยแพร่ ณ วันที่');
    const changes = await (await server.get('/changes?party=tha&from=2026-01-01')).text();
    expect(changes).toContain(`href="/changes?party=tha&amp;from=2026-01-01&amp;to=${today}"`);
    expect(await (await server.get('/')).text()).toContain(`href="/?as_of=${today}"`);
  });

  it('reads a Buddhist-era year on Thai pages as the same day', async () => {
    expect(await content(`/th/parties/tha?as_of=${buddhist(PAST)}`)).toBe(await content(`/th/parties/tha?as_of=${PAST}`));
    expect((await server.get(`/th/parties/tha?as_of=${buddhist(PAST)}`)).headers.get('cache-control')).toBe(IMMUTABLE);
    const thai = await (await server.get(`/th/changes?instrument=un-convention-against-cybercrime&from=${buddhist('2025-10-01')}&to=${buddhist('2025-10-31')}`)).text();
    expect(thai).toContain('value="2025-10-01"');
    expect(thai).toContain('data-table="steps"');
  });
});

describe('what changed, all of it', () => {
  it('lists treaty actions dated in the window, for an instrument and across everything', async () => {
    const instrument = Changes.parse(await (await server.get('/api/v1/changes?instrument=un-convention-against-cybercrime&from=2025-10-01&to=2025-10-31')).json()).data;
    const signatures = instrument.steps.filter((s) => s.kind === 'treaty_action' && s.step === 'signature');
    expect(signatures.length).toBeGreaterThan(10);
    expect(signatures.every((s) => s.on > '2025-10-01' && s.on <= '2025-10-31' && s.instrument === 'un-convention-against-cybercrime')).toBe(true);
    const everything = Changes.parse(await (await server.get('/api/v1/changes?from=2025-10-01&to=2025-10-31')).json()).data;
    expect(everything).toMatchObject({ party: null, instrument: null });
    expect(everything.steps.length).toBeGreaterThanOrEqual(signatures.length);
    expect((await server.get('/api/v1/changes?from=2025-10-31&to=2025-10-01')).status).toBe(400);
  });

  it('the everything view groups a back-dated publication under its party and instrument, and the date inputs are date pickers', async () => {
    const id = await publishThroughApi({ commitment: 'BJS-4', status: 'substantial', assessor: 'independent', asOf: '2026-02-15' });
    const from = addDays(today, -1);
    const api = Changes.parse(await (await server.get(`/api/v1/changes?from=${from}`)).json()).data;
    expect(api.statusChanges.filter((c) => c.assessmentId === id)).toMatchObject([{ party: 'tha', commitment: 'BJS-4', after: 'substantial' }]);
    expect(api.scoreChanges.some((c) => c.party === 'tha' && c.instrument === null)).toBe(true);
    const page = await server.get(`/changes?from=${from}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('What changed: every party and instrument');
    const tha = /<section class="change-party"[^>]*data-party="tha"[\s\S]*?(?=<section class="change-party"|<\/main>)/.exec(html);
    expect(tha).not.toBeNull();
    expect(tha![0]).toContain('data-instrument="bangkok-joint-statement-2025"');
    expect(tha![0]).toContain(`#assessment-${id}`);
    expect(html).toMatch(/<input id="changes-from" name="from" type="date" value="\d{4}-\d{2}-\d{2}"/);
    expect(html).toMatch(/<input id="changes-to" name="to" type="date" value="\d{4}-\d{2}-\d{2}"/);
    expect((await server.get(`/th/changes?from=${from}`)).status).toBe(200);
  });
});
