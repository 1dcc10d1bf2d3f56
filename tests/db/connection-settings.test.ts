/**
 * Every pooled connection of an embedded database carries the per-connection settings
 * (db/client.ts): the client lends a different connection to each call in flight, so a PRAGMA
 * run once would reach only one of them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_CONNECTIONS } from '../../db/client';
import { createTempDatabase } from '../helpers/temp-db';

const { db } = await createTempDatabase();
afterAll(() => db.$client.close());

/** Reads a PRAGMA on as many connections at once as the pool holds, and then some. */
async function onAllConnections(pragma: string): Promise<unknown[]> {
  const results = await Promise.all(Array.from({ length: EMBEDDED_CONNECTIONS + 3 }, () => db.$client.execute(`PRAGMA ${pragma}`)));
  return results.map((r) => Object.values(r.rows[0] ?? {})[0]);
}

describe('embedded connection settings', () => {
  it('map the file into memory on every connection', async () => {
    const sizes = await onAllConnections('mmap_size');
    expect(sizes.every((size) => Number(size) > 1024 * 1024 * 1024)).toBe(true);
  });

  it('sync WAL commits at NORMAL and enforce foreign keys on every connection', async () => {
    expect(new Set(await onAllConnections('synchronous'))).toEqual(new Set([1]));
    expect(new Set(await onAllConnections('foreign_keys'))).toEqual(new Set([1]));
  });

  it('keep the pool at its size: no connection opened later without the settings', async () => {
    // A transaction holds one connection; the reads in flight beside it use the others.
    const tx = await db.$client.transaction('read');
    try {
      const sizes = await onAllConnections('mmap_size');
      expect(sizes.every((size) => Number(size) > 0)).toBe(true);
    } finally {
      tx.close();
    }
  });
});
