/**
 * Issue 10, items 6, 11, 12, 14 and 16, against the built server: bounded refusal auditing,
 * PUBLIC_ORIGIN for absolute URLs, the write limit on actions, immutable published evidence,
 * and the smaller fixes (evidence URLs, 405 on the collection, the `__Host-` cookie over
 * HTTPS, CSV neutralisation).
 */
import { execFileSync } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { WRITE_LIMIT } from '../../src/lib/server/write-rate-limit';
import { TMP_DIR } from '../helpers/paths';
import { startServerWithDatabase, stopServerWithDatabase, startServer, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie, STAFF_PASSWORD } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let editorCookie: string;
let reviewerCookie: string;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  editorCookie = await sessionCookie(db, await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']));
  reviewerCookie = await sessionCookie(db, await createStaff(db, 'reviewer@example.org', ['reviewer']));
});
afterAll(() => stopServerWithDatabase(server, db));

const count = async (sql: string, args: (string | number)[] = []) => Number((await db.$client.execute({ sql, args })).rows[0]!.n);

/** Creates, submits and publishes an assessment; returns its id. */
async function publish(overrides: Record<string, unknown>): Promise<number> {
  const created = await callApi(server, 'POST', '/api/v1/assessments', { cookie: editorCookie, body: newAssessment({ submit: true, ...overrides }) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { cookie: reviewerCookie, body: { decision: 'publish' } });
  expect(published.status).toBe(200);
  return created.body.id;
}

describe('refusal auditing is bounded (item 6)', () => {
  it('records 40 identical cross-site refusals from one client as one row with a count, and caps the Origin at 256 bytes', async () => {
    const before = await count("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.refused'");
    const origin = `https://${'x'.repeat(8000)}.example`;
    for (let i = 0; i < 40; i++) {
      const answer = await server.get('/workspace/account?_action=tokens.create', {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=x',
      });
      expect(answer.status).toBe(403);
      await answer.arrayBuffer();
    }
    const rows = (await db.$client.execute("SELECT id, after FROM audit_log WHERE action = 'auth.refused' ORDER BY id DESC LIMIT 5")).rows;
    const added = (await count("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.refused'")) - before;
    // One row per window: at most two if the minute turned during the loop.
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(2);
    const after = JSON.parse(String(rows[0]!.after));
    expect(Buffer.byteLength(after.origin)).toBeLessThanOrEqual(256);
    expect(await count('SELECT sum(count) AS n FROM audit_refusal_windows WHERE audit_id >= ?', [Number(rows[added - 1]!.id)])).toBe(40);
  });
});

describe('the write limit covers actions (item 12)', () => {
  it('holds back a user posting forms faster than the limit with 429', async () => {
    const cookie = await sessionCookie(db, await createStaff(db, 'hasty@example.org', ['viewer']));
    const statuses: number[] = [];
    for (let i = 0; i < WRITE_LIMIT + 10; i++) {
      const answer = await server.get('/workspace/account?_action=tokens.create', {
        method: 'POST',
        headers: { origin: server.origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: `name=token-${i}`,
      });
      statuses.push(answer.status);
      await answer.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    expect(await count("SELECT count(*) AS n FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'hasty@example.org'")).toBeLessThanOrEqual(WRITE_LIMIT);
  });
});

describe('published evidence is immutable (item 14)', () => {
  it('refuses to delete or change the evidence of a published assessment in the database itself', async () => {
    const id = await publish({ commitment: 'BJS-4' });
    await expect(db.$client.execute({ sql: 'DELETE FROM evidence WHERE assessment_id = ?', args: [id] })).rejects.toThrow(/evidence of a published assessment cannot be deleted/);
    await expect(db.$client.execute({ sql: "UPDATE evidence SET url = 'https://elsewhere.example/' WHERE assessment_id = ?", args: [id] })).rejects.toThrow(/cannot be changed/);
    expect(await count('SELECT count(*) AS n FROM evidence WHERE assessment_id = ?', [id])).toBe(1);
  });
});

describe('smaller fixes (item 16)', () => {
  it.each([
    ['https://user:pass@www.mfa.go.th/x', 'must not contain a user name or password'],
    ['https://www.mfa.go.th\\@evil.example/', 'must not contain a backslash'],
  ])('refuses the evidence URL %s', async (url, message) => {
    const answer = await callApi(server, 'POST', '/api/v1/assessments', {
      cookie: editorCookie,
      body: newAssessment({ evidence: [{ url, title: 'Cabinet resolution', publisher: 'Cabinet Secretariat', grade: 'official' }] }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ field: 'evidence.0.url', message: `evidence.0.url: ${message}` });
  });

  it('answers PUT, PATCH and DELETE on /api/v1/assessments with 405 and Allow', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const answer = await callApi(server, method, '/api/v1/assessments', { cookie: editorCookie, body: {} });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, POST');
    }
  });

  it('neutralises CSV cells that start with a full-width ＝, a | or a %', async () => {
    const narratives = ['＝HYPERLINK("https://attacker.invalid","x")', '|calc!A0 with some text', '%SystemRoot% and more text'];
    for (const [i, narrative] of narratives.entries()) await publish({ commitment: `BJS-${i + 1}`, narrative });
    const csv = await (await server.get('/data/assessments.csv')).text();
    for (const narrative of narratives) {
      expect(csv).toContain(`'${narrative.replace(/"/g, '""')}`);
    }
  });
});

describe('PUBLIC_ORIGIN and the __Host- cookie (items 11 and 16)', () => {
  let tls: TestServer;
  const key = join(TMP_DIR, `tls-${process.pid}.key`);
  const cert = join(TMP_DIR, `tls-${process.pid}.crt`);

  beforeAll(async () => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    tls = await startServer({ SERVER_CERT_PATH: cert, SERVER_KEY_PATH: key, PUBLIC_ORIGIN: 'https://monitor.example' });
  });
  afterAll(async () => {
    await tls?.stop();
  });

  function httpsGet(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
    const url = new URL(path, tls.origin);
    return new Promise((resolve, reject) => {
      const req = httpsRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(options.body);
    });
  }

  it('builds feed ids and links, and the embed canonical link, from PUBLIC_ORIGIN whatever the Host header says', async () => {
    const feed = await httpsGet('/feed.xml', { headers: { host: 'evil.example' } });
    expect(feed.status).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).toContain('https://monitor.example/');
    const embed = await httpsGet('/embed/parties/tha', { headers: { host: 'evil.example' } });
    expect(embed.body).toContain('<link rel="canonical" href="https://monitor.example/parties/tha"');
  });

  it('without PUBLIC_ORIGIN, uses the served address, not the Host header', async () => {
    const feed = await server.get('/feed.xml', { headers: { host: 'evil.example' } });
    const body = await feed.text();
    expect(body).not.toContain('evil.example');
    expect(body).toContain(server.origin);
  });

  it('names the session cookie __Host-session over HTTPS, Secure and without Domain', async () => {
    const tlsDb = await openDatabase({ url: tls.databaseUrl, embedded: true });
    try {
      await createStaff(tlsDb, 'secure@example.org', ['viewer']);
    } finally {
      tlsDb.$client.close();
    }
    const origin = tls.origin;
    const answer = await httpsGet('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ email: 'secure@example.org', password: STAFF_PASSWORD }).toString(),
    });
    expect(answer.status).toBe(303);
    const cookie = [answer.headers['set-cookie']].flat().find((c) => c?.startsWith('__Host-session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const pair = cookie!.split(';')[0]!;
    const workspace = await httpsGet('/workspace', { headers: { cookie: pair } });
    expect(workspace.status).toBe(200);
    // The plain name does not count over HTTPS.
    const plain = await httpsGet('/workspace', { headers: { cookie: pair.replace('__Host-session', 'session') } });
    expect(plain.status).toBe(302);
  });
});

describe('the opener policy: the pages of a session only', () => {
  it('isolates the workspace a signed-in editor sees, and sends public pages without it, first render and page cache alike', async () => {
    for (const path of ['/workspace', '/th/workspace']) {
      const response = await server.get(path, { headers: { cookie: editorCookie }, redirect: 'manual' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBe('same-origin');
    }
    for (const path of ['/parties/tha', '/parties/tha', '/th/parties/tha', '/']) {
      const response = await server.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cross-origin-opener-policy'), path).toBeNull();
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    }
    // A signed-in reader of a public page gets the same public document, without a session's data.
    const signedIn = await server.get('/parties/tha', { headers: { cookie: editorCookie } });
    expect(signedIn.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(await signedIn.text()).not.toContain('editor@mfa.go.th');
  });
});
