/**
 * A fingerprint of every data table of a database, to show that a refused request wrote
 * nothing: per table, the row count, the largest rowid and a SHA-256 over every row. Left
 * out by design: the audit log (refusals are recorded there), sessions (signing in and the
 * sliding expiry write them), login failures (failed sign-ins are counted there), and an
 * API token's `last_used_at` (touched when the token is used).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client';

const EXCLUDED_TABLES = new Set(['audit_log', 'sessions', 'login_failures', '__drizzle_migrations', 'sqlite_sequence']);
const EXCLUDED_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

export interface TableSummary {
  rows: number;
  maxRowid: number | null;
  sha256: string;
}

export type DatabaseChecksum = Record<string, TableSummary>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const columnsByClient = new WeakMap<object, Promise<[string, string[]][]>>();

/** The data tables and the columns fingerprinted in each (read once per database handle). */
function dataColumns(db: Database): Promise<[string, string[]][]> {
  let found = columnsByClient.get(db.$client);
  if (!found) {
    found = (async () => {
      const tables = (await db.$client.execute("select name from sqlite_master where type = 'table' order by name")).rows
        .map((row) => String(row.name))
        .filter((name) => !EXCLUDED_TABLES.has(name));
      const result: [string, string[]][] = [];
      for (const table of tables) {
        const columns = (await db.$client.execute(`pragma table_info(${quote(table)})`)).rows
          .map((row) => String(row.name))
          .filter((name) => !(EXCLUDED_COLUMNS[table] ?? []).includes(name));
        result.push([table, columns]);
      }
      return result;
    })();
    columnsByClient.set(db.$client, found);
  }
  return found;
}

/** Count, largest rowid and row hash of every data table, by table name; read in one transaction. */
export async function databaseChecksum(db: Database): Promise<DatabaseChecksum> {
  const tables = await dataColumns(db);
  const results = await db.$client.batch(
    tables.map(([table, columns]) => `select rowid as _rowid, ${columns.map(quote).join(', ')} from ${quote(table)} order by rowid`),
    'read',
  );
  const checksum: DatabaseChecksum = {};
  tables.forEach(([table, columns], i) => {
    const rows = results[i]!.rows;
    const hash = createHash('sha256');
    let maxRowid: number | null = null;
    for (const row of rows) {
      hash.update(JSON.stringify(columns.map((c) => row[c] ?? null), (_key, value) => (typeof value === 'bigint' ? value.toString() : value)));
      hash.update('\n');
      maxRowid = Number(row._rowid);
    }
    checksum[table] = { rows: rows.length, maxRowid, sha256: hash.digest('hex') };
  });
  return checksum;
}
