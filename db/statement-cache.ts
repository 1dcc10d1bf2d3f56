/**
 * Prepared statements kept per embedded connection.
 *
 * The embedded libSQL client prepares every statement it runs again, each time (SQLite parses
 * and plans the text, then throws the plan away after one run). A scorecard render runs about
 * ten statements, the same texts on every render: preparing them was 0.8 ms of its 10 ms of
 * CPU at 1M assessments (content/docs/performance.md, "Session 10"). Here each connection
 * keeps the statements it prepared, by their text, up to {@link STATEMENTS_PER_CONNECTION}
 * (least recently used dropped first), and hands the same prepared statement back for the
 * same text.
 *
 * Why this is safe with the client as it is used: the client runs a statement to its end
 * (`all` or `run`) inside one synchronous call before it gives the connection back, so no two
 * runs of one statement ever interleave; SQLite resets a statement before it binds it again,
 * and prepares it again by itself when the schema changed since (a migration); a statement
 * that failed (a constraint, a busy database) is reset on its next run like any other.
 *
 * One thing SQLite's re-preparing does not bring along is the driver's list of result column
 * names, read once at prepare time: a kept `SELECT *` would name the columns of the table as
 * it was. So a text that selects or returns `*` is never kept (the app lists its columns:
 * drizzle always does), and a schema change made through this process (CREATE, ALTER, DROP:
 * migrations) drops every kept statement. tests/db/statement-cache.test.ts holds each of these.
 *
 * It works by replacing `prepare` on the `libsql` driver's Database class (the package the
 * client itself loads: the same module, listed in package.json at the client's version). It
 * is installed once per process by db/client.ts for embedded databases; remote databases
 * (sqld, Turso) keep statements on the server side and never reach it.
 */
import Libsql from 'libsql';

/** Statements kept per connection; the scorecard needs about ten, the whole site a few dozen. */
export const STATEMENTS_PER_CONNECTION = 200;

type Statement = ReturnType<Libsql.Database['prepare']>;
type Prepare = (this: Libsql.Database, sql: string) => Statement;

const INSTALLED = Symbol.for('bangkok-monitor.statement-cache');
const caches = new WeakMap<object, Map<string, Statement>>();
/** Bumped by every schema change made through this process: older caches are dropped on use. */
let schemaGeneration = 0;
const generationOf = new WeakMap<Map<string, Statement>, number>();

/** A result made of `*` (all columns of a table as it is when prepared): `SELECT *`, `t.*`, `RETURNING *`. */
const STAR_COLUMNS = /(?:\bselect(?:\s+distinct|\s+all)?|\breturning|,)\s*(?:["`\w]+\s*\.\s*)?\*/i;
/** Statements that change the schema. */
const SCHEMA_CHANGE = /^\s*(?:create|alter|drop)\b/i;

/** Statements handed back from a cache, and prepared anew (for tests and benchmarks). */
export const statementCacheCounts = { hits: 0, misses: 0 };

/** Makes every libsql connection of this process keep its prepared statements. Idempotent. */
export function installStatementCache(): void {
  const proto = Libsql.prototype as unknown as Record<symbol | string, unknown>;
  if (proto[INSTALLED]) return;
  const prepare = proto.prepare as Prepare;
  proto.prepare = function cachedPrepare(this: Libsql.Database, sql: string): Statement {
    let cache = caches.get(this);
    if (cache && generationOf.get(cache) === schemaGeneration) {
      // A kept text passed the tests below when it was kept: look it up before testing anything.
      const kept = cache.get(sql);
      if (kept) {
        // Most recently used last, so the first key is the one to drop.
        cache.delete(sql);
        cache.set(sql, kept);
        statementCacheCounts.hits += 1;
        return kept;
      }
    }
    if (SCHEMA_CHANGE.test(sql)) {
      schemaGeneration += 1;
      return prepare.call(this, sql);
    }
    if (STAR_COLUMNS.test(sql)) return prepare.call(this, sql);
    if (!cache || generationOf.get(cache) !== schemaGeneration) {
      caches.set(this, (cache = new Map()));
      generationOf.set(cache, schemaGeneration);
    }
    const statement = prepare.call(this, sql);
    statementCacheCounts.misses += 1;
    cache.set(sql, statement);
    if (cache.size > STATEMENTS_PER_CONNECTION) cache.delete(cache.keys().next().value!);
    return statement;
  };
  proto[INSTALLED] = true;
}
