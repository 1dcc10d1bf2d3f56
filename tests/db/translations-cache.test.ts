/**
 * The translations of seeded data, one entry of the reference memo kept per process and
 * database by the `world` data version, which the translations' triggers bump
 * (src/lib/server/translations.ts, reference-memo.ts, migration 0017): a second read costs one
 * counter read and no rows, none at all in a request that has read the versions already; a
 * translation written, changed or removed, in any way, is seen on the next read.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/client';
import { dataVersions, translations } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { openReferenceMemo, withRequestVersions } from '../../src/lib/server/reference-memo';
import { loadDataTranslations } from '../../src/lib/server/translations';
import { readDataVersions } from '../../src/lib/server/queries/data-version';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});
afterEach(() => vi.restoreAllMocks());

/** The SQL statements the client runs while `run` does. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const client = db.$client;
  const execute = client.execute.bind(client);
  const spy = vi.spyOn(client, 'execute').mockImplementation(((statement: string | { sql: string }, ...rest: unknown[]) => {
    seen.push(typeof statement === 'string' ? statement : statement.sql);
    return (execute as (...args: unknown[]) => unknown)(statement, ...rest);
  }) as typeof client.execute);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

const readsRows = (sql: string) => /from\s+"?translations"?/i.test(sql);
const UNCC7 = and(eq(translations.entity, 'commitment'), eq(translations.entityKey, 'UNCC-7'), eq(translations.field, 'title'), eq(translations.locale, 'id'));

describe('loadDataTranslations', () => {
  it('reads the rows once; a second read costs one counter read and no rows', async () => {
    const first = await loadDataTranslations(db, 'id');
    expect(first.bySource.size).toBeGreaterThan(100);
    const statements = await statementsDuring(() => loadDataTranslations(db, 'id'));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/data_versions/);
    expect(statements.some(readsRows)).toBe(false);
    expect(await loadDataTranslations(db, 'id')).toBe(first);
  });

  it('sees a changed, a removed and a restored translation on the next read', async () => {
    const [row] = await db.select().from(translations).where(UNCC7);
    const before = await loadDataTranslations(db, 'id');
    expect(before.bySource.get(row!.source)).toBe(row!.text);
    await db.update(translations).set({ text: 'Judul yang diubah zqxwv' }).where(UNCC7);
    const statements = await statementsDuring(async () => expect((await loadDataTranslations(db, 'id')).bySource.get(row!.source)).toBe('Judul yang diubah zqxwv'));
    expect(statements.some(readsRows)).toBe(true);
    await db.delete(translations).where(UNCC7);
    expect((await loadDataTranslations(db, 'id')).bySource.has(row!.source)).toBe(false);
    await db.insert(translations).values(row!);
    expect((await loadDataTranslations(db, 'id')).bySource.get(row!.source)).toBe(row!.text);
  });

  it('in a request: no read with the versions the request read, else one read of `world` for every memo it opens', async () => {
    const versions = await readDataVersions(db, ['world', 'party:tha']);
    const translated = await loadDataTranslations(db, 'id');
    const withVersions = await statementsDuring(() =>
      withRequestVersions(db, versions, async () => {
        expect(await loadDataTranslations(db, 'id')).toBe(translated);
        await (await openReferenceMemo(db)).remember('instruments', async () => 'read');
      }),
    );
    expect(withVersions).toEqual([]);
    const without = await statementsDuring(() =>
      withRequestVersions(db, null, async () => {
        await loadDataTranslations(db, 'th');
        await loadDataTranslations(db, 'id');
        await openReferenceMemo(db);
      }),
    );
    expect(without.filter((sql) => /data_versions/.test(sql))).toHaveLength(1);
  });

  it('in a request that read the versions before a translation changed: that request may show the old text, the next one shows the new, and an older request does not undo it', async () => {
    const [row] = await db.select().from(translations).where(UNCC7);
    const versions = await readDataVersions(db, ['world']);
    await loadDataTranslations(db, 'id');
    await db.update(translations).set({ text: 'Judul yang diubah lagi qzxv' }).where(UNCC7);
    await withRequestVersions(db, versions, async () => expect((await loadDataTranslations(db, 'id')).bySource.get(row!.source)).toBe(row!.text));
    const next = await readDataVersions(db, ['world']);
    await withRequestVersions(db, next, async () => expect((await loadDataTranslations(db, 'id')).bySource.get(row!.source)).toBe('Judul yang diubah lagi qzxv'));
    // A request still holding the older version is served the newer memo, and leaves it in place.
    await withRequestVersions(db, versions, async () => expect((await loadDataTranslations(db, 'id')).bySource.get(row!.source)).toBe('Judul yang diubah lagi qzxv'));
    const after = await statementsDuring(() => withRequestVersions(db, next, () => loadDataTranslations(db, 'id')));
    expect(after.some(readsRows)).toBe(false);
    await db.update(translations).set({ text: row!.text }).where(UNCC7);
  });

  it('keeps Thai apart from Indonesian, and English needs none', async () => {
    const th = await loadDataTranslations(db, 'th');
    expect(th.locale).toBe('th');
    expect((await loadDataTranslations(db, 'en')).bySource.size).toBe(0);
    expect((await loadDataTranslations(db, 'id')).locale).toBe('id');
  });

  it('bumps the world version with a change (cached pages show translations), not with a rewrite of the same text', async () => {
    const world = async () => (await db.select().from(dataVersions).where(eq(dataVersions.scope, 'world')))[0]!.version;
    const [row] = await db.select().from(translations).where(UNCC7);
    const start = await world();
    await db.update(translations).set({ text: row!.text }).where(UNCC7);
    expect(await world()).toBe(start);
    await db.update(translations).set({ text: `${row!.text}.` }).where(UNCC7);
    expect(await world()).toBe(start + 1);
    await db.update(translations).set({ text: row!.text }).where(UNCC7);
  });
});
