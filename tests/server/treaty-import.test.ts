/**
 * /workspace/treaty-import over HTTP against the built server: paste the UNTC table and see
 * its differences, prepare it, the preparer refused as reviewer (two-person rule), another
 * reviewer approves it and the rows are written; a viewer and a signed-out visitor refused.
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { participations, treatyImports } from '../../db/schema';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

const UNCC = 'un-convention-against-cybercrime';
const table = readFileSync('tests/fixtures/untc-xviii-16.txt', 'utf8');

let server: TestServer;
let db: Database;
let cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await signInStaff(server, db, [
    { email: 'editor@mfa.go.th', roles: ['editor'], parties: ['THA'] },
    { email: 'reviewer@secretariat.example', roles: ['reviewer'] },
    { email: 'viewer@example.org', roles: ['viewer'] },
  ]);
}, 240_000);
afterAll(() => stopServerWithDatabase(server, db));

function post(action: string, fields: Record<string, string>, who: string) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.append(k, v);
  return server.get(`/workspace/treaty-import?_action=treatyImport.${action}`, { method: 'POST', body, headers: { cookie: cookies[who]!, origin: server.origin } });
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => decode(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');

describe('workspace treaty import', () => {
  it('refuses signed-out visitors and viewers', async () => {
    expect((await server.get('/workspace/treaty-import')).status).toBe(302);
    expect((await server.get('/workspace/treaty-import', { headers: { cookie: cookies['viewer@example.org']! } })).status).toBe(403);
  });

  it('previews, prepares, refuses the preparer, and applies on another reviewer’s approval', async () => {
    const previewed = await post('preview', { instrument: UNCC, table }, 'editor@mfa.go.th');
    expect(previewed.status).toBe(200);
    const html = await previewed.text();
    expect(html).toContain('74 participants read from pasted table (text); 4 new, 1 changed, 1 missing, 1 unknown');
    expect(html.match(/data-change="added"/g)).toHaveLength(4);
    expect(html).toContain('Atlantis');
    expect(html).toContain('1 treaty action is in the monitor but not in this table.');
    expect(await db.select().from(treatyImports)).toEqual([]);

    const prepared = await post('prepare', { instrument: hidden(html, 'instrument'), content: hidden(html, 'content'), fileName: hidden(html, 'fileName'), checkedOn: '2026-04-01' }, 'editor@mfa.go.th');
    expect(prepared.status).toBe(303);
    const [stored] = await db.select().from(treatyImports);
    expect(stored).toMatchObject({ state: 'pending', checkedOn: '2026-04-01' });
    // Multipart form data sends line breaks as CRLF; the table is otherwise stored as pasted.
    expect(stored!.content.replace(/\r\n/g, '\n')).toBe(table);

    const editorView = await (await server.get('/workspace/treaty-import', { headers: { cookie: cookies['editor@mfa.go.th']! } })).text();
    expect(editorView).toContain('only reviewers approve or reject treaty imports');
    const refused = await post('approve', { id: String(stored!.id) }, 'editor@mfa.go.th');
    expect(refused.status).toBe(403);

    const approved = await post('approve', { id: String(stored!.id) }, 'reviewer@secretariat.example');
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`/workspace/treaty-import?done=applied&id=${stored!.id}&written=5`);
    const [sgp] = await db.select().from(participations).where(and(eq(participations.instrumentSlug, UNCC), eq(participations.partySlug, 'sgp')));
    expect(sgp).toMatchObject({ action: 'accession', actedOn: '2026-03-03', sourcePublisher: 'UN Treaty Collection', confidence: 'confirmed' });
    const again = await post('approve', { id: String(stored!.id) }, 'reviewer@secretariat.example');
    expect(again.status).toBe(409);
  });

  it('reads an uploaded XML file instead of the text box', async () => {
    const body = new FormData();
    body.append('instrument', UNCC);
    body.append('table', '');
    body.append('file', new Blob([readFileSync('tests/fixtures/untc-xviii-16.xml')], { type: 'application/xml' }), 'XVIII-16.en.xml');
    const response = await server.get('/workspace/treaty-import?_action=treatyImport.preview', { method: 'POST', body, headers: { cookie: cookies['reviewer@secretariat.example']!, origin: server.origin } });
    expect(response.status).toBe(200);
    const html = decode(await response.text());
    expect(html).toContain('7 participants read from XVIII-16.en.xml (xml)');
    // The test before applied Singapore's and Qatar's actions: the seven rows add nothing now.
    expect(html).toContain('0 new, 0 changed');
    expect(html).not.toContain('data-testid="prepare-form"');
  });

  it('answers 400 with the line at fault for a table with a bad date', async () => {
    const response = await post('preview', { instrument: UNCC, table: 'Chile    25 Okt 2025' }, 'editor@mfa.go.th');
    expect(response.status).toBe(400);
    expect(decode(await response.text())).toContain('Chile: "25 Okt 2025" is not a date');
  });
});
