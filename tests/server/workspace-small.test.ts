/**
 * Small workspace things that cost staff time, over HTTP against the built server: the
 * workspace's own 404 page (unknown addresses and unknown record ids, English and Thai,
 * inside the workspace layout); the audit log naming people and records instead of ids;
 * each party's page linking to its own CSV export.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';
import { decodeUtf8, parseImportCsv, partiesOf } from '../../src/domain/csv-import';

let server: TestServer;
let db: Database;
const cookies = { editor: '', admin: '' };
let editorId = '';

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const editor = await createStaff(db, 'ploy.editor@small.test', ['editor'], ['THA']);
  editorId = editor.id;
  cookies.editor = await sessionCookie(db, editor);
  cookies.admin = await sessionCookie(db, await createStaff(db, 'ada.admin@small.test', ['admin']));
});
afterAll(() => stopServerWithDatabase(server, db));

const get = (path: string, cookie?: string) => server.get(path, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the workspace 404 page', () => {
  const cases: [path: string, text: string][] = [
    ['/workspace/assessments/999999', 'There is no assessment with the number 999999.'],
    ['/workspace/assessments/not-a-number', 'There is no assessment with the number not-a-number.'],
    ['/workspace/parties/zzz', 'There is no party with the code “zzz”.'],
    ['/workspace/measures/no-such-measure', 'There is no measure with the id “no-such-measure”.'],
    ['/workspace/no-such-page', 'There is no workspace page at this address.'],
    ['/workspace/parties/tha/nothing/here', 'There is no workspace page at this address.'],
  ];
  for (const [path, text] of cases) {
    it(`${path}: 404, no-store, inside the workspace layout, names what is missing and links back to the dashboard`, async () => {
      const response = await get(path, cookies.editor);
      expect(response.status).toBe(404);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
      const html = decode(await response.text());
      expect(html).toMatch(/<html lang="en"/);
      expect(html).toMatch(/<nav class="wrap site-nav"/);
      expect(html).toMatch(/<h1[^>]*data-testid="not-found"[^>]*>This record or page does not exist<\/h1>/);
      expect(html).toContain(text);
      expect(html).toMatch(/<a href="\/workspace">Back to the dashboard<\/a>/);
      // The public site's 404 is not what a staff member sees.
      expect(html).not.toContain('Back to the overview');
    });
  }

  it('is Thai under /th/workspace/…, for a record id and for an unknown address', async () => {
    for (const [path, text] of [
      ['/th/workspace/assessments/999999', 'ไม่มีการประเมินหมายเลข 999999'],
      ['/th/workspace/parties/zzz', 'ไม่มีภาคีรหัส “zzz”'],
      ['/th/workspace/no-such-page', 'ไม่มีหน้าพื้นที่ทำงานที่ที่อยู่นี้'],
    ] as const) {
      const response = await get(path, cookies.editor);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control')).toMatch(/no-store/);
      const html = decode(await response.text());
      expect(html).toMatch(/<html lang="th"/);
      expect(html).toMatch(/<h1[^>]*>ไม่มีระเบียนหรือหน้านี้<\/h1>/);
      expect(html).toContain(text);
      expect(html).toMatch(/<a href="\/th\/workspace">กลับไปที่แดชบอร์ด<\/a>/);
      expect(html).toMatch(/<a href="\/th\/workspace\/parties"[^>]*>ภาคี<\/a>/);
    }
  });

  it('sends signed-out visitors to sign in, without saying whether the page exists', async () => {
    for (const path of ['/workspace/no-such-page', '/workspace/assessments/999999']) {
      const response = await get(path);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(`/login?next=${path}`);
    }
  });

  it('answers a form posted to an unknown party with the same 404 page, not a server error, and writes nothing', async () => {
    const before = Number((await db.$client.execute('SELECT count(*) AS n FROM assessments')).rows[0]!.n);
    const response = await server.get('/workspace/parties/zzz?_action=assessments.create', {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookies.editor, origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ party: 'zzz', commitment: 'BJS-1', status: 'limited', asOf: '2026-01-15', narrative: 'A lead agency was named by cabinet resolution.', intent: 'draft' }).toString(),
    });
    expect(response.status).toBe(404);
    expect(decode(await response.text())).toContain('There is no party with the code “zzz”.');
    expect(Number((await db.$client.execute('SELECT count(*) AS n FROM assessments')).rows[0]!.n)).toBe(before);
  });

  it('leaves existing records and pages alone', async () => {
    expect((await get('/workspace/parties/tha', cookies.editor)).status).toBe(200);
    expect((await get('/workspace', cookies.editor)).status).toBe(200);
  });
});

describe('the audit log', () => {
  it("names the person who acted and the record's party and commitment, keeping the ids in a secondary line", async () => {
    const created = await callApi(server, 'POST', '/api/v1/assessments', { cookie: cookies.editor, body: newAssessment({ commitment: 'BJS-2' }) });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const commitment = (await db.$client.execute({ sql: 'SELECT title_en, title_th FROM commitments WHERE code = ?', args: ['BJS-2'] })).rows[0]!;
    const response = await get(`/workspace/audit?entity=assessment&entityId=${id}`, cookies.admin);
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    const row = html.match(/<tr data-audit-id="\d+">[\s\S]*?<\/tr>/)?.[0] ?? '';
    expect(row).toContain('assessment.create');
    const actor = row.match(/<td data-field="actor"[^>]*>([\s\S]*?)<\/td>/)!;
    expect(actor[0]).toContain(`title="ploy.editor@small.test · ${editorId}"`);
    expect(actor[1]).toMatch(/ploy\.editor<br>\s*<span class="note">ploy\.editor@small\.test<\/span>/);
    const entity = row.match(/<td data-field="entity"[^>]*>([\s\S]*?)<\/td>/)!;
    expect(entity[1]).toContain(`<a href="/workspace/assessments/${id}">Thailand · BJS-2 ${String(commitment.title_en)}</a>`);
    expect(entity[1]).toContain(`<span class="note code">assessment ${id}</span>`);
    // The id-only view ("assessment 17" as the whole cell) is gone.
    expect(entity[1]!.replace(/<[^>]+>/g, '').trim()).not.toBe(`assessment ${id}`);

    const thai = decode(await (await get(`/th/workspace/audit?entity=assessment&entityId=${id}`, cookies.admin)).text());
    expect(thai).toContain(`<a href="/th/workspace/assessments/${id}">ไทย · BJS-2 ${String(commitment.title_th)}</a>`);
  });

  it("names users acted on by name and e-mail, and keeps a label it cannot resolve (cli) as stored", async () => {
    const html = decode(await (await get('/workspace/audit?entity=user', cookies.admin)).text());
    // The CLI created the editor: the entity is the editor's name and e-mail, the actor stays "cli".
    const rows = html.match(/<tr data-audit-id="\d+">[\s\S]*?<\/tr>/g) ?? [];
    const created = rows.find((r) => r.includes('user.create') && r.includes(editorId));
    expect(created).toBeDefined();
    expect(created).toContain('ploy.editor <ploy.editor@small.test>');
    expect(created).toMatch(/<td data-field="actor"[^>]*>\s*cli/);
  });
});

describe("a party's CSV export", () => {
  it("is linked from the party's workspace page and gives only that party's assessments", async () => {
    const html = decode(await (await get('/workspace/parties/tha', cookies.editor)).text());
    const link = html.match(/<p class="note" data-testid="party-export">\s*<a href="([^"]+)" download>([^<]+)<\/a>/);
    expect(link?.[1]).toBe('/workspace/parties/THA/assessments.csv');
    expect(link?.[2]).toBe('Download this party’s assessments (CSV)');
    const thai = decode(await (await get('/th/workspace/parties/tha', cookies.editor)).text());
    expect(thai).toContain('ดาวน์โหลดการประเมินของภาคีนี้ (CSV)');

    const response = await get(link![1]!, cookies.editor);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const tha = parseImportCsv(decodeUtf8(new Uint8Array(await response.arrayBuffer()))!);
    expect(tha.rows.length).toBeGreaterThan(0);
    expect(partiesOf(tha)).toEqual(['tha']);
    // Another party's page links to its own spreadsheet, whose rows are its own.
    const other = decode(await (await get('/workspace/parties/npl', cookies.editor)).text());
    expect(other).toContain('href="/workspace/parties/NPL/assessments.csv"');
    const npl = parseImportCsv(decodeUtf8(new Uint8Array(await (await get('/workspace/parties/NPL/assessments.csv', cookies.editor)).arrayBuffer()))!);
    expect(partiesOf(npl)).not.toContain('tha');
  });
});
