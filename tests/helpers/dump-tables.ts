/**
 * Every row of every table of a database file, in rowid order: what "the same contents"
 * means in the backup tests. Also a script (`node --import tsx tests/helpers/dump-tables.ts
 * PATH` prints the JSON), for reading a file without leaving a connection in the test
 * process: @libsql/client's close() leaves a connection open until its statements are
 * garbage-collected, and an open connection is exactly what db:restore refuses.
 */
import { createClient } from '@libsql/client';

export type TableDump = Record<string, Record<string, unknown>[]>;

/** Reads every table of the database at `path` (full-text indexes and their shadow tables left out: their content table is read). */
export async function dumpTables(path: string): Promise<TableDump> {
  const client = createClient({ url: `file:${path}`, intMode: 'bigint' });
  try {
    const tables = await client.execute(`SELECT name FROM sqlite_schema m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND (m.name = v.name OR m.name LIKE v.name || '\\_%' ESCAPE '\\')) ORDER BY name`);
    const out: TableDump = {};
    for (const { name } of tables.rows) {
      const rows = await client.execute(`SELECT * FROM "${String(name).replaceAll('"', '""')}" ORDER BY rowid`);
      out[String(name)] = rows.rows.map((row) => Object.fromEntries(rows.columns.map((column, i) => [column, normalise(row[i])])));
    }
    return out;
  } finally {
    client.close();
  }
}

/** JSON-safe: integers as strings, blobs as hex. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof ArrayBuffer) return Buffer.from(value).toString('hex');
  return value;
}

if (process.argv[1]?.endsWith('dump-tables.ts')) process.stdout.write(JSON.stringify(await dumpTables(process.argv[2]!)));
