/**
 * Who may say "independent", over HTTP against the built server, on every write path: the
 * JSON API (create, edit), the workspace form and the CSV import's dry run. An editor of a
 * party writes self-reported assessments only; an analyst (the secretariat) writes
 * independent ones of any party, which another member of the secretariat publishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { staffSessions } from '../helpers/staff';
import { editRows } from '../helpers/import-fixtures';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let cookies: Record<'editor' | 'analyst' | 'analystReviewer' | 'reviewer', string>;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  cookies = await staffSessions(db, {
    editor: { email: 'editor@assessor.test', roles: ['editor'], parties: ['THA'] },
    analyst: { email: 'analyst@assessor.test', roles: ['analyst'] },
    analystReviewer: { email: 'analyst-reviewer@assessor.test', roles: ['analyst', 'reviewer'] },
    reviewer: { email: 'reviewer@assessor.test', roles: ['reviewer'] },
  });
});
afterAll(() => stopServerWithDatabase(server, db));

const countAssessments = async () => Number((await db.$client.execute('SELECT count(*) AS n FROM assessments')).rows[0]!.n);
const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the JSON API', () => {
  it("refuses an editor's independent assessment (403 naming the field) and writes nothing; left out, it is self-reported", async () => {
    const before = await countAssessments();
    const refused = await callApi(server, 'POST', '/api/v1/assessments', { cookie: cookies.editor, body: newAssessment({ assessor: 'independent' }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ field: 'assessor', message: expect.stringContaining("independent assessments are written by the secretariat's analysts") });
    expect(await countAssessments()).toBe(before);
    const { assessor: _left, ...body } = newAssessment();
    const created = await callApi(server, 'POST', '/api/v1/assessments', { cookie: cookies.editor, body });
    expect(created.status).toBe(201);
    expect(created.body.assessor).toBe('self_reported');
    // An edit cannot turn it independent.
    const patched = await callApi(server, 'PATCH', `/api/v1/assessments/${created.body.id}`, { cookie: cookies.editor, body: { version: 1, assessor: 'independent' } });
    expect(patched.status).toBe(400);
    expect(patched.body.error.field).toBe('assessor');
  });

  it("accepts an analyst's independent assessment of any party, refuses a self-reported one; its author cannot publish it", async () => {
    const refused = await callApi(server, 'POST', '/api/v1/assessments', { cookie: cookies.analyst, body: newAssessment({ party: 'NPL', commitment: 'BJS-2', assessor: 'self_reported' }) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('assessor');
    const { assessor: _left, ...body } = newAssessment({ party: 'NPL', commitment: 'BJS-2' });
    const created = await callApi(server, 'POST', '/api/v1/assessments', { cookie: cookies.analystReviewer, body: { ...body, submit: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ assessor: 'independent', state: 'submitted', party: 'NPL' });
    const own = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { cookie: cookies.analystReviewer, body: { decision: 'publish' } });
    expect(own.status).toBe(403);
    const other = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { cookie: cookies.reviewer, body: { decision: 'publish' } });
    expect(other.status).toBe(200);
    expect(other.body.state).toBe('published');
  });
});

describe('the workspace form', () => {
  const form = (assessor: string | null) => {
    const fields: [string, string][] = [['party', 'tha'], ['commitment', 'BJS-3'], ['status', 'limited'], ...(assessor === null ? [] : [['assessor', assessor] as [string, string]]), ['asOf', '2026-01-15'], ['narrative', 'A national plan against scam centres was adopted.'], ['narrativeTh', ''], ['evidenceUrl', 'https://www.mfa.go.th/a'], ['evidenceTitle', 'Cabinet resolution'], ['evidencePublisher', 'Royal Thai Government'], ['evidenceDate', ''], ['evidenceGrade', 'official'], ['intent', 'draft']];
    return new URLSearchParams(fields).toString();
  };
  const post = (cookie: string, body: string) =>
    server.get('/workspace/parties/tha?_action=assessments.create', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie }, body });

  it('shows the assessor an editor writes as, without asking', async () => {
    const html = await (await server.get('/workspace/parties/tha', { headers: { cookie: cookies.editor } })).text();
    expect(html).toMatch(/data-assessor="self_reported"/);
    expect(html).not.toMatch(/<select[^>]*name="assessor"/);
  });

  it("refuses an editor's posted independent assessor beside the field, writing nothing; without it, saves a self-reported draft", async () => {
    const before = await countAssessments();
    const refused = await post(cookies.editor, form('independent'));
    expect(refused.status).toBe(403);
    const html = decode(await refused.text());
    expect(html).toMatch(/id="new-assessor-error"[^>]*>Independent assessments are written by the secretariat's analysts/);
    expect(await countAssessments()).toBe(before);
    const saved = await post(cookies.editor, form(null));
    expect(saved.status).toBe(303);
    const id = Number(/assessments\/(\d+)/.exec(saved.headers.get('location')!)![1]);
    expect((await db.$client.execute({ sql: 'SELECT assessor FROM assessments WHERE id = ?', args: [id] })).rows[0]!.assessor).toBe('self_reported');
  });

  it('lets an analyst write an independent draft for a party', async () => {
    const page = await (await server.get('/workspace/parties/tha', { headers: { cookie: cookies.analyst } })).text();
    expect(page).toMatch(/data-assessor="independent"/);
    const saved = await post(cookies.analyst, form(null));
    expect(saved.status).toBe(303);
    const id = Number(/assessments\/(\d+)/.exec(saved.headers.get('location')!)![1]);
    expect((await db.$client.execute({ sql: 'SELECT assessor FROM assessments WHERE id = ?', args: [id] })).rows[0]!.assessor).toBe('independent');
  });
});

describe('the CSV import', () => {
  const HEADER = 'assessment_id,version,party,commitment,assessor,status,as_of,narrative,evidence_1_url,evidence_1_title,evidence_1_publisher,evidence_1_date,evidence_1_grade';
  const upload = (cookie: string, text: string) => {
    const body = new FormData();
    body.append('file', new Blob([text], { type: 'text/csv' }), 'tha.csv');
    return server.get('/workspace/import?_action=import.preview', { method: 'POST', body, headers: { cookie, origin: server.origin } });
  };

  it("refuses an editor's independent row in the dry run, naming the column; an analyst's is a new draft", async () => {
    // A commitment of a state's with no independent assessment yet.
    const free = (
      await db.$client.execute(
        "SELECT p.party_slug AS party, c.code AS code FROM participations p JOIN parties s ON s.slug = p.party_slug AND s.kind = 'state' JOIN commitments c ON c.instrument_slug = p.instrument_slug AND c.applicability = 'all_parties' AND c.party_kinds IN ('all', 'states') WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.party_slug = p.party_slug AND a.commitment_code = c.code AND a.assessor = 'independent') ORDER BY p.party_slug, c.code LIMIT 1",
      )
    ).rows[0]!;
    const row = `,,${String(free.party).toUpperCase()},${String(free.code)},independent,limited,2026-01-15,An independent reading of the plan.,https://example.org/report,A report,An NGO,,other`;
    // The editor changes the status of an independent row of the party's export.
    const exported = await (await server.get('/workspace/parties/THA/assessments.csv', { headers: { cookie: cookies.editor } })).text();
    let edited = 0;
    const changed = editRows(exported, (r) => {
      if (edited > 0 || r.assessor !== 'independent' || !r.assessment_id) return null;
      edited += 1;
      return { status: r.status === 'complete' ? 'limited' : 'complete' };
    });
    expect(edited).toBe(1);
    const byEditor = await upload(cookies.editor, changed);
    const editorHtml = decode(await byEditor.text());
    expect(editorHtml).toMatch(/<td[^>]*>assessor<\/td><td[^>]*>independent assessments are written by the secretariat's analysts/);
    const byAnalyst = await upload(cookies.analyst, `${HEADER}\r\n${row}\r\n`);
    const analystHtml = await byAnalyst.text();
    expect(byAnalyst.status).toBe(200);
    expect(analystHtml).toMatch(/data-count="create"[^>]*>1</);
    expect(analystHtml).toMatch(/data-count="errors"[^>]*>0</);
  });
});
