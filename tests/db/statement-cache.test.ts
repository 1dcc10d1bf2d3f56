/**
 * Embedded connections keep their prepared statements (db/statement-cache.ts): the same text
 * is prepared once per connection, and a kept statement answers exactly as a new one would,
 * with other arguments, after a failure, after a schema change and inside transactions.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { statementCacheCounts, STATEMENTS_PER_CONNECTION } from '../../db/statement-cache';
import { TMP_DIR } from '../helpers/paths';

let db: Database | undefined;

/** A new file with one connection, so that every statement runs on the same one. */
async function open(): Promise<Database> {
  db = await openDatabase({ url: `file:${join(TMP_DIR, `statement-cache-${randomUUID()}.db`)}`, embedded: true }, { connections: 1 });
  await db.run(sql`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`);
  await db.run(sql`INSERT INTO t (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')`);
  return db;
}

afterEach(() => {
  db?.$client.close();
  db = undefined;
});

/** Counts of hits and misses while `run` runs. */
async function counted(run: () => Promise<unknown>): Promise<{ hits: number; misses: number }> {
  const before = { ...statementCacheCounts };
  await run();
  return { hits: statementCacheCounts.hits - before.hits, misses: statementCacheCounts.misses - before.misses };
}

describe('the prepared-statement cache of embedded connections', () => {
  it('prepares a text once and answers each run with its own arguments', async () => {
    const db = await open();
    const nameOf = (id: number) => db.all<{ name: string }>(sql`SELECT name FROM t WHERE id = ${id}`);
    const first = await counted(() => nameOf(1));
    expect(first.misses).toBe(1);
    const names: string[] = [];
    const again = await counted(async () => {
      for (const id of [2, 3, 1, 4]) names.push(...(await nameOf(id)).map((r) => r.name));
    });
    expect(again).toEqual({ hits: 4, misses: 0 });
    expect(names).toEqual(['two', 'three', 'one']);
  });

  it('runs a kept statement again after it failed', async () => {
    const db = await open();
    const insert = (id: number, name: string) => db.run(sql`INSERT INTO t (id, name) VALUES (${id}, ${name})`);
    await insert(10, 'ten');
    await expect(insert(11, 'ten')).rejects.toMatchObject({ cause: { message: expect.stringMatching(/UNIQUE/) } });
    const after = await counted(() => insert(11, 'eleven'));
    expect(after.hits).toBe(1);
    expect(await db.all(sql`SELECT id, name FROM t WHERE id >= 10 ORDER BY id`)).toEqual([
      { id: 10, name: 'ten' },
      { id: 11, name: 'eleven' },
    ]);
  });

  it('never keeps a statement whose columns are `*`, so it sees a column added since', async () => {
    const db = await open();
    for (const text of ['SELECT * FROM t WHERE id = 1', 'SELECT t.* FROM t WHERE id = 1', 'select distinct "t".* from t where id = 1']) {
      const row = async () => ({ ...(await db.$client.execute(text)).rows[0] });
      expect(await counted(row)).toEqual({ hits: 0, misses: 0 });
    }
    const row = async () => ({ ...(await db.$client.execute('SELECT * FROM t WHERE id = 1')).rows[0] });
    expect(await row()).toEqual({ id: 1, name: 'one' });
    await db.run(sql`ALTER TABLE t ADD COLUMN note TEXT DEFAULT 'x'`);
    expect(await row()).toEqual({ id: 1, name: 'one', note: 'x' });
    // count(*) is a column like any other: kept.
    await db.$client.execute('SELECT count(*) AS n FROM t');
    expect(await counted(() => db.$client.execute('SELECT count(*) AS n FROM t'))).toEqual({ hits: 1, misses: 0 });
  });

  it('drops kept statements when this process changes the schema', async () => {
    const db = await open();
    const names = () => db.$client.execute('SELECT id, name FROM t WHERE id = 1');
    await names();
    expect(await counted(names)).toEqual({ hits: 1, misses: 0 });
    await db.run(sql`CREATE INDEX t_name ON t (name)`);
    expect(await counted(names)).toEqual({ hits: 0, misses: 1 });
    expect((await names()).rows.map((r) => ({ ...r }))).toEqual([{ id: 1, name: 'one' }]);
  });

  it('keeps statements inside a transaction and a rolled-back one leaves nothing', async () => {
    const db = await open();
    const rename = (id: number, name: string) => db.run(sql`UPDATE t SET name = ${name} WHERE id = ${id}`);
    await rename(1, 'uno');
    await expect(
      db.transaction(async (tx) => {
        await tx.run(sql`UPDATE t SET name = ${'eins'} WHERE id = ${1}`);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await db.transaction(async (tx) => {
      await tx.run(sql`UPDATE t SET name = ${'ichi'} WHERE id = ${2}`);
    });
    expect(await db.all(sql`SELECT name FROM t ORDER BY id`)).toEqual([{ name: 'uno' }, { name: 'ichi' }, { name: 'three' }]);
    await rename(3, 'tres');
    expect(await db.all(sql`SELECT name FROM t WHERE id = 3`)).toEqual([{ name: 'tres' }]);
  });

  it('keeps at most STATEMENTS_PER_CONNECTION texts, dropping the least recently used', async () => {
    const db = await open();
    const numbered = (n: number) => db.$client.execute(`SELECT ${n} AS n`);
    await numbered(0);
    for (let n = 1; n <= STATEMENTS_PER_CONNECTION; n += 1) await numbered(n);
    // Text 0 was the oldest when text STATEMENTS_PER_CONNECTION came in: prepared again.
    expect(await counted(() => numbered(0))).toEqual({ hits: 0, misses: 1 });
    // The newest texts are still kept.
    expect(await counted(() => numbered(STATEMENTS_PER_CONNECTION))).toEqual({ hits: 1, misses: 0 });
  });
});
