/**
 * Preloaded into a test server (`NODE_OPTIONS=--import ./tests/helpers/query-log.ts`, with
 * `QUERY_LOG` naming a file): appends the SQL of every statement the embedded libSQL client
 * runs outside a transaction, one line each, so that a test can count what one request reads.
 * Not part of the app: only server tests load it.
 */
import { appendFileSync } from 'node:fs';
import { Sqlite3Client } from '@libsql/client/sqlite3';

const file = process.env.QUERY_LOG;
if (file) {
  const execute = Sqlite3Client.prototype.execute;
  Sqlite3Client.prototype.execute = function (this: Sqlite3Client, ...args: Parameters<typeof execute>) {
    const [statement] = args;
    const sql = typeof statement === 'string' ? statement : statement.sql;
    appendFileSync(file, `${sql.replace(/\s+/g, ' ')}\n`);
    return execute.apply(this, args);
  } as typeof execute;
}
