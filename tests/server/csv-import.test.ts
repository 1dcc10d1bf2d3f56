/**
 * The CSV round trip over HTTP against the built server: export, dry run, apply, and the
 * refusals (signed out, viewer, party out of scope, foreign origin, bad files), each leaving
 * the database untouched.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, auditLog, evidence } from '../../db/schema';
import { verifyAuditChain } from '../../src/lib/server/audit';
import { editRows, newAssessmentCells, readRecords, writtenTablesChecksum } from '../helpers/import-fixtures';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

let server: TestServer;
let db: Database;
let cookies: Record<string, string> = {};

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await signInStaff(server, db, [
    { email: 'editor@mfa.go.th', roles: ['editor', 'analyst'], parties: ['THA'] },
    { email: 'editor@mofa.gov.np', roles: ['editor'], parties: ['NPL'] },
    { email: 'delegate@example.org', roles: ['viewer'] },
  ]);
}, 120_000);
afterAll(() => stopServerWithDatabase(server, db));

const get = (path: string, who?: string) => server.get(path, { headers: who ? { cookie: cookies[who]! } : {} });

/** Posts a form to the import page's action, as a browser would (same origin). */
function post(action: string, body: FormData, who: string, origin = server.origin) {
  return server.get(`/workspace/import${action}`, { method: 'POST', body, headers: { cookie: cookies[who]!, origin } });
}

function upload(text: string | Uint8Array, who = 'editor@mfa.go.th', name = 'tha.csv') {
  const form = new FormData();
  form.append('file', new Blob([text as BlobPart], { type: 'text/csv' }), name);
  return post('?_action=import.preview', form, who);
}

const decodeEntities = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const hidden = (html: string, name: string) => decodeEntities(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '');
const count = (html: string, name: string) => Number(new RegExp(`data-count="${name}"[^>]*>([\\d,]+)<`).exec(html)?.[1]?.replace(/,/g, '') ?? NaN);

function applyForm(html: string): FormData {
  const form = new FormData();
  for (const name of ['content', 'digest', 'fileName']) form.append(name, hidden(html, name));
  return form;
}

async function exportTha(who = 'editor@mfa.go.th'): Promise<string> {
  const response = await get('/workspace/parties/THA/assessments.csv', who);
  expect(response.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe('export', () => {
  it('sends signed-out visitors to sign in', async () => {
    const response = await get('/workspace/parties/THA/assessments.csv');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/login?next=/workspace/parties/THA/assessments.csv');
    expect((await get('/workspace/import')).status).toBe(302);
  });

  it('gives any staff member a UTF-8 CSV with a BOM, as a download; /workspace/export?party= gives the same', async () => {
    const response = await get('/workspace/parties/THA/assessments.csv', 'delegate@example.org');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="THA-assessments-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toMatch(/^assessment_id,version,state,party,commitment,/);
    const viaQuery = await get('/workspace/export?party=tha', 'delegate@example.org');
    expect(new TextDecoder().decode(await viaQuery.arrayBuffer())).toBe(text);
    expect((await get('/workspace/export?party=nowhere', 'delegate@example.org')).status).toBe(404);
  });
});

describe('import page', () => {
  it('shows editors the upload form and links to their parties\' spreadsheets; viewers no upload form', async () => {
    const html = await (await get('/workspace/import', 'editor@mfa.go.th')).text();
    expect(html).toMatch(/<form method="post" action="\?_action=import\.preview" enctype="multipart\/form-data"/);
    expect(html).toContain('href="/workspace/parties/THA/assessments.csv"');
    const viewer = await (await get('/workspace/import', 'delegate@example.org')).text();
    expect(viewer).toContain('data-testid="not-editor"');
    expect(viewer).not.toContain('type="file"');
  });

  it('export then import with no edits: "No changes", nothing to apply, nothing written', async () => {
    const text = await exportTha();
    const before = await writtenTablesChecksum(db);
    const response = await upload(text);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('data-testid="no-changes"');
    expect(count(html, 'create') + count(html, 'update') + count(html, 'supersede')).toBe(0);
    expect(count(html, 'unchanged')).toBeGreaterThan(0);
    expect(html).not.toContain('_action=import.apply');
    expect(await writtenTablesChecksum(db)).toBe(before);
  });

  it('dry run lists the changes and writes nothing; apply writes exactly those, audited; replaying the apply is refused', async () => {
    let published = 0;
    let empty = 0;
    const edited = editRows(await exportTha(), (row, i) => {
      if (row.state === 'published' && published++ === 0) return { status: row.status === 'complete' ? 'limited' : 'complete' };
      if (row.assessment_id === '' && empty++ < 3) return newAssessmentCells(i);
      return null;
    });
    const before = await writtenTablesChecksum(db);
    const preview = await upload(edited);
    expect(preview.status).toBe(200);
    const html = await preview.text();
    expect([count(html, 'create'), count(html, 'supersede'), count(html, 'update'), count(html, 'errors')]).toEqual([3, 1, 0, 0]);
    expect(html.match(/<tr data-kind="create"/g)).toHaveLength(3);
    expect(html).toContain('<tr data-kind="supersede"');
    expect(html).toContain('Apply 4 changes');
    expect(await writtenTablesChecksum(db)).toBe(before);

    const applied = await post('?_action=import.apply', applyForm(html), 'editor@mfa.go.th');
    expect(applied.status).toBe(200);
    const done = await applied.text();
    expect(done).toContain('data-stage="applied"');
    expect(done).toMatch(/4 assessments written in one transaction: 3 new drafts, 0 edited drafts, 1 new drafts superseding/);
    const user = (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'editor@mfa.go.th') }))!;
    const drafts = await db.select().from(assessments).where(eq(assessments.authorId, user.id));
    expect(drafts).toHaveLength(4);
    expect(drafts.every((d) => d.state === 'draft')).toBe(true);
    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, user.id));
    expect(audit.filter((a) => a.action === 'assessment.create')).toHaveLength(4);
    expect(audit.filter((a) => a.action === 'import.apply')).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The same apply form posted again: its rows are stale now, so nothing more is written.
    const after = await writtenTablesChecksum(db);
    const replay = await post('?_action=import.apply', applyForm(html), 'editor@mfa.go.th');
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('stale row');
    expect(await writtenTablesChecksum(db)).toBe(after);

    // And a fresh export of what is now stored round-trips with no changes.
    expect(await (await upload(await exportTha())).text()).toContain('data-testid="no-changes"');
  });

  it('refuses an apply whose file does not match its preview digest (409), writing nothing', async () => {
    const edited = editRows(await exportTha(), (row, i) => (row.assessment_id === '' && i % 7 === 0 ? newAssessmentCells(i) : null));
    const html = await (await upload(edited)).text();
    const form = applyForm(html);
    form.set('digest', '0'.repeat(64));
    const before = await writtenTablesChecksum(db);
    const response = await post('?_action=import.apply', form, 'editor@mfa.go.th');
    expect(response.status).toBe(409);
    expect(await response.text()).toContain('the data changed since your preview');
    expect(await writtenTablesChecksum(db)).toBe(before);
  });

  it('lists per-row errors with row and column (400), and applies nothing', async () => {
    const rows = readRecords(await exportTha());
    const header = rows[0]!;
    const edited = editRows(await exportTha(), (row, i): Record<string, string> | null =>
      i === 0 ? { status: 'finished' } : i === 1 ? { commitment: 'BJS-404' } : row.assessment_id === '' && i > 5 && i < 9 ? { ...newAssessmentCells(i), evidence_1_url: '' } : null,
    );
    const before = await writtenTablesChecksum(db);
    const response = await upload(edited);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('data-testid="errors"');
    const cells = (row: string, column: string, message: string) => new RegExp(`<td class="num"[^>]*>${row}</td><td[^>]*>${column}</td><td[^>]*>${message}`);
    expect(html).toMatch(cells('2', 'status', 'unknown status &quot;finished&quot;'));
    expect(html).toMatch(cells('3', 'commitment', 'unknown commitment code &quot;BJS-404&quot;'));
    expect(html).toMatch(cells('\\d+', 'evidence_1_url', 'missing evidence URL'));
    expect(html).not.toContain('_action=import.apply');
    expect(header).toContain('evidence_1_url');
    expect(await writtenTablesChecksum(db)).toBe(before);
  });

  it('rejects every row of a party outside an editor\'s scope, and audits the refusal', async () => {
    const edited = editRows(await exportTha(), (row, i) => (row.assessment_id === '' && i < 30 ? newAssessmentCells(i) : null));
    const before = { assessments: await db.$count(assessments), evidence: await db.$count(evidence), audit: await db.$count(auditLog) };
    const response = await upload(edited, 'editor@mofa.gov.np');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('party THA is out of your scope');
    // Nothing written but the audit row of the refusal.
    expect({ assessments: await db.$count(assessments), evidence: await db.$count(evidence), audit: await db.$count(auditLog) }).toEqual({ ...before, audit: before.audit + 1 });
    const [refusal] = await db.select().from(auditLog).orderBy(auditLog.id).limit(1).offset((await db.$count(auditLog)) - 1);
    expect(refusal).toMatchObject({ action: 'auth.refused', actorLabel: 'editor@mofa.gov.np' });
    expect(JSON.parse(refusal!.after!)).toMatchObject({ reason: 'party_out_of_scope', parties: ['THA'] });
  });

  it('refuses a viewer (403), a foreign origin (403), no file and a file that is not UTF-8 (400)', async () => {
    const text = await exportTha();
    const countBefore = await db.$count(assessments);
    expect((await upload(text, 'delegate@example.org')).status).toBe(403);
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/csv' }), 'tha.csv');
    expect((await post('?_action=import.preview', form, 'editor@mfa.go.th', 'https://evil.example')).status).toBe(403);
    const empty = await post('?_action=import.preview', new FormData(), 'editor@mfa.go.th');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toMatch(/<span class="field-error" id="file-error" role="alert"[^>]*>Choose a CSV file to import\.<\/span>/);
    const latin1 = await upload(new Uint8Array([0x70, 0x61, 0x72, 0x74, 0x79, 0x0d, 0x0a, 0xe9, 0xe0]));
    expect(latin1.status).toBe(400);
    expect(await latin1.text()).toContain('The file is not UTF-8 text');
    expect(await db.$count(assessments)).toBe(countBefore);
  });
});
