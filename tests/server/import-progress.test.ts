/**
 * Live progress of a CSV apply over HTTP against the built server: polling
 * /workspace/import/progress while a 5,000-row apply form is being posted sees the rows being
 * written, then all of them; and the endpoint answers only the editor who posted the apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { addSyntheticCommitments, editRows, newAssessmentCells, readRecords, writeRecords } from '../helpers/import-fixtures';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

const ALICE = 'alice@mfa.go.th';
const BOB = 'bob@mfa.go.th';
const VIEWER = 'delegate@example.org';
let server: TestServer;
let db: Database;
let cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  await addSyntheticCommitments(db, 'bulk', 2_500, ['tha']);
  cookies = await signInStaff(server, db, [
    // Filling both assessors' rows: an editor of THA (self-reported) who is also an analyst (independent).
    { email: ALICE, roles: ['editor', 'analyst'], parties: ['THA'] },
    { email: BOB, roles: ['editor'], parties: ['THA'] },
    { email: VIEWER, roles: ['viewer'] },
  ]);
}, 120_000);
afterAll(() => stopServerWithDatabase(server, db));

const poll = (id: string, who?: string) => server.get(`/workspace/import/progress?id=${encodeURIComponent(id)}`, { headers: who ? { cookie: cookies[who]! } : {} });

function postForm(action: string, body: FormData, who: string) {
  return server.get(`/workspace/import${action}`, { method: 'POST', body, headers: { cookie: cookies[who]!, origin: server.origin } });
}

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => decodeEntities(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');

/** Uploads `text` for a dry run as `who` and returns the preview page's HTML. */
async function preview(text: string, who: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([text], { type: 'text/csv' }), 'tha.csv');
  const response = await postForm('?_action=import.preview', form, who);
  expect(response.status).toBe(200);
  return response.text();
}

function applyForm(html: string): FormData {
  const form = new FormData();
  for (const name of ['content', 'digest', 'fileName', 'progressId']) form.append(name, hidden(html, name));
  return form;
}

/** The THA spreadsheet with `count` of its empty rows filled in: only the synthetic commitments' rows when `bulkOnly`, else only the others. */
async function filledExport(count: number, bulkOnly: boolean): Promise<string> {
  const response = await server.get('/workspace/parties/THA/assessments.csv', { headers: { cookie: cookies[ALICE]! } });
  const [header, ...rows] = readRecords(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()));
  const commitment = header!.indexOf('commitment');
  const kept = rows.filter((r) => r[commitment]!.startsWith('BULK-') === bulkOnly);
  let filled = 0;
  return editRows(writeRecords([header!, ...kept]), (row, i) => (row.assessment_id === '' && filled++ < count ? newAssessmentCells(i) : null));
}

describe('import progress', () => {
  it('the preview page puts a fresh URL-safe progress id in the apply form and a hidden <progress> for the script', async () => {
    const text = await filledExport(2, false);
    const [first, second] = [await preview(text, ALICE), await preview(text, ALICE)];
    const id = hidden(first, 'progressId');
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(hidden(second, 'progressId')).not.toBe(id);
    expect(first).toMatch(/<div class="apply-progress" data-testid="apply-progress" hidden[^>]*>/);
    expect(first).toMatch(/<progress id="apply-progress-bar" max="2" value="0"/);
    // Nothing is known under an id until its apply is posted.
    expect((await poll(id, ALICE)).status).toBe(404);
  });

  it('while a 5,000-row apply is posted, polling sees rows being written, then all of them, done', async () => {
    const text = await filledExport(5_000, true);
    const html = await preview(text, ALICE);
    expect(html).toContain('Apply 5,000 changes');
    const id = hidden(html, 'progressId');

    let settled = false;
    const applied = postForm('?_action=import.apply', applyForm(html), ALICE).then(async (response) => {
      settled = true;
      return { status: response.status, html: await response.text() };
    });
    const seen: { done: number; total: number; phase: string }[] = [];
    // Poll back to back until the apply's answer arrives (no timing assumptions: only order).
    while (!settled) {
      const response = await poll(id, ALICE);
      if (response.status === 200) {
        expect(response.headers.get('cache-control')).toBe('private, no-store');
        seen.push(await response.json());
      } else {
        expect(response.status).toBe(404); // the form's body is still on its way
        await response.arrayBuffer();
      }
    }
    const result = await applied;
    expect(result.status).toBe(200);
    expect(result.html).toContain('data-stage="applied"');

    const writing = seen.filter((p) => p.phase === 'writing');
    expect(writing.some((p) => p.total === 5_000 && p.done > 0 && p.done < 5_000)).toBe(true);
    // Never going backwards.
    const dones = seen.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const final = await poll(id, ALICE);
    expect(final.status).toBe(200);
    expect(await final.json()).toEqual({ done: 5_000, total: 5_000, phase: 'done' });

    // Another editor, a viewer and a signed-out visitor may not read it; the refusals are audited.
    const refusals = await db.$count(auditLog);
    const bob = await poll(id, BOB);
    expect(bob.status).toBe(403);
    expect(await bob.json()).toMatchObject({ error: { message: expect.any(String) } });
    expect((await poll(id, VIEWER)).status).toBe(403);
    expect((await poll(id)).status).toBe(401);
    expect(await db.$count(auditLog)).toBe(refusals + 3);

    // The same apply form posted again is refused (stale rows) and does not reset the progress.
    const replay = await postForm('?_action=import.apply', applyForm(html), ALICE);
    expect(replay.status).toBe(400);
    expect(await (await poll(id, ALICE)).json()).toEqual({ done: 5_000, total: 5_000, phase: 'done' });
  }, 180_000);

  it('answers 404 for an unknown id, 400 for a malformed one, and refuses an apply whose progress id is malformed', async () => {
    const unknown = await poll('A'.repeat(22), ALICE);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.field).toBe('id');
    for (const bad of ['short', 'a'.repeat(65), 'has spaces in it here', '../../etc/passwd/abcdef']) {
      const response = await poll(bad, ALICE);
      expect(response.status).toBe(400);
      expect((await response.json()).error.field).toBe('id');
    }
    const html = await preview(await filledExport(1, false), ALICE);
    const form = applyForm(html);
    form.set('progressId', '<script>alert(1)</script>');
    const before = await db.$count(auditLog);
    const response = await postForm('?_action=import.apply', form, ALICE);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The progress reference is damaged');
    expect(await db.$count(auditLog)).toBe(before);
  });
});
