/**
 * Bulk steps in the workspace over HTTP (plain form posts, JavaScript off): an editor submits
 * several drafts at once from the party page; a reviewer publishes several with one comment
 * from the queue, which shows what will be published (party name, commitment title, both
 * narratives, measures). Each item is checked on its own and its outcome listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { staffSessions } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let cookies: Record<'editor' | 'nplEditor' | 'both' | 'reviewer', string>;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await staffSessions(db, {
    editor: { email: 'editor@bulk.test', roles: ['editor'], parties: ['THA'] },
    nplEditor: { email: 'npl@bulk.test', roles: ['editor'], parties: ['NPL'] },
    both: { email: 'both@bulk.test', roles: ['editor', 'reviewer'], parties: ['THA'] },
    reviewer: { email: 'reviewer@bulk.test', roles: ['reviewer'] },
  });
});
afterAll(() => stopServerWithDatabase(server, db));

const post = (path: string, action: string, fields: [string, string][], cookie: string) =>
  server.get(`${path}?_action=${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie }, body: new URLSearchParams(fields).toString() });
const stateOf = async (id: number) => (await db.$client.execute({ sql: 'SELECT state FROM assessments WHERE id = ?', args: [id] })).rows[0]!.state;
const draft = async (cookie: string, overrides: Record<string, unknown> = {}) => {
  const response = await callApi(server, 'POST', '/api/v1/assessments', { cookie, body: newAssessment(overrides) });
  expect(response.status).toBe(201);
  return response.body.id as number;
};

describe('bulk submit', () => {
  it('offers every draft with a ticked box and submits the ticked ones, listing each outcome; out of scope is refused item by item', async () => {
    const a = await draft(cookies.editor, { commitment: 'BJS-1', narrative: 'First imported draft, ready for review.' });
    const b = await draft(cookies.editor, { commitment: 'BJS-3', narrative: 'Second imported draft, ready for review.', narrativeTh: 'ร่างที่สองพร้อมตรวจทาน' });
    const page = await (await server.get('/workspace/parties/tha', { headers: { cookie: cookies.editor } })).text();
    expect(page).toContain('id="bulk-submit"');
    for (const id of [a, b]) expect(page).toMatch(new RegExp(`<input type="checkbox" name="ids" value="${id}" form="bulk-submit" checked`));

    const refused = await post('/workspace/parties/npl', 'assessments.submitMany', [['ids', String(a)]], cookies.nplEditor);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toMatch(new RegExp(`data-outcome="refused" data-id="${a}"`));
    expect(await stateOf(a)).toBe('draft');

    const response = await post('/workspace/parties/tha', 'assessments.submitMany', [['ids', String(a)], ['ids', String(b)]], cookies.editor);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('2 of 2 submitted for review.');
    expect(await stateOf(a)).toBe('submitted');
    expect(await stateOf(b)).toBe('submitted');
    const none = await post('/workspace/parties/tha', 'assessments.submitMany', [], cookies.editor);
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Tick at least one draft.');
  });
});

describe('the review queue', () => {
  it('shows party name, commitment title, both narratives and measures; publishes several with one comment, the two-person rule item by item', async () => {
    const mine = await draft(cookies.both, { commitment: 'BJS-4', narrative: 'Written by someone who also reviews.', narrativeTh: 'เขียนโดยผู้ที่ตรวจทานด้วย', submit: true });
    const other = await draft(cookies.editor, { commitment: 'BJS-5', narrative: 'Written by the editor alone, for review.', narrativeTh: 'เขียนโดยบรรณาธิการ', submit: true });
    const queue = await (await server.get('/workspace/review', { headers: { cookie: cookies.both } })).text();
    const item = queue.slice(queue.indexOf(`data-review-item="${other}"`));
    expect(item).toMatch(/data-field="party-name">Thailand/);
    expect(item).toContain('เขียนโดยบรรณาธิการ');
    expect(item).toMatch(/data-diff="narrativeTh"/);
    expect(item).toMatch(/<h3>Measures it rests on<\/h3>/);
    expect(queue).toMatch(new RegExp(`name="ids" value="${other}" form="bulk-review"`));
    // Their own has no box: the two-person rule shows before anyone tries.
    expect(queue).not.toMatch(new RegExp(`name="ids" value="${mine}" form="bulk-review"`));

    const response = await post('/workspace/review', 'review.decideMany', [['ids', String(mine)], ['ids', String(other)], ['decision', 'publish'], ['comment', 'Checked against the gazette.']], cookies.both);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('1 of 2 published.');
    expect(html).toMatch(new RegExp(`data-outcome="refused" data-id="${mine}">Assessment ${mine}: not changed: you cannot review an assessment you wrote`));
    expect(await stateOf(mine)).toBe('submitted');
    expect(await stateOf(other)).toBe('published');

    const noComment = await post('/workspace/review', 'review.decideMany', [['ids', String(mine)], ['decision', 'return']], cookies.reviewer);
    expect(noComment.status).toBe(400);
    expect(await stateOf(mine)).toBe('submitted');
  });
});
