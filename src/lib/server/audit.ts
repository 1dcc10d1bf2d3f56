/**
 * The audit log: who did what to which record, when and from where. Rows are only ever
 * appended (migration 0002's triggers refuse UPDATE and DELETE) and chained: each row's
 * `hash` is hex SHA-256 over the previous row's hash followed by the canonical JSON of this
 * row's fields (`id`, `at`, `actorId`, `actorLabel`, `action`, `entityType`, `entityId`,
 * `before`, `after`, `ip`, keys sorted, no whitespace). The first row's previous hash is 64
 * zeros. A row changed or removed behind the app's back breaks the chain at that row or the
 * next one, which `verifyAuditChain` (and `npm run audit:verify`) reports.
 *
 * The hash is over bytes this module controls: the UTF-8 of the canonical JSON, in which
 * every text the row stores is exactly the text written. Control characters and lone
 * surrogates in a top-level text column are written escaped (`\u0000`), since a driver may
 * cut text at a NUL and SQLite stores a lone surrogate as U+FFFD; `before` and `after` are
 * JSON, which escapes them already. Verification reads each text column's stored bytes
 * (`CAST(… AS BLOB)`) and decodes them itself, so it does not depend on how a driver reads
 * text either (older rows written with a raw NUL verify too).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { desc, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../../../db/client';
import { auditLog } from '../../../db/schema';
import { DatabaseBusyError, isDatabaseBusy } from './database-busy';

/** A drizzle transaction on the app's database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** The database or a transaction on it: whatever a write may run on. */
export type Executor = Database | Transaction;

/** Whether an executor is the database itself rather than a transaction on it. */
export function isDatabase(db: Executor): db is Database {
  return '$client' in db;
}

/*
 * Write serialisation. An embedded libSQL client answers synchronously: while one write
 * transaction waits on `await`, a second BEGIN IMMEDIATE on another pooled connection of
 * the same process either fails at once with SQLITE_BUSY or, with a busy timeout, blocks
 * the very event loop the first one needs to finish. So this process runs one write
 * transaction at a time (one queue for every embedded database it has open: normally
 * one). Against other processes and app servers, SQLite's own lock decides; a transaction
 * that finds it taken (SQLITE_BUSY) is retried after a short async pause, never by
 * blocking the event loop, for up to {@link WRITE_RETRY_MS}; then it fails with a
 * DatabaseBusyError (a 503 over HTTP). The server's connections wait only briefly inside
 * SQLite (db/client.ts, `busyTimeoutMs`), because that wait blocks the event loop.
 */
let writeQueue: Promise<void> = Promise.resolve();
const holding = new AsyncLocalStorage<true>();

/** How long a write transaction keeps retrying while another process holds the write lock. */
export const WRITE_RETRY_MS = 5000;

/**
 * Runs `fn` in a write transaction: the caller's own, when given a transaction, else a new
 * one (BEGIN IMMEDIATE) taken in this process's write queue. Every write the app makes
 * outside a caller's transaction should go through here. `fn` may be run again after a
 * rollback, so it should do nothing but database work (no argon2, no fetch). Throws a
 * DatabaseBusyError when another process keeps the write lock past {@link WRITE_RETRY_MS}.
 */
export async function writeTransaction<T>(db: Executor, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  if (!isDatabase(db)) return fn(db);
  if (db.$client.protocol !== 'file') return db.transaction(fn);
  if (holding.getStore()) {
    throw new Error('a write on the database while this request holds a write transaction: pass the transaction (tx) instead of the database');
  }
  const previous = writeQueue;
  let release!: () => void;
  writeQueue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  try {
    const deadline = Date.now() + WRITE_RETRY_MS;
    for (let attempt = 0; ; attempt++) {
      await discardStuckConnections(db.$client);
      try {
        return await holding.run(true, () => db.transaction(fn));
      } catch (error) {
        // The transaction was rolled back (or never began): running it again is safe.
        if (!isDatabaseBusy(error)) throw error;
        stuck.add(db.$client);
        if (Date.now() >= deadline) throw new DatabaseBusyError(WRITE_RETRY_MS, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random())));
      }
    }
  } finally {
    release();
  }
}

/*
 * A statement that fails with SQLITE_BUSY stays active on its connection (SQLite keeps it
 * resumable) and @libsql/client neither resets it nor drops the connection: it goes back
 * into the pool, and every later COMMIT on it fails with "cannot commit transaction - SQL
 * statements in progress" (SQLITE_BUSY again) until the garbage collector happens to
 * finalise the statement. So after a busy failure the client's connections are replaced
 * before the next write. That is done just after a macrotask boundary: every other
 * operation of this process borrows a connection and uses it within one synchronous step
 * (and write transactions are queued here), so none is caught between the two.
 */
const stuck = new WeakSet<Database['$client']>();

async function discardStuckConnections(client: Database['$client']): Promise<void> {
  if (!stuck.has(client)) return;
  await new Promise((resolve) => setImmediate(resolve));
  stuck.delete(client);
  await client.reconnect();
}

/** The previous hash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** The user who acted, or null for the CLI, the system or an anonymous visitor. */
  actorId: string | null;
  /** A readable name for the actor: an e-mail, `cli`, `anonymous`. */
  actorLabel: string;
  /** Dotted verb, e.g. `auth.login.success`, `user.disable`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  /** The record before the change (any JSON value); never a password or its hash. */
  before?: unknown;
  /** The record after the change, or details of the event. */
  after?: unknown;
  ip?: string | null;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** JSON with object keys sorted at every level and `undefined` members left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/** The hash a row must carry, from its previous hash and its own fields. */
export function hashAuditRow(row: Omit<AuditRow, 'hash'>): string {
  const content = canonicalJson({
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
  });
  return encodeHexLowerCase(sha256(new TextEncoder().encode(row.prevHash + content)));
}

/**
 * Appends one row to the audit log, chained to the last one. Pass the caller's write
 * transaction so that the change and its audit row commit together; given the database
 * itself, it opens its own write transaction (see {@link writeTransaction}), which holds the
 * write lock before reading the last hash, so concurrent writers, in this process or
 * another, chain one after the other.
 */
export async function appendAudit(db: Executor, entry: AuditEntry, now: Date = new Date()): Promise<AuditRow> {
  return writeTransaction(db, async (tx) => (await appendAuditBatch(tx, [entry], now))[0]!);
}

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; brokenId: number; reason: string };

const AUDIT_TEXT_COLUMNS = ['at', 'actor_id', 'actor_label', 'action', 'entity_type', 'entity_id', 'before', 'after', 'ip', 'prev_hash', 'hash'] as const;
const utf8 = new TextDecoder('utf-8');

/** A stored text column's bytes, decoded here (null stays null). */
function storedText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof ArrayBuffer) return utf8.decode(new Uint8Array(value));
  if (ArrayBuffer.isView(value)) return utf8.decode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  return String(value);
}

/** One page of audit rows after `afterId`, every text column read from its stored bytes. */
async function readStoredRows(db: Database, afterId: number, limit: number): Promise<AuditRow[]> {
  const columns = AUDIT_TEXT_COLUMNS.map((name) => `CAST(${name} AS BLOB) AS ${name}`).join(', ');
  const result = await db.$client.execute({ sql: `SELECT id, ${columns} FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`, args: [afterId, limit] });
  return result.rows.map((row) => ({
    id: Number(row.id),
    at: storedText(row.at)!,
    actorId: storedText(row.actor_id),
    actorLabel: storedText(row.actor_label)!,
    action: storedText(row.action)!,
    entityType: storedText(row.entity_type)!,
    entityId: storedText(row.entity_id),
    before: storedText(row.before),
    after: storedText(row.after),
    ip: storedText(row.ip),
    prevHash: storedText(row.prev_hash)!,
    hash: storedText(row.hash)!,
  }));
}

/** Walks the whole chain in id order; names the first row whose links or content do not match. */
export async function verifyAuditChain(db: Database, pageSize = 1000): Promise<AuditVerification> {
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const rows = await readStoredRows(db, lastId, pageSize);
    if (rows.length === 0) return { ok: true, rows: count };
    for (const row of rows) {
      if (row.prevHash !== expectedPrev) {
        return { ok: false, rows: count, brokenId: row.id, reason: 'its previous hash does not match the row before it (a row was changed, removed or inserted)' };
      }
      if (hashAuditRow(row) !== row.hash) {
        return { ok: false, rows: count, brokenId: row.id, reason: 'its hash does not match its content (the row was changed)' };
      }
      expectedPrev = row.hash;
      lastId = row.id;
      count += 1;
    }
  }
}

/** C0 and C1 controls, DEL and lone surrogates: written escaped in the log's text columns. */
const UNSTORABLE = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as the audit log stores it: unstorable characters as `\uXXXX`, so that what is stored is what was hashed. */
export function auditText(value: string): string;
export function auditText(value: string | null): string | null;
export function auditText(value: string | null): string | null {
  if (value === null) return null;
  return value.replace(UNSTORABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Audit rows written per INSERT by {@link appendAuditBatch} (12 columns each, well under SQLite's parameter limit). */
const AUDIT_BATCH = 200;

/**
 * Appends many rows at once, chained in the order given, inside the caller's write
 * transaction: the same rows {@link appendAudit} would write one by one, with one read of the
 * last hash and one INSERT per {@link AUDIT_BATCH} rows instead of two statements per row
 * (for bulk writes such as a CSV import).
 */
export async function appendAuditBatch(tx: Transaction, entries: readonly AuditEntry[], now: Date = new Date()): Promise<AuditRow[]> {
  if (entries.length === 0) return [];
  const [last] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = now.toISOString();
  const rows: AuditRow[] = entries.map((entry) => {
    const fields = {
      id: ++id,
      at,
      actorId: auditText(entry.actorId),
      actorLabel: auditText(entry.actorLabel),
      action: auditText(entry.action),
      entityType: auditText(entry.entityType),
      entityId: auditText(entry.entityId ?? null),
      before: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
      after: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
      ip: auditText(entry.ip ?? null),
      prevHash,
    };
    prevHash = hashAuditRow(fields);
    return { ...fields, hash: prevHash };
  });
  for (let i = 0; i < rows.length; i += AUDIT_BATCH) await tx.insert(auditLog).values(rows.slice(i, i + AUDIT_BATCH));
  return rows;
}
