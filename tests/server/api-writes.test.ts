/**
 * The staff write API over HTTP against the built server: create, edit, submit, review;
 * the rules of issue 4 each as a test; the error answers (400, 401, 403, 404, 409, 413,
 * 415, 429); and conformance of every answer seen here to /api/v1/openapi.json.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, auditLog, evidence } from '../../db/schema';
import { WRITE_BODY_LIMIT } from '../../src/lib/api/schemas';
import { appendAudit, writeTransaction } from '../../src/lib/server/audit';
import { WRITE_LIMIT, WRITE_WINDOW_MS } from '../../src/lib/server/write-rate-limit';
import { databaseChecksum } from '../helpers/db-checksum';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { apiToken, createStaff, sessionCookie, type StaffUser } from '../helpers/staff';
import { callApi, newAssessment, type CallOptions, type CallResult } from '../helpers/write-api';

let server: TestServer;
let db: Database;
const users = {} as Record<'editor' | 'nplEditor' | 'viewer' | 'reviewer' | 'admin' | 'editorReviewer' | 'busy', StaffUser>;
const cookies = {} as Record<keyof typeof users, string>;

/** Every answer of the write API seen in this file, for the conformance test at the end. */
const seen: { method: string; path: string; sent: unknown; result: CallResult }[] = [];

async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
  const result = await callApi(server, method, path, options);
  seen.push({ method, path, sent: options.body, result });
  return result;
}

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  users.editor = await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']);
  users.nplEditor = await createStaff(db, 'editor@mofa.gov.np', ['editor'], ['NPL']);
  users.viewer = await createStaff(db, 'delegate@example.org', ['viewer']);
  users.reviewer = await createStaff(db, 'secretariat@example.org', ['reviewer']);
  users.admin = await createStaff(db, 'admin@example.org', ['admin']);
  users.editorReviewer = await createStaff(db, 'both@example.org', ['editor', 'reviewer'], ['THA']);
  users.busy = await createStaff(db, 'busy@mfa.go.th', ['editor'], ['THA']);
  for (const key of Object.keys(users) as (keyof typeof users)[]) cookies[key] = await sessionCookie(db, users[key]);
});
afterAll(() => stopServerWithDatabase(server, db));

const create = (cookie: string, body: unknown = newAssessment()) => call('POST', '/api/v1/assessments', { cookie, body });
const refusalsFor = async (entity: string) =>
  (await db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.refused'), eq(auditLog.entityId, entity)))).map((r) => ({ actor: r.actorLabel, ...JSON.parse(r.after!) }));

describe('writing assessments', () => {
  it('creates a draft (201) with id, version 1 and state; party and commitment codes in any case', async () => {
    const response = await create(cookies.editor, newAssessment({ party: 'tha', commitment: 'bjs-2' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body).toMatchObject({ id: expect.any(Number), version: 1, state: 'draft', party: 'THA', commitment: 'BJS-2', authorId: users.editor.id });
    expect(response.body.evidence).toEqual([{ url: 'https://www.mfa.go.th/en/example', title: 'Cabinet resolution', publisher: 'Cabinet Secretariat', date: '2026-01-10', grade: 'official' }]);
    const [row] = await db.select().from(assessments).where(eq(assessments.id, response.body.id));
    expect(row).toMatchObject({ partySlug: 'tha', commitmentCode: 'BJS-2', state: 'draft', version: 1 });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityType, 'assessment'), eq(auditLog.entityId, String(response.body.id))));
    expect(audit.map((r) => [r.action, r.actorId])).toEqual([['assessment.create', users.editor.id]]);
  });

  it('creates and submits at once with "submit": true', async () => {
    const response = await create(cookies.editor, newAssessment({ submit: true }));
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ state: 'submitted', version: 1, submittedAt: expect.any(String) });
  });

  it('edits only the fields sent (PATCH with the version read); evidence, when sent, replaces the list', async () => {
    const { body: draft } = await create(cookies.editor);
    const edited = await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.editor, body: { version: 1, status: 'substantial' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: draft.id, version: 2, state: 'draft', status: 'substantial', narrative: draft.narrative, evidence: draft.evidence });
    const replaced = await call('PATCH', `/api/v1/assessments/${draft.id}`, {
      cookie: cookies.editor,
      body: { version: 2, evidence: [{ url: 'https://ratchakitcha.soc.go.th/x', title: 'Royal Gazette notice', publisher: 'Royal Gazette', grade: 'law' }] },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.version).toBe(3);
    expect(replaced.body.evidence).toEqual([{ url: 'https://ratchakitcha.soc.go.th/x', title: 'Royal Gazette notice', publisher: 'Royal Gazette', date: null, grade: 'law' }]);
    expect(await db.select().from(evidence).where(eq(evidence.assessmentId, draft.id))).toHaveLength(1);
  });

  it('submits (body optional, version checked when sent), then a reviewer publishes or returns with a comment', async () => {
    const { body: a } = await create(cookies.editor);
    expect((await call('POST', `/api/v1/assessments/${a.id}/submit`, { cookie: cookies.editor, body: { version: 7 } })).status).toBe(409);
    const submitted = await call('POST', `/api/v1/assessments/${a.id}/submit`, { cookie: cookies.editor, body: { version: 1 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'submitted', version: 2 });
    const again = await call('POST', `/api/v1/assessments/${a.id}/submit`, { cookie: cookies.editor, body: {} });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ field: 'state' });

    const noComment = await call('POST', `/api/v1/assessments/${a.id}/review`, { cookie: cookies.reviewer, body: { decision: 'return' } });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.field).toBe('comment');
    const returned = await call('POST', `/api/v1/assessments/${a.id}/review`, { cookie: cookies.reviewer, body: { decision: 'return', comment: 'Cite the cabinet resolution itself.' } });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'returned', version: 3, reviewerId: users.reviewer.id, reviewComment: 'Cite the cabinet resolution itself.' });

    // Returned: edit, submit again (no body at all), publish.
    expect((await call('PATCH', `/api/v1/assessments/${a.id}`, { cookie: cookies.editor, body: { version: 3, narrative: 'Cabinet resolution of 2026-01-06 named the lead agency.' } })).status).toBe(200);
    const resubmitted = await call('POST', `/api/v1/assessments/${a.id}/submit`, { cookie: cookies.editor });
    expect(resubmitted.status).toBe(200);
    const published = await call('POST', `/api/v1/assessments/${a.id}/review`, { cookie: cookies.reviewer, body: { decision: 'publish' } });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ state: 'published', version: 6, publishedAt: expect.any(String) });
    // Published is final.
    expect((await call('PATCH', `/api/v1/assessments/${a.id}`, { cookie: cookies.editor, body: { version: 6, status: 'complete' } })).status).toBe(409);
  });

  it('works the same with a personal API token (no cookie, no Origin), and a token does not excuse a foreign Origin', async () => {
    const token = await apiToken(db, users.editor);
    const created = await call('POST', '/api/v1/assessments', { token, origin: null, body: newAssessment() });
    expect(created.status).toBe(201);
    const submitted = await call('POST', `/api/v1/assessments/${created.body.id}/submit`, { token, origin: null });
    expect(submitted.status).toBe(200);
    const before = await databaseChecksum(db);
    const foreign = await call('POST', '/api/v1/assessments', { token, origin: 'https://evil.example', body: newAssessment() });
    expect(foreign.status).toBe(403);
    expect(await databaseChecksum(db)).toEqual(before);
  });
});

describe('the rules of issue 4', () => {
  it('an editor scoped to THA who writes for NPL gets 403, audited, and nothing is written', async () => {
    const before = await databaseChecksum(db);
    const response = await create(cookies.editor, newAssessment({ party: 'NPL' }));
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/NPL is not in your scope/);
    expect(await databaseChecksum(db)).toEqual(before);
    expect(await refusalsFor('POST /api/v1/assessments')).toContainEqual(expect.objectContaining({ actor: 'editor@mfa.go.th', reason: 'forbidden' }));
    // And NPL's own editor may not touch THA's drafts.
    const { body: draft } = await create(cookies.editor);
    const snapshot = await databaseChecksum(db);
    expect((await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.nplEditor, body: { version: 1, status: 'complete' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/assessments/${draft.id}/submit`, { cookie: cookies.nplEditor })).status).toBe(403);
    expect(await databaseChecksum(db)).toEqual(snapshot);
  });

  it('an anonymous write gets 401 (with WWW-Authenticate), audited, and nothing is written', async () => {
    const before = await databaseChecksum(db);
    const response = await call('POST', '/api/v1/assessments', { body: newAssessment() });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual({ error: { message: expect.stringMatching(/sign in/), field: null } });
    expect((await call('POST', '/api/v1/assessments/1/review', { body: { decision: 'publish' } })).status).toBe(401);
    expect((await call('POST', '/api/v1/assessments', { token: 'made.up', origin: null, body: newAssessment() })).status).toBe(401);
    expect(await databaseChecksum(db)).toEqual(before);
    expect(await refusalsFor('POST /api/v1/assessments')).toContainEqual(expect.objectContaining({ actor: 'anonymous', reason: 'signed_out' }));
  });

  it('a viewer’s write gets 403 (as do an admin’s and a reviewer’s create), and nothing is written', async () => {
    const { body: draft } = await create(cookies.editor);
    const before = await databaseChecksum(db);
    expect((await create(cookies.viewer)).status).toBe(403);
    expect((await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.viewer, body: { version: 1, status: 'complete' } })).status).toBe(403);
    expect((await call('POST', `/api/v1/assessments/${draft.id}/submit`, { cookie: cookies.viewer })).status).toBe(403);
    expect((await create(cookies.admin)).status).toBe(403);
    expect((await create(cookies.reviewer)).status).toBe(403);
    expect(await databaseChecksum(db)).toEqual(before);
    expect(await refusalsFor('POST /api/v1/assessments')).toContainEqual(expect.objectContaining({ actor: 'delegate@example.org', reason: 'missing_role' }));
  });

  it('a reviewer publishing their own assessment gets 403; another reviewer may', async () => {
    const { body: own } = await create(cookies.editorReviewer, newAssessment({ submit: true }));
    const before = await databaseChecksum(db);
    const refused = await call('POST', `/api/v1/assessments/${own.id}/review`, { cookie: cookies.editorReviewer, body: { decision: 'publish' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/you wrote/);
    expect(await databaseChecksum(db)).toEqual(before);
    expect(await refusalsFor(`POST /api/v1/assessments/${own.id}/review`)).toContainEqual(expect.objectContaining({ actor: 'both@example.org', reason: 'forbidden' }));
    expect((await call('POST', `/api/v1/assessments/${own.id}/review`, { cookie: cookies.reviewer, body: { decision: 'publish' } })).status).toBe(200);
  });

  it('an edit against a stale version gets 409 with the current version, and the other edit is kept', async () => {
    const { body: draft } = await create(cookies.editor);
    // Two people read version 1; the first saves.
    const first = await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.editor, body: { version: 1, narrative: 'First edit: the cabinet named the lead agency in January.' } });
    expect(first.status).toBe(200);
    const before = await databaseChecksum(db);
    const second = await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.busy, body: { version: 1, narrative: 'Second edit, made from the stale copy.' } });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ error: { message: expect.stringMatching(/version 1.*version 2/), field: 'version', currentVersion: 2 } });
    expect(await databaseChecksum(db)).toEqual(before);
    const [row] = await db.select().from(assessments).where(eq(assessments.id, draft.id));
    expect(row).toMatchObject({ version: 2, narrativeEn: 'First edit: the cabinet named the lead agency in January.' });
    // Applying the change again on the current version works.
    expect((await call('PATCH', `/api/v1/assessments/${draft.id}`, { cookie: cookies.busy, body: { version: 2, narrative: 'Second edit, made from the stale copy.' } })).status).toBe(200);
  });
});

describe('bad requests', () => {
  it('answers each with its status and the field at fault, writing nothing', async () => {
    const { body: draft } = await create(cookies.editor);
    const before = await databaseChecksum(db);
    const cases: { name: string; method: string; path: string; options: CallOptions; status: number; field?: string | null }[] = [
      { name: 'not JSON', method: 'POST', path: '/api/v1/assessments', options: { body: '{"party": "THA",' }, status: 400, field: null },
      { name: 'JSON, but not an object', method: 'POST', path: '/api/v1/assessments', options: { body: [newAssessment()] }, status: 400, field: null },
      { name: 'an empty body', method: 'POST', path: '/api/v1/assessments', options: { body: '' }, status: 400, field: null },
      { name: 'a form instead of JSON', method: 'POST', path: '/api/v1/assessments', options: { body: 'party=THA', contentType: 'application/x-www-form-urlencoded' }, status: 415 },
      { name: 'JSON sent as text/plain', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment(), contentType: 'text/plain' }, status: 415 },
      { name: 'JSON in another charset', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment(), contentType: 'application/json; charset=utf-16' }, status: 415 },
      { name: 'no content type', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment(), contentType: null }, status: 415 },
      { name: 'an unknown party', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ party: 'XXX' }) }, status: 400, field: 'party' },
      { name: 'an unknown commitment', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ commitment: 'NOPE-9' }) }, status: 400, field: 'commitment' },
      { name: 'a commitment that does not apply', method: 'POST', path: '/api/v1/assessments', options: { cookie: cookies.nplEditor, body: newAssessment({ party: 'NPL', commitment: 'BJS-THA-1' }) }, status: 400, field: 'commitment' },
      { name: 'an unknown status', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ status: 'done' }) }, status: 400, field: 'status' },
      { name: 'an unknown field', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ state: 'published' }) }, status: 400, field: null },
      { name: 'a bad evidence URL', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ evidence: [{ url: 'javascript:alert(1)', title: 'x'.repeat(5), publisher: 'Someone', grade: 'law' }] }) }, status: 400, field: 'evidence.0.url' },
      { name: 'a date that does not exist', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ asOf: '2026-02-30' }) }, status: 400, field: 'asOf' },
      { name: 'an oversized narrative', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ narrative: 'x'.repeat(4001) }) }, status: 400, field: 'narrative' },
      { name: 'a body over the limit', method: 'POST', path: '/api/v1/assessments', options: { body: newAssessment({ narrative: 'x'.repeat(WRITE_BODY_LIMIT) }) }, status: 413 },
      { name: 'PATCH without a version', method: 'PATCH', path: `/api/v1/assessments/${draft.id}`, options: { body: { status: 'complete' } }, status: 400, field: 'version' },
      { name: 'PATCH with a version as text', method: 'PATCH', path: `/api/v1/assessments/${draft.id}`, options: { body: { version: '1', status: 'complete' } }, status: 400, field: 'version' },
      { name: 'PATCH moving to another party', method: 'PATCH', path: `/api/v1/assessments/${draft.id}`, options: { body: { version: 1, party: 'NPL' } }, status: 400, field: 'party' },
      { name: 'PATCH of an unknown id', method: 'PATCH', path: '/api/v1/assessments/987654', options: { body: { version: 1, status: 'complete' } }, status: 404 },
      { name: 'PATCH of an id that is not a number', method: 'PATCH', path: '/api/v1/assessments/abc', options: { body: { version: 1 } }, status: 404 },
      { name: 'submit of an unknown id', method: 'POST', path: '/api/v1/assessments/987654/submit', options: {}, status: 404 },
      { name: 'submit with a bad body', method: 'POST', path: `/api/v1/assessments/${draft.id}/submit`, options: { body: { version: -1 } }, status: 400, field: 'version' },
      { name: 'GET of a write-only path', method: 'GET', path: `/api/v1/assessments/${draft.id}`, options: {}, status: 405 },
    ];
    for (const c of cases) {
      const response = await call(c.method, c.path, { cookie: cookies.editor, ...c.options });
      expect(response.status, c.name).toBe(c.status);
      expect(response.body, c.name).toEqual({ error: { message: expect.any(String), field: c.field === undefined ? expect.toBeOneOf([null, expect.any(String)]) : c.field } });
    }
    const reviewCases: [unknown, number, string | null][] = [
      [{ decision: 'approve' }, 400, 'decision'],
      [{ decision: 'return', comment: 'x'.repeat(2001) }, 400, 'comment'],
      [{}, 400, 'decision'],
    ];
    for (const [body, status, field] of reviewCases) {
      const response = await call('POST', `/api/v1/assessments/${draft.id}/review`, { cookie: cookies.reviewer, body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.error.field).toBe(field);
    }
    expect(await databaseChecksum(db)).toEqual(before);
  });

  it('a chunked body over the limit (no Content-Length) gets 413 too', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > WRITE_BODY_LIMIT * 2) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const response = await server.get('/api/v1/assessments', {
      method: 'POST',
      headers: { cookie: cookies.editor, origin: server.origin, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { message: expect.stringContaining(String(WRITE_BODY_LIMIT)), field: null } });
  });
});

describe('the write limit', () => {
  it('holds a user back with 429 and Retry-After once the audit log shows the limit within the window; other users are not affected', async () => {
    // Rows written by any app server count: here they are appended straight to the database,
    // one write (one timestamp) each; the rows of one write share its timestamp and count once.
    const now = Date.now();
    await writeTransaction(db, async (tx) => {
      for (let i = 0; i < WRITE_LIMIT; i++) {
        await appendAudit(tx, { actorId: users.busy.id, actorLabel: users.busy.email, action: 'assessment.update', entityType: 'assessment', entityId: '0' }, new Date(now - 1000 - i));
      }
    });
    const before = await databaseChecksum(db);
    const response = await create(cookies.busy);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WRITE_WINDOW_MS / 1000);
    expect(response.body.error.message).toMatch(/too many writes/);
    expect(await databaseChecksum(db)).toEqual(before);
    expect((await create(cookies.editor)).status).toBe(201);
  });
});

describe('the OpenAPI document', () => {
  it('documents every write answer seen in this file, and each body matches its documented schema', async () => {
    const doc = (await (await server.get('/api/v1/openapi.json')).json()) as Record<string, any>;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(doc, 'openapi.json');
    const templates = Object.keys(doc.paths).map((template) => ({ template, pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`) }));
    const checked = new Set<string>();
    for (const { method, path, sent, result } of seen) {
      const template = templates.find((t) => t.pattern.test(path))?.template;
      const operation = template && doc.paths[template][method.toLowerCase()];
      if (!operation) {
        expect(result.status, `${method} ${path} is not a documented operation`).toBe(405);
        continue;
      }
      const documented = operation.responses[String(result.status)];
      expect(documented, `${method} ${template} answered ${result.status}, which is not documented`).toBeDefined();
      const schemaRef = documented.content['application/json'].schema.$ref.replace('#/', 'openapi.json#/');
      const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
      expect(validate(result.body), `${method} ${template} ${result.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
      if (result.status < 300 && sent !== undefined) {
        const requestRef = operation.requestBody.content['application/json'].schema.$ref.replace('#/', 'openapi.json#/');
        const validateRequest = ajv.getSchema(requestRef) ?? ajv.compile({ $ref: requestRef });
        expect(validateRequest(sent), `${method} ${template} request: ${JSON.stringify(validateRequest.errors)}`).toBe(true);
      }
      checked.add(`${method} ${template} ${result.status}`);
    }
    // Every write operation and the main answers were exercised.
    for (const key of ['POST /api/v1/assessments 201', 'PATCH /api/v1/assessments/{id} 200', 'PATCH /api/v1/assessments/{id} 409', 'POST /api/v1/assessments/{id}/submit 200', 'POST /api/v1/assessments/{id}/review 200', 'POST /api/v1/assessments/{id}/review 403', 'POST /api/v1/assessments 401', 'POST /api/v1/assessments 413', 'POST /api/v1/assessments 415', 'POST /api/v1/assessments 429']) {
      expect(checked, key).toContain(key);
    }
  });
});
