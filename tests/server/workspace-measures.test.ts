/**
 * Managing measures in the workspace over HTTP, as a browser with JavaScript off: an editor
 * creates a draft through the form, errors come back beside the field with what was typed, a
 * reviewer who did not write it publishes it, and it appears on the public pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

let server: TestServer;
let db: Database;
const cookies: Record<string, string> = {};
const USERS = { editor: { roles: ['editor'], parties: ['NPL'] }, reviewer: { roles: ['reviewer'], parties: [] }, viewer: { roles: ['viewer'], parties: [] } } as const;
type Who = keyof typeof USERS;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const byEmail = await signInStaff(server, db, (Object.keys(USERS) as Who[]).map((who) => ({ email: `${who}@m.test`, ...USERS[who] })));
  for (const who of Object.keys(USERS) as Who[]) cookies[who] = byEmail[`${who}@m.test`]!;
});
afterAll(() => stopServerWithDatabase(server, db));

function post(path: string, action: string, fields: [string, string][], who: Who) {
  return server.get(`${path}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

function measureForm(overrides: Record<string, string> = {}, sourceUrl = 'https://example.org/np/rules/2026'): [string, string][] {
  const base = { id: 'npl-electronic-transactions-rules-2026', party: 'npl', kind: 'regulation', titleEn: 'Rules on reporting online fraud', titleTh: '', titleOriginal: '', originalLanguage: '', summaryEn: 'Requires banks to report suspected online fraud within a day.', summaryTh: '', disputedEn: '', disputedTh: '', ...overrides };
  const fields: [string, string][] = Object.entries(base);
  fields.push(['stepStep', 'adopted'], ['stepDate', '2026-03-01'], ['stepUrl', 'https://example.org/np/rules/2026'], ['stepPublisher', 'Nepal Rastra Bank'], ['stepConfidence', 'confirmed'], ['stepCheckedOn', '2026-12-05']);
  fields.push(['stepStep', 'adopted'], ['stepDate', ''], ['stepUrl', ''], ['stepPublisher', ''], ['stepConfidence', 'confirmed'], ['stepCheckedOn', '']);
  fields.push(['sourceRole', 'official'], ['sourceUrl', sourceUrl], ['sourceTitle', 'The rules'], ['sourcePublisher', 'Nepal Rastra Bank'], ['sourceConfidence', 'confirmed'], ['sourceCheckedOn', '2026-12-05']);
  fields.push(['linkCode', 'BJS-6'], ['linkExtent', 'partly_covers'], ['linkNoteEn', 'Faster reports help freezing.'], ['linkNoteTh', '']);
  fields.push(['linkCode', ''], ['linkExtent', 'covers'], ['linkNoteEn', ''], ['linkNoteTh', '']);
  return fields;
}

describe('measures in the workspace', () => {
  it('refuses a home-page source beside the field, keeping what was typed', async () => {
    const response = await post('/workspace/measures', 'measures.create', measureForm({}, 'https://example.org/'), 'editor');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('id="new-sources-0-url-error"');
    expect(html).toContain('Give the exact page that states it (http:// or https://), not a home page.');
    expect(html).toContain('value="Rules on reporting online fraud"');
    expect((await db.$client.execute("SELECT count(*) AS n FROM measures WHERE id = 'npl-electronic-transactions-rules-2026'")).rows[0]!.n).toBe(0);
  });

  it('editor creates and submits; a viewer cannot; a reviewer publishes; the public page shows it', async () => {
    expect((await post('/workspace/measures', 'measures.create', measureForm({ id: 'npl-x-2026' }), 'viewer')).status).toBe(403);
    const created = await post('/workspace/measures', 'measures.create', [...measureForm(), ['intent', 'submit']], 'editor');
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/workspace/measures/npl-electronic-transactions-rules-2026?done=submitted');
    expect((await server.get('/measures/npl-electronic-transactions-rules-2026')).status).toBe(404);

    const queue = await (await server.get('/workspace/measures', { headers: { cookie: cookies.reviewer! } })).text();
    expect(queue).toContain('href="/workspace/measures/npl-electronic-transactions-rules-2026"');
    const published = await post('/workspace/measures/npl-electronic-transactions-rules-2026', 'measures.review', [['id', 'npl-electronic-transactions-rules-2026'], ['decision', 'publish']], 'reviewer');
    expect(published.status).toBe(303);
    const page = await server.get('/measures/npl-electronic-transactions-rules-2026');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Rules on reporting online fraud');
    expect(await (await server.get('/commitments/BJS-6')).text()).toContain('id="party-npl"');
    const audit = (await db.$client.execute("SELECT action FROM audit_log WHERE entity_type = 'measure' ORDER BY id")).rows.map((r) => r.action);
    expect(audit).toEqual(['measure.create_and_submit', 'measure.publish']);
  });
});
