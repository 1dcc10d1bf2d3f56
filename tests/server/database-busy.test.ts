/**
 * The built server while another process holds the database's write lock: a write (a failed
 * sign-in writes its failure row and audit row) answers 503 with Retry-After and writes
 * nothing, pages keep being served meanwhile, and the same request succeeds once the lock is
 * released.
 */
import { createClient, type Client, type Transaction } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let observer: Client;

beforeAll(async () => {
  server = await startServer();
  observer = createClient({ url: server.databaseUrl });
});
afterAll(async () => {
  observer?.close();
  await server?.stop();
});

const postLogin = (path = '/login') =>
  server.get(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
    body: new URLSearchParams({ email: 'nobody@example.org', password: 'not-the-password' }).toString(),
  });

const tally = async () => {
  const rows = await observer.execute(`SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM login_failures) AS failures`);
  return { ...rows.rows[0] };
};

/** Holds the write lock from a connection the server does not own, as another process would (BEGIN IMMEDIATE). */
async function takeWriteLock(): Promise<{ client: Client; tx: Transaction }> {
  const client = createClient({ url: server.databaseUrl });
  return { client, tx: await client.transaction('write') };
}

describe('a write while another process holds the write lock', () => {
  it('answers 503 with Retry-After and writes nothing; pages are served meanwhile; the same request then succeeds', async () => {
    const before = await tally();
    const lock = await takeWriteLock();
    const order: string[] = [];
    try {
      const write = postLogin().then(async (response) => {
        order.push('write');
        return { response, body: await response.text() };
      });
      // The server is not frozen while the write waits for the lock.
      const page = await server.get('/');
      order.push('page');
      expect(page.status).toBe(200);
      await page.arrayBuffer();

      const { response, body } = await write;
      expect(order).toEqual(['page', 'write']);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(body).toMatch(/database is busy.*nothing was saved/);
      expect(server.output()).toMatch(/warn: POST \/login: the database is locked by another process/);
    } finally {
      await lock.tx.rollback();
      lock.client.close();
    }
    expect(await tally()).toEqual(before);

    const retried = await postLogin();
    expect(retried.status).toBe(401);
    await retried.arrayBuffer();
    const after = await tally();
    expect(after.audit).toBe(Number(before.audit) + 1);
    expect(after.failures).toBeGreaterThan(Number(before.failures));
  }, 30_000);

  it('answers the API with the JSON error shape, and Thai pages in Thai', async () => {
    // A token's first use records its last-used time: a write in front of an API read.
    const db = await openDatabase({ url: server.databaseUrl, embedded: true });
    let token: string;
    try {
      const user = await createUser(db, { email: 'program@example.org', name: 'Program', roles: ['viewer'], password: 'amber-kettle-orchard-41' }, CLI_ACTOR);
      ({ token } = await createApiToken(db, user.id, 'busy test', CLI_ACTOR));
    } finally {
      db.$client.close();
    }
    const lock = await takeWriteLock();
    try {
      const api = await server.get('/api/v1/parties', { headers: { authorization: `Bearer ${token}` } });
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('5');
      expect(api.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await api.json()).toEqual({ error: { message: expect.stringMatching(/database is busy/), field: null } });

      // A page under /th in Thai: the sign-in form is the write route every locale shares.
      const thai = await postLogin('/th/login');
      expect(thai.status).toBe(503);
      expect(await thai.text()).toMatch(/ฐานข้อมูลกำลังทำงานอื่นอยู่/);
    } finally {
      await lock.tx.rollback();
      lock.client.close();
    }
  }, 30_000);
});
