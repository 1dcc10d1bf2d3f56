/**
 * The workspace in the page's language and its own refusals: `/th/workspace/…` is Thai
 * (lang="th", Thai headings and navigation, a language switch); a page a person's role does
 * not open answers 403 inside the workspace layout, naming the role needed and the
 * administrators to ask; a first administrator is told how to give roles and parties.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { staffSessions } from '../helpers/staff';

let server: TestServer;
let db: Database;
let cookies: Record<'editor' | 'admin', string>;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await staffSessions(db, {
    editor: { email: 'editor@thai.test', roles: ['editor'], parties: ['THA'] },
    admin: { email: 'admin@thai.test', roles: ['admin'] },
  });
});
afterAll(() => stopServerWithDatabase(server, db));

const get = (path: string, cookie: string) => server.get(path, { headers: { cookie } });

describe('the workspace in Thai', () => {
  it('/th/workspace has lang="th", a Thai heading and navigation, and a switch back to English', async () => {
    const response = await get('/th/workspace', cookies.editor);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="th"/);
    expect(html).toMatch(/<h1[^>]*>พื้นที่ทำงานเจ้าหน้าที่<\/h1>/);
    expect(html).toMatch(/<a href="\/th\/workspace\/parties"[^>]*>ภาคี<\/a>/);
    expect(html).toMatch(/class="lang-switch" href="\/workspace"/);
    const english = await (await get('/workspace', cookies.editor)).text();
    expect(english).toMatch(/<html lang="en"/);
    expect(english).toMatch(/class="lang-switch" href="\/th\/workspace"/);
  });
});

describe('the workspace 403 page', () => {
  it('answers 403 inside the workspace layout, naming the role needed and the administrators to ask, in English and Thai', async () => {
    const response = await get('/workspace/users', cookies.editor);
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toMatch(/<nav class="wrap site-nav"/);
    expect(html).toMatch(/data-field="needed">This page needs the role of administrator\. Your roles: editor\./);
    expect(html).toMatch(/data-field="admins"[\s\S]*admin@thai\.test/);
    const thai = await get('/th/workspace/users', cookies.editor);
    expect(thai.status).toBe(403);
    const thaiHtml = await thai.text();
    expect(thaiHtml).toMatch(/<html lang="th"/);
    expect(thaiHtml).toMatch(/<h1[^>]*>คุณไม่มีสิทธิ์เปิดหน้านี้<\/h1>/);
    expect(thaiHtml).toContain('หน้านี้ต้องมีบทบาท ผู้ดูแลระบบ');
  });
});

describe('a first administrator', () => {
  it('sees on the dashboard how to give roles and parties', async () => {
    const html = await (await get('/workspace', cookies.admin)).text();
    expect(html).toMatch(/data-testid="first-steps"/);
    expect(html).toContain('Give yourself or others roles on the Users page');
    expect(html).toContain('--role editor --party THA');
    expect(await (await get('/workspace', cookies.editor)).text()).not.toContain('data-testid="first-steps"');
  });
});
