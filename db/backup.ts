/**
 * Backup and restore of the embedded database file.
 *
 * Backup is online: `VACUUM INTO` reads one consistent snapshot (a read transaction, which in
 * WAL mode neither waits for nor blocks the server's writers) and writes it as a compact,
 * self-contained file (no -wal). It is written beside the destination under a temporary
 * name, checked, flushed to disk (fsync) and only then given its name, so a crash leaves
 * either no backup or a whole one.
 *
 * Restore never trusts the file it is given: a copy is checked first (SQLite file header,
 * `PRAGMA integrity_check`, the migrations recorded in it against the app's own, the audit
 * log's hash chain), and the database in place is touched only once the copy has passed.
 * It then refuses while another process has the database open, keeps the current file as
 * `<name>.before-restore-<UTC time>` (a hard link, so no bytes are copied and nothing is lost)
 * and moves the checked copy into place with one atomic rename.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { verifyAuditChain } from '../src/lib/server/audit';
import type { Database } from './client';
import { BackupError } from './backup-target';
import { MIGRATIONS_FOLDER } from './migrate';
import * as schema from './schema';

export { BackupError, databaseFilePath, REMOTE_DATABASE_MESSAGE } from './backup-target';

export interface TableCount {
  table: string;
  rows: number;
}

export interface BackupSummary {
  path: string;
  bytes: number;
  tables: TableCount[];
}

const SQLITE_HEADER = 'SQLite format 3\0';

function openFile(path: string, busyTimeoutMs = 0): Client {
  return createClient({ url: `file:${path}`, timeout: busyTimeoutMs });
}

/** Rows in every table of the app (SQLite's and libSQL's own tables left out), by name. */
async function countRows(client: Client): Promise<TableCount[]> {
  const tables = await client.execute(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'libsql\\_%' ESCAPE '\\' ORDER BY name`);
  const counts: TableCount[] = [];
  for (const { name } of tables.rows) {
    const table = String(name);
    const result = await client.execute(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`);
    counts.push({ table, rows: Number(result.rows[0]!.n) });
  }
  return counts;
}

/** Flushes a file, and the folder entry that names it, to disk. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function temporaryPathBeside(path: string, label: string): string {
  return join(dirname(path), `.${basename(path)}.${label}-${process.pid}-${randomUUID().slice(0, 8)}.tmp`);
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/**
 * Writes a consistent copy of the database at `source` to `destination` while the app keeps
 * serving and writing. Refuses an existing destination unless `force`.
 */
export async function backupDatabase(source: string, destination: string, options: { force?: boolean } = {}): Promise<BackupSummary> {
  const target = resolve(destination);
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source} to back up (check DATABASE_URL)`);
  if (existsSync(target) && !options.force) throw new BackupError(`${destination} already exists; choose another name or pass --force to replace it`);
  mkdirSync(dirname(target), { recursive: true });
  const temporary = temporaryPathBeside(target, 'backup');
  try {
    const client = openFile(source, 5000);
    try {
      await client.execute({ sql: 'VACUUM INTO ?', args: [temporary] });
    } finally {
      client.close();
    }
    const copy = openFile(temporary);
    let tables: TableCount[];
    try {
      // VACUUM INTO writes a rollback-journal file; say so explicitly, so it never grows a -wal.
      await copy.execute('PRAGMA journal_mode = DELETE');
      const check = await copy.execute('PRAGMA quick_check');
      if (String(check.rows[0]?.[0]) !== 'ok') throw new BackupError(`the copy failed its check (${String(check.rows[0]?.[0])}); the database itself may be damaged: run PRAGMA integrity_check on it`);
      tables = await countRows(copy);
    } finally {
      copy.close();
    }
    fsyncPath(temporary);
    if (options.force) {
      renameSync(temporary, target);
    } else {
      // link() fails if the name was taken meanwhile: a backup never replaces a file unasked.
      try {
        linkSync(temporary, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupError(`${destination} already exists; choose another name or pass --force to replace it`);
        throw error;
      }
      rmSync(temporary);
    }
    fsyncPath(dirname(target));
    return { path: target, bytes: statSync(target).size, tables };
  } finally {
    removeDatabaseFiles(temporary);
  }
}

export interface Verification {
  tables: TableCount[];
  /** Migrations recorded in the file, and how many the app knows. */
  migrations: { applied: number; known: number };
  /** Rows in the audit log, all of whose links verified. */
  auditRows: number;
}

/** True when the file starts with SQLite's 16-byte magic string. */
function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(16);
    return readSync(fd, buffer, 0, 16, 0) === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

type SchemaObject = { type: string; name: string; sql: string };

async function readSchema(client: Client): Promise<Map<string, SchemaObject>> {
  const rows = await client.execute(
    "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' AND sql IS NOT NULL",
  );
  // Whitespace and quoting aside, the stored SQL is the statement that made the object.
  const normalise = (text: string) => text.replace(/\s+/g, ' ').replace(/[`"]/g, '').trim();
  return new Map(rows.rows.map((row) => [`${String(row.type)} ${String(row.name)}`, { type: String(row.type), name: String(row.name), sql: normalise(String(row.sql)) }]));
}

/**
 * Compares the tables, indexes and triggers of a database with those its applied migrations
 * make (applied to an empty scratch file beside it); names the first difference, or null.
 * A dropped append-only trigger, say, is found here.
 */
async function compareSchema(client: Client, migrations: ReturnType<typeof readMigrationFiles>, besidePath: string): Promise<string | null> {
  const scratchPath = temporaryPathBeside(besidePath, 'schema');
  const scratch = openFile(scratchPath);
  try {
    for (const migration of migrations) {
      for (const statement of migration.sql) if (statement.trim()) await scratch.execute(statement);
    }
    const [expected, actual] = [await readSchema(scratch), await readSchema(client)];
    for (const [key, object] of expected) {
      const found = actual.get(key);
      if (!found) return `${object.type} ${object.name} is missing`;
      if (found.sql !== object.sql) return `${object.type} ${object.name} differs from its migration`;
    }
    for (const [key, object] of actual) if (!expected.has(key)) return `${object.type} ${object.name} is not made by any migration`;
    return null;
  } finally {
    scratch.close();
    rmSync(scratchPath, { force: true });
    rmSync(`${scratchPath}-journal`, { force: true });
  }
}

/**
 * Checks that a file is a whole, undamaged database of this app: SQLite header,
 * `PRAGMA integrity_check`, its migrations the same as (or an earlier prefix of) the app's,
 * its tables, indexes and triggers exactly those the migrations make, and an unbroken audit
 * chain. Opening it may change its journal mode: pass a copy.
 */
export async function verifyDatabaseFile(path: string, migrationsFolder = MIGRATIONS_FOLDER): Promise<Verification> {
  if (!existsSync(path) || !statSync(path).isFile()) throw new BackupError(`${path} is not a file`);
  if (!hasSqliteHeader(path)) throw new BackupError(`${path} is not a SQLite database (its first bytes are not the SQLite header)`);
  const client = openFile(path);
  try {
    let integrity: string[];
    try {
      await client.execute('PRAGMA journal_mode = DELETE');
      integrity = (await client.execute('PRAGMA integrity_check(20)')).rows.map((row) => String(row[0]));
    } catch (error) {
      throw new BackupError(`the backup is damaged: ${firstLine(error)}`);
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') throw new BackupError(`the backup is damaged: integrity_check says ${integrity.slice(0, 3).join('; ')}`);

    const known = readMigrationFiles({ migrationsFolder });
    const hasTable = async (name: string) => (await client.execute({ sql: `SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`, args: [name] })).rows.length > 0;
    if (!(await hasTable('__drizzle_migrations'))) throw new BackupError('the file is a SQLite database but not one of this app (it has no __drizzle_migrations table)');
    const applied = (await client.execute('SELECT hash FROM __drizzle_migrations ORDER BY created_at, id')).rows.map((row) => String(row.hash));
    if (applied.length > known.length) {
      throw new BackupError(`the backup has ${applied.length} migrations and this version of the app knows ${known.length}: restore it with the newer version that made it`);
    }
    const mismatch = applied.findIndex((hash, i) => hash !== known[i]!.hash);
    if (mismatch >= 0) throw new BackupError(`the backup's migration ${mismatch + 1} differs from the app's (${basename(migrationsFolder)}): it was made by another branch or version of the app`);
    const drift = await compareSchema(client, known.slice(0, applied.length), path);
    if (drift) throw new BackupError(`the backup's schema is not the one its migrations make: ${drift}`);

    let auditRows = 0;
    if (await hasTable('audit_log')) {
      const chain = await verifyAuditChain(drizzle({ client, schema }) as Database);
      if (!chain.ok) throw new BackupError(`the backup's audit log is broken at row ${chain.brokenId}: ${chain.reason}`);
      auditRows = chain.rows;
    }
    return { tables: await countRows(client), migrations: { applied: applied.length, known: known.length }, auditRows };
  } finally {
    client.close();
  }
}

export interface RestoreSummary extends Verification {
  target: string;
  /** Where the database that was in place now is (null when there was none). */
  previous: string | null;
  /** Set when the database in place could not be opened (damaged), so whether it was in use could not be checked. */
  previousUnreadable: string | null;
  bytes: number;
}

/** `monitor.db.before-restore-20261123T104502Z` (a counter is added if that name is taken). */
function previousPathFor(target: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let candidate = `${target}.before-restore-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${target}.before-restore-${stamp}-${n}`;
  return candidate;
}

/**
 * Takes the database at `target` for this process. Leaving WAL mode checkpoints the WAL into
 * the main file and needs an exclusive lock, which SQLite grants only when no other
 * connection has the file open: so this fails with a BackupError while the server runs. A
 * shared lock is then held (locking_mode EXCLUSIVE) until the swap, so no process can write
 * meanwhile. Returns a null client when the file cannot be opened as a database at all.
 */
async function lockForRestore(target: string): Promise<{ client: Client } | { client: null; reason: string }> {
  const client = openFile(target);
  try {
    const mode = String((await client.execute('PRAGMA journal_mode')).rows[0]?.[0]).toLowerCase();
    if (mode === 'wal') {
      const changed = String((await client.execute('PRAGMA journal_mode = DELETE')).rows[0]?.[0]).toLowerCase();
      if (changed !== 'delete') throw Object.assign(new Error('still in WAL mode'), { code: 'SQLITE_BUSY' });
    }
    await client.execute('PRAGMA locking_mode = EXCLUSIVE');
    await client.execute('SELECT count(*) FROM sqlite_schema');
    return { client };
  } catch (error) {
    client.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (/BUSY|LOCKED/.test(code)) {
      throw new BackupError(`${target} is in use by another process (the server, or a script): stop it, then run the restore again`);
    }
    return { client: null, reason: firstLine(error) };
  }
}

/**
 * Replaces the database at `target` with the backup at `backup`, after checking the backup.
 * The database in place is kept as `<target>.before-restore-<time>`.
 */
export async function restoreDatabase(backup: string, target: string, options: { now?: Date; migrationsFolder?: string } = {}): Promise<RestoreSummary> {
  const source = resolve(backup);
  const destination = resolve(target);
  if (source === destination) throw new BackupError('the backup and the database are the same file');
  if (!existsSync(source) || !statSync(source).isFile()) throw new BackupError(`there is no backup file at ${backup}`);
  mkdirSync(dirname(destination), { recursive: true });
  // Check a copy beside the target: it is what will be renamed into place, and the backup
  // file itself stays untouched.
  const candidate = temporaryPathBeside(destination, 'restore');
  try {
    copyFileSync(source, candidate);
    const verification = await verifyDatabaseFile(candidate, options.migrationsFolder);
    rmSync(`${candidate}-journal`, { force: true });
    fsyncPath(candidate);

    let previous: string | null = null;
    let previousUnreadable: string | null = null;
    let lock: Client | null = null;
    if (existsSync(destination)) {
      const locked = await lockForRestore(destination);
      lock = locked.client;
      if (!locked.client) previousUnreadable = locked.reason;
      previous = previousPathFor(destination, options.now ?? new Date());
      try {
        linkSync(destination, previous);
      } catch {
        copyFileSync(destination, previous);
        fsyncPath(previous);
      }
      // A -wal left by a crash belongs to the old file (a damaged one could not be
      // checkpointed): it goes with it, for it must never be replayed onto the restored one.
      for (const suffix of ['-wal', '-journal']) {
        if (existsSync(destination + suffix)) renameSync(destination + suffix, previous + suffix);
      }
      rmSync(`${destination}-shm`, { force: true });
    }
    try {
      renameSync(candidate, destination);
      fsyncPath(dirname(destination));
    } finally {
      lock?.close();
    }
    return { ...verification, target: destination, previous, previousUnreadable, bytes: statSync(destination).size };
  } finally {
    removeDatabaseFiles(candidate);
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

/** "1.2 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The rows per table as aligned lines. */
export function formatTables(tables: TableCount[]): string {
  const width = Math.max(...tables.map((t) => t.table.length), 0);
  return tables.map((t) => `  ${t.table.padEnd(width)}  ${t.rows.toLocaleString('en-GB')}`).join('\n');
}
