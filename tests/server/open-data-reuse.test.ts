/**
 * Feeds, embeds, "what changed", caching and security headers, over HTTP against the built
 * server on its own temp database. Assessments are published through the service functions
 * (src/lib/server/assessments/service.ts), as staff would publish them.
 */
import { createHash } from 'node:crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/domain/dates';
import type { Database } from '../../db/client';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { Changes, Scorecard } from '../../src/lib/api/schemas';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;

const editor: Acting = { id: 'editor-feed', email: 'editor@example.org', name: 'Editor <Feeds> & Co', roles: ['editor', 'analyst'], parties: ['tha', 'npl', 'bgd'] };
const reviewer: Acting = { id: 'reviewer-feed', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };

/** Creates, submits and publishes an assessment; returns its id. */
async function publish(patch: Record<string, unknown>): Promise<number> {
  const input = assessmentInputSchema.parse({
    party: 'THA',
    commitment: 'BJS-1',
    status: 'substantial',
    assessor: 'independent',
    asOf: '2026-01-15',
    narrative: 'A lead agency was named by cabinet resolution.',
    evidence: [{ url: 'https://www.example.org/resolution', title: 'Cabinet resolution', publisher: 'Cabinet Secretariat', date: '2026-01-10', grade: 'official' }],
    ...patch,
  });
  const draft = await createAssessment(db, editor, input);
  await submitAssessment(db, editor, draft.id);
  await reviewAssessment(db, reviewer, draft.id, 'publish', null);
  return draft.id;
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['entry', 'link', 'category'].includes(name), parseTagValue: false });

async function feed(path: string, init?: RequestInit) {
  const response = await server.get(path, init);
  const xml = await response.text();
  return { response, xml };
}

/** Parses an Atom document with a real XML parser and checks RFC 4287's required elements. */
function parseAtom(xml: string) {
  expect(XMLValidator.validate(xml), 'well-formed XML').toBe(true);
  const doc = parser.parse(xml) as { feed: Record<string, any> };
  const f = doc.feed;
  expect(f['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  for (const required of ['id', 'title', 'updated']) expect(f[required], `feed/${required}`).toBeTruthy();
  expect(f.author?.name, 'feed/author (no entry may lack one)').toBeTruthy();
  expect(f.link.some((l: any) => l['@_rel'] === 'self')).toBe(true);
  const entries: any[] = f.entry ?? [];
  for (const e of entries) {
    for (const required of ['id', 'title', 'updated']) expect(e[required], `entry/${required}`).toBeTruthy();
    expect(e.link.some((l: any) => l['@_rel'] === 'alternate' && /^https?:\/\//.test(l['@_href']))).toBe(true);
    expect(e.author.name).toBeTruthy();
    expect(Date.parse(e.updated)).not.toBeNaN();
  }
  const text = (v: any) => (typeof v === 'object' ? v['#text'] : v) as string;
  return { feed: f, entries, text };
}

describe('Atom feeds', () => {
  it('/feed.xml is valid Atom with the 50 newest published assessments, newest first, linked to the scorecard', async () => {
    const { response, xml } = await feed('/feed.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const { entries, text } = parseAtom(xml);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(50);
    const stamps = entries.map((e) => e.published as string);
    expect([...stamps].sort().reverse()).toEqual(stamps);
    for (const e of entries) expect(e.link[0]['@_href']).toMatch(new RegExp(`^${server.origin}/parties/[a-z0-9-]+\\?as_of=\\d{4}-\\d{2}-\\d{2}#assessment-\\d+$`));
    expect(text(entries[0].title)).toMatch(/: .+\(.+\)$/);
  });

  it('escapes what staff typed, so the feed stays well-formed and the text comes back exactly', async () => {
    const narrative = 'Bill <b>passed</b> & signed: "Act 5" — it\'s <script>alert(1)</script> ]]> done';
    const id = await publish({ narrative, commitment: 'BJS-2', asOf: '2026-02-01' });
    const { xml } = await feed('/parties/tha/feed.xml');
    expect(xml).not.toContain('<script>');
    const { entries, text } = parseAtom(xml);
    const entry = entries.find((e) => text(e.id).endsWith(`#assessment-${id}`));
    expect(entry, 'the new assessment is in the party feed').toBeTruthy();
    expect(text(entry.summary)).toContain(narrative);
    expect(entry.author.name).toBe('Editor <Feeds> & Co');
    expect(entries[0], 'newest first').toBe(entry);
  });

  it('per party and per instrument feeds hold only their own assessments; Thai under /th', async () => {
    const party = parseAtom((await feed('/parties/npl/feed.xml')).xml);
    for (const e of party.entries) expect(e.link[0]['@_href']).toContain('/parties/npl?');
    const instrument = parseAtom((await feed('/instruments/un-convention-against-cybercrime/feed.xml')).xml);
    for (const e of instrument.entries) expect(e.category.some((c: any) => c['@_term'] === 'un-convention-against-cybercrime')).toBe(true);
    const thai = await feed('/th/parties/tha/feed.xml');
    const th = parseAtom(thai.xml);
    expect(th.feed['@_xml:lang']).toBe('th-TH');
    expect(th.text(th.feed.title)).toContain('ไทย');
    expect(th.entries[0].link[0]['@_href']).toContain('/th/parties/tha?');
    expect((await server.get('/parties/zzz/feed.xml')).status).toBe(404);
    expect((await server.get('/instruments/zzz/feed.xml')).status).toBe(404);
  });

  it('honours If-None-Match and If-Modified-Since with 304, and a publish changes the ETag', async () => {
    const first = await feed('/feed.xml');
    const etag = first.response.headers.get('etag')!;
    const lastModified = first.response.headers.get('last-modified')!;
    expect(etag).toMatch(/^(?:W\/)?"[\w-]+"$/);
    expect(Date.parse(lastModified)).not.toBeNaN();
    expect((await server.get('/feed.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await server.get('/feed.xml', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    expect((await server.get('/feed.xml', { headers: { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since (RFC 9110).
    expect((await server.get('/feed.xml', { headers: { 'if-none-match': '"other"', 'if-modified-since': lastModified } })).status).toBe(200);

    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified counts whole seconds.
    await publish({ commitment: 'BJS-3', asOf: '2026-02-10' });
    const after = await server.get('/feed.xml', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await server.get('/feed.xml', { headers: { 'if-modified-since': lastModified } })).status).toBe(200);
  });

  it('pages name their feed in a <link rel="alternate">', async () => {
    const home = await (await server.get('/')).text();
    expect(home).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/feed.xml"/);
    const scorecard = await (await server.get('/th/parties/tha')).text();
    expect(scorecard).toMatch(/<link rel="alternate" type="application\/atom\+xml" href="\/th\/parties\/tha\/feed.xml"/);
    const instrument = await (await server.get('/instruments/actip-2015')).text();
    expect(instrument).toContain('href="/instruments/actip-2015/feed.xml"');
  });
});

const figure = (html: string, name: string) => html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1]?.trim();

describe('embeds', () => {
  it('the card shows the scorecard’s numbers and may be framed by any site', async () => {
    const [card, page, api] = await Promise.all([server.get('/embed/parties/tha'), server.get('/parties/tha'), server.get('/api/v1/parties/tha')]);
    expect(card.status).toBe(200);
    const html = await card.text();
    const scorecard = Scorecard.parse(await api.json());
    const overall = scorecard.data.scores.independent.overall;
    expect(figure(html, 'overall-independent')).toBe(`${Math.round(overall.score! * 100)}%`);
    expect(figure(html, 'overall-independent')).toBe(figure(await page.text(), 'overall-independent'));
    expect(figure(html, 'coverage-independent')).toContain(`${overall.rated} of ${overall.applicable} commitments rated (${Math.round(overall.coverage! * 100)}%)`);
    const rated = scorecard.data.commitments.filter((c) => c.current.independent).length;
    // The first section is the independent assessor's: its status counts add up to the rated commitments.
    const independent = html.slice(html.indexOf('data-figure="overall-independent"'));
    const counts = [...independent.matchAll(/data-status="([a-z_]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])] as const);
    const assessed = counts.filter(([status]) => status !== 'not_assessed').reduce((sum, [, n]) => sum + n, 0);
    expect(assessed).toBe(rated);
    expect(counts.find(([status]) => status === 'not_assessed')?.[1] ?? 0).toBe(scorecard.data.commitments.length - rated);
    expect(html).toContain(`href="${server.origin}/parties/tha"`);
    expect(card.headers.get('x-frame-options')).toBeNull();
    expect(card.headers.get('content-security-policy')).toMatch(/frame-ancestors \*$/);
    expect(card.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const th = await (await server.get('/th/embed/parties/tha')).text();
    expect(th).toContain('<html lang="th"');
    expect(figure(th, 'overall-independent')).toBe(figure(html, 'overall-independent'));
    expect((await server.get('/embed/parties/zzz')).status).toBe(404);
  });

  it('the SVG badge carries score and coverage in an accessible title, in English or Thai', async () => {
    const api = Scorecard.parse(await (await server.get('/api/v1/parties/tha')).json());
    const overall = api.data.scores.independent.overall;
    const score = `${Math.round(overall.score! * 100)}%`;
    const coverage = `${Math.round(overall.coverage! * 100)}%`;
    const response = await server.get('/embed/parties/tha.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const svg = await response.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    const root = parser.parse(svg).svg;
    expect(root['@_role']).toBe('img');
    expect(root.title['#text']).toBe(`Thailand: overall score ${score}, coverage ${coverage} (Independent), as of ${new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`);
    expect(svg).toContain(`${score} · cov. ${coverage}`);
    for (const path of ['/embed/parties/tha.svg?lang=th', '/th/embed/parties/THA.svg']) {
      const thai = await (await server.get(path)).text();
      expect(thai, path).toContain(`ไทย: คะแนนรวม ${score} ความครอบคลุม ${coverage}`);
      expect(thai).toContain('lang="th-TH"');
    }
    expect((await server.get('/embed/parties/zzz.svg')).status).toBe(404);
  });
});

describe('what changed', () => {
  it('lists a status change, its evidence and the score change, with scores equal to the scorecards’ on both days', async () => {
    const id = await publish({
      party: 'NPL',
      commitment: 'BJS-4',
      status: 'complete',
      asOf: '2026-03-10',
      evidence: [{ url: 'https://example.org/npl-act', title: 'Nepal act', publisher: 'Gazette', date: '2026-03-01', grade: 'law' }],
    });
    // Published today, dated 10 March: a report ending on 31 March shows what was published by
    // then, so it is not there; a report to today has it.
    const march = Changes.parse(await (await server.get('/api/v1/changes?party=NPL&from=2026-03-01&to=2026-03-31')).json()).data;
    expect(march.statusChanges.some((c) => c.assessmentId === id)).toBe(false);
    const response = await server.get('/api/v1/changes?party=NPL&from=2026-03-01');
    expect(response.status).toBe(200);
    const body = Changes.parse(await response.json()).data;
    expect(body).toMatchObject({ party: 'npl', instrument: null, from: '2026-03-01', to: todayIso() });
    expect(body.statusChanges.filter((c) => c.assessmentId === id)).toMatchObject([{ commitment: 'BJS-4', assessor: 'independent', after: 'complete' }]);
    expect(body.newEvidence.filter((e) => e.assessmentId === id).map((e) => e.evidence.url)).toEqual(['https://example.org/npl-act']);
    const overall = body.scoreChanges.find((c) => c.instrument === null && c.assessor === 'independent')!;
    const [before, after] = await Promise.all(['?as_of=2026-03-01', ''].map(async (q) => Scorecard.parse(await (await server.get(`/api/v1/parties/npl${q}`)).json()).data.scores.independent.overall));
    expect(overall.before).toEqual(before);
    expect(overall.after).toEqual(after);

    const page = await server.get('/changes?party=npl&from=2026-03-01');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`#assessment-${id}`);
    expect(html).toContain('https://example.org/npl-act');
    const instrument = Changes.parse(await (await server.get('/api/v1/changes?instrument=bangkok-joint-statement-2025&from=2026-03-01')).json()).data;
    expect(instrument.statusChanges.some((c) => c.assessmentId === id && c.party === 'npl')).toBe(true);
    expect(instrument.scoreChanges.every((c) => c.instrument === 'bangkok-joint-statement-2025')).toBe(true);
    expect((await server.get('/th/changes?instrument=bangkok-joint-statement-2025&from=2026-03-01&to=2026-03-31')).status).toBe(200);
  });

  it.each([
    ['party=zzz&from=2026-01-01', 'party', /no party with the code “zzz”/],
    ['instrument=nope&from=2026-01-01', 'instrument', /no instrument “nope”/],
    ['party=tha&instrument=actip-2015&from=2026-01-01', 'instrument', /party or an instrument/],
    ['party=tha', 'from', /first day/],
    ['party=tha&from=2026-02-30', 'from', /“2026-02-30” is not a date/],
    ['party=tha&from=2026-01-01&to=tomorrow', 'to', /“tomorrow” is not a date/],
    ['party=tha&from=2026-03-01&to=2026-01-01', 'from', /after the last day/],
  ])('%s → 400 naming %s, as JSON and as a page', async (query, field, message) => {
    const api = await server.get(`/api/v1/changes?${query}`);
    expect(api.status).toBe(400);
    const error = (await api.json()).error;
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    const page = await server.get(`/changes?${query}`);
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain(`id="${field}-error"`);
    expect(html).toMatch(new RegExp(`aria-invalid="true" aria-describedby="${field}-error"`));
  });

  it('the page without parameters is a form, and scorecards link to it', async () => {
    const page = await server.get('/changes');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="get"');
    expect(await (await server.get('/parties/tha')).text()).toMatch(/href="\/changes\?party=tha&amp;from=\d{4}-\d{2}-\d{2}&amp;to=\d{4}-\d{2}-\d{2}"/);
    expect(await (await server.get('/th/instruments/actip-2015')).text()).toMatch(/href="\/th\/changes\?instrument=actip-2015&amp;from=/);
  });
});

describe('caching', () => {
  const etagOf = async (path: string) => (await server.get(path)).headers.get('etag');

  it('public pages send a data-version ETag and revalidating Cache-Control, and answer 304', async () => {
    const response = await server.get('/parties/tha');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await server.get('/parties/tha', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(await etagOf('/th/parties/tha')).not.toBe(etag);
    expect(await etagOf('/parties/tha?as_of=2026-01-01')).not.toBe(etag);
  });

  it('publishing an assessment changes the ETag of that party’s pages and of site-wide pages, not another party’s', async () => {
    const paths = ['/parties/tha', '/embed/parties/tha.svg', '/parties/bgd', '/embed/parties/bgd', '/', '/instruments/bangkok-joint-statement-2025', '/api/v1/parties/tha', '/api/v1/parties/bgd'];
    const before = Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await etagOf(p)])));
    for (const p of paths) expect(before[p], p).toBeTruthy();
    await publish({ commitment: 'BJS-5', status: 'complete', asOf: '2026-01-20' });
    const after = Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await etagOf(p)])));
    for (const p of ['/parties/tha', '/embed/parties/tha.svg', '/', '/instruments/bangkok-joint-statement-2025', '/api/v1/parties/tha']) expect(after[p], `${p} changed`).not.toBe(before[p]);
    for (const p of ['/parties/bgd', '/embed/parties/bgd', '/api/v1/parties/bgd']) expect(after[p], `${p} unchanged`).toBe(before[p]);
    expect((await server.get('/parties/tha', { headers: { 'if-none-match': before['/parties/tha']! } })).status).toBe(200);
    expect((await server.get('/parties/bgd', { headers: { 'if-none-match': before['/parties/bgd']! } })).status).toBe(304);
  });

  it('sign-in and staff pages are private, no-store, with no ETag; errors are not stored', async () => {
    for (const path of ['/login', '/workspace']) {
      const response = await server.get(path);
      expect(response.headers.get('cache-control'), path).toBe('private, no-store');
      expect(response.headers.get('etag'), path).toBeNull();
    }
    const missing = await server.get('/parties/zzz');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });
});

describe('security headers', () => {
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('a page: CSP allows only its own hashed inline scripts, never frames; nosniff, referrer policy, no HSTS over http', async () => {
    const response = await server.get('/parties/tha', { headers: { 'x-forwarded-proto': 'https' } });
    const csp = response.headers.get('content-security-policy')!;
    const html = await response.text();
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(inline.length, 'island hydration scripts').toBeGreaterThan(0);
    for (const script of inline) expect(scriptSrc).toContain(sha256(script));
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // A client cannot switch HSTS on over plain http by claiming a proxy said https.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it.each([
    ['/api/v1/parties/tha', 200, "frame-ancestors 'none'"],
    ['/feed.xml', 200, "frame-ancestors 'none'"],
    ['/embed/parties/tha.svg', 200, 'frame-ancestors *'],
    ['/zzz-not-a-page', 404, "frame-ancestors 'none'"],
    ['/th/parties/zzz', 404, "frame-ancestors 'none'"],
    ['/api/v1/parties/zzz', 404, "frame-ancestors 'none'"],
  ])('%s (%i) carries a CSP with %s, nosniff and a referrer policy', async (path, status, frame) => {
    const response = await server.get(path);
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(frame);
    expect(csp).toMatch(/default-src '(none|self)'/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
