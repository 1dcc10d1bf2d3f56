/**
 * A fingerprint of every data table of a database, to show that a refused request wrote
 * nothing: per table, the row count, the largest rowid and a SHA-256 over every row. Left
 * out by design: the audit log and its refusal counts (refusals are recorded there), sessions (signing in and the
 * sliding expiry write them), login failures (failed sign-ins are counted there), and an
 * API token's `last_used_at` (touched when the token is used).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../db/client';

const EXCLUDED_TABLES = new Set(['audit_log', 'audit_refusal_windows', 'sessions', 'login_failures', '__drizzle_migrations', 'sqlite_sequence']);
const EXCLUDED_COLUMNS: Record<string, string[]> = { api_tokens: ['last_used_at'] };

export interface TableSummary {
  rows: number;
  maxRowid: number | null;
  sha256: string;
}

export type DatabaseChecksum = Record<string, TableSummary>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const statementsByClient = new WeakMap<object, Promise<{ tables: string[]; statements: string[] }>>();

/**
 * Per data table, one statement that sums it up inside SQLite: the row count, the largest
 * rowid, and every row's columns as SQL literals (`quote()` keeps types apart: 1, 1.0, '1'
 * and x'31' differ), one line per row in rowid order. Built once per database handle.
 */
function summaryStatements(db: Database): Promise<{ tables: string[]; statements: string[] }> {
  let found = statementsByClient.get(db.$client);
  if (!found) {
    found = (async () => {
      const tables = (await db.$client.execute("select name from sqlite_master m where type = 'table' AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND (m.name = v.name OR m.name LIKE v.name || '\\_%' ESCAPE '\\')) order by name")).rows
        .map((row) => String(row.name))
        .filter((name) => !EXCLUDED_TABLES.has(name));
      const statements: string[] = [];
      for (const table of tables) {
        const columns = (await db.$client.execute(`pragma table_info(${quote(table)})`)).rows
          .map((row) => String(row.name))
          .filter((name) => !(EXCLUDED_COLUMNS[table] ?? []).includes(name));
        const line = columns.map((c) => `quote(${quote(c)})`).join(" || ',' || ");
        statements.push(`select count(*) as n, max(rowid) as m, group_concat(${line}, char(10) order by rowid) as body from ${quote(table)}`);
      }
      return { tables, statements };
    })();
    statementsByClient.set(db.$client, found);
  }
  return found;
}

/** Count, largest rowid and row hash of every data table, by table name; read in one transaction. */
export async function databaseChecksum(db: Database): Promise<DatabaseChecksum> {
  const { tables, statements } = await summaryStatements(db);
  const results = await db.$client.batch(statements, 'read');
  const checksum: DatabaseChecksum = {};
  tables.forEach((table, i) => {
    const row = results[i]!.rows[0]!;
    checksum[table] = {
      rows: Number(row.n),
      maxRowid: row.m === null ? null : Number(row.m),
      sha256: createHash('sha256').update(String(row.body ?? '')).digest('hex'),
    };
  });
  return checksum;
}
