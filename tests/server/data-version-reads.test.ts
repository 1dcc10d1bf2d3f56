/**
 * What one scorecard request reads of the data versions, counted in the server's own query log
 * (tests/helpers/query-log.ts): the middleware reads `world` and the party's counter once, for
 * the ETag and the page cache's stamp, and the memos the render opens (the translations, the
 * scorecard's reference data) reuse that read instead of reading `world` again. A translation
 * changed by another process is still shown on the next request.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { translations } from '../../db/schema';
import { TMP_DIR } from '../helpers/paths';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

const log = join(TMP_DIR, `queries-${randomUUID()}.log`);
let server: TestServer;
let db: Database;
beforeAll(async () => {
  writeFileSync(log, '');
  ({ server, db } = await startServerWithDatabase({ NODE_OPTIONS: '--import ./tests/helpers/query-log.ts', QUERY_LOG: log }));
});
afterAll(() => stopServerWithDatabase(server, db));

const statements = () => readFileSync(log, 'utf8').split('\n').filter(Boolean);

/** The page's status, body and the data_versions reads the server ran while answering it. */
async function readsOf(path: string, headers: Record<string, string> = {}) {
  const before = statements().length;
  const response = await server.get(path, { headers: { 'accept-encoding': 'identity', ...headers } });
  const body = await response.text();
  return { status: response.status, cache: response.headers.get('x-page-cache'), body, versionReads: statements().slice(before).filter((sql) => /\bdata_versions\b/.test(sql)) };
}

describe('data version reads per scorecard request', () => {
  it('logs the statements the server runs', async () => {
    await readsOf('/parties/tha');
    expect(statements().some((sql) => /from "?current_assessments"?/i.test(sql))).toBe(true);
  });

  for (const path of ['/parties/npl', '/th/parties/npl', '/id/parties/npl']) {
    it(`${path}: one read, rendered for the page cache and rendered for a reader with a cookie`, async () => {
      const miss = await readsOf(path);
      expect([miss.status, miss.cache]).toEqual([200, 'miss']);
      expect(miss.versionReads).toEqual(['SELECT scope, version FROM data_versions WHERE scope IN (?,?)']);
      const uncached = await readsOf(path, { cookie: 'unrelated=1' });
      expect([uncached.status, uncached.cache]).toEqual([200, null]);
      expect(uncached.versionReads).toHaveLength(1);
      expect(uncached.body).toBe(miss.body);
    });
  }

  it('a permalink outside the page cache reads `world` once, for the translations and the reference data together', async () => {
    const { status, versionReads } = await readsOf('/id/parties/npl?as_of=2025-06-01', { cookie: 'unrelated=1' });
    expect(status).toBe(200);
    expect(versionReads).toEqual(['SELECT scope, version FROM data_versions WHERE scope IN (?)']);
  });

  it('a translation changed by another process shows on the next request, cached or not', async () => {
    const where = and(eq(translations.entity, 'party'), eq(translations.entityKey, 'npl'), eq(translations.field, 'name'), eq(translations.locale, 'id'));
    const [row] = await db.select().from(translations).where(where);
    expect(row, 'the seed names Nepal in Indonesian').toBeDefined();
    expect((await readsOf('/id/parties/npl', { cookie: 'unrelated=1' })).body).toContain(row!.text);
    await db.update(translations).set({ text: 'Nepal qzxv diubah' }).where(where);
    expect((await readsOf('/id/parties/npl', { cookie: 'unrelated=1' })).body).toContain('Nepal qzxv diubah');
    expect((await readsOf('/id/parties/npl')).body).toContain('Nepal qzxv diubah');
    await db.update(translations).set({ text: row!.text }).where(where);
  });
});
