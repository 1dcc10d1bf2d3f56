/**
 * Issue 10, items 2 and 15: control characters and lone surrogates are refused with 400 in
 * every text input (sign-in, forms, actions, the JSON API, CSV cells), and the audit log's
 * chain verifies whatever text reached it, since hashing and verification use bytes the app
 * controls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { appendAudit, hashAuditRow } from '../../src/lib/server/audit';
import { runCli } from '../helpers/cli';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let editorCookie: string;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  editorCookie = await sessionCookie(db, await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']));
});
afterAll(() => stopServerWithDatabase(server, db));

async function auditVerify(): Promise<string> {
  const run = await runCli('db/audit-verify-cli.ts', [], server.databaseUrl);
  return `${run.stdout}${run.stderr}`;
}

describe('text inputs', () => {
  it('refuses a NUL in the sign-in e-mail with 400, and the audit chain still verifies', async () => {
    const response = await server.get('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
      body: 'email=a%00b%40example.org&password=whatever-it-is',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('control character');
    expect(await auditVerify()).toMatch(/^ok: \d+ rows/);
  });

  it('verifies a chain whose rows hold a NUL or a lone surrogate in their text columns', async () => {
    await appendAudit(db, { actorId: null, actorLabel: 'a\u0000b@example.org', action: 'test.nul', entityType: 'user', entityId: 'x\ud800y', ip: '127.0.0.1' });
    await appendAudit(db, { actorId: null, actorLabel: 'after', action: 'test.after', entityType: 'user', after: { note: 'z\u0000\ud800' } });
    expect(await auditVerify()).toMatch(/^ok: \d+ rows/);
  });

  it('verifies a row an older version wrote with a raw NUL (the driver cuts such text when it reads it as text)', async () => {
    const last = (await db.$client.execute('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0]!;
    const row = {
      id: Number(last.id) + 1,
      at: new Date().toISOString(),
      actorId: null,
      actorLabel: 'raw\u0000nul@example.org',
      action: 'auth.login.failure',
      entityType: 'user',
      entityId: null,
      before: null,
      after: '{"reason":"unknown_user"}',
      ip: '127.0.0.1',
      prevHash: String(last.hash),
    };
    await db.$client.execute({
      sql: 'INSERT INTO audit_log (id, at, actor_id, actor_label, action, entity_type, entity_id, before, after, ip, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      args: [row.id, row.at, row.actorId, row.actorLabel, row.action, row.entityType, row.entityId, row.before, row.after, row.ip, row.prevHash, hashAuditRow(row)],
    });
    expect(await auditVerify()).toMatch(/^ok: \d+ rows/);
  });

  it('refuses a lone surrogate in a JSON narrative with 400 and writes nothing', async () => {
    const body = JSON.stringify(newAssessment({ narrative: 'PLACEHOLDER' })).replace('PLACEHOLDER', '\\ud800 lone');
    const response = await callApi(server, 'POST', '/api/v1/assessments', { cookie: editorCookie, body });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ field: 'narrative', message: expect.stringContaining('surrogate') });
    const count = await db.$client.execute("SELECT count(*) AS n FROM assessments WHERE narrative_en LIKE '%lone%'");
    expect(Number(count.rows[0]!.n)).toBe(0);
  });

  it('refuses control characters in forms and actions with 400', async () => {
    const form = await server.get('/workspace/account?_action=tokens.create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: editorCookie },
      body: 'name=bad%07bell',
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('name: contains a control character (U+0007)');
    const action = await server.get('/_actions/tokens.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin, cookie: editorCookie },
      body: JSON.stringify({ name: 'bad\u001bescape' }),
    });
    expect(action.status).toBe(400);
    await action.arrayBuffer();
  });

  it('keeps tabs, line breaks and Thai text', async () => {
    const response = await callApi(server, 'POST', '/api/v1/assessments', { cookie: editorCookie, body: newAssessment({ narrative: 'บรรทัดแรก\n\tบรรทัดที่สอง' }) });
    expect(response.status).toBe(201);
  });

  it('refuses a lone surrogate in a CSV cell through the shared input schema', () => {
    expect(assessmentInputSchema.safeParse(newAssessment({ narrative: 'a narrative x\udc00y' })).error?.issues[0]?.message).toBe('must not contain lone surrogates');
    expect(assessmentInputSchema.safeParse(newAssessment({ narrative: 'a narrative x\u0000y' })).error?.issues[0]?.message).toBe('must not contain control characters');
  });
});
