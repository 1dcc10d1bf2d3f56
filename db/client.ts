/** Opens the libSQL database and wraps it in drizzle. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { ConfigError, type DatabaseConfig } from './config';
import * as schema from './schema';
import { installStatementCache } from './statement-cache';

/** How long an embedded connection waits for another process's lock unless the config says otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/**
 * Connections the client keeps to an embedded file (the library's own default). Each call
 * borrows one; a transaction holds one until it ends.
 */
export const EMBEDDED_CONNECTIONS = 20;

/**
 * Settings that SQLite keeps per connection, applied to every connection of the pool (the
 * journal mode is kept in the file itself). Memory-mapped reads let every connection and
 * every worker process share the operating system's cache of the file, instead of each
 * connection warming its own 2 MB page cache: at 1M assessments that halves the database
 * time of a scorecard render (docs/performance). SQLite caps the map at its compile-time
 * limit (2 GB); the rest of a larger file is read as before.
 */
export const CONNECTION_PRAGMAS = ['PRAGMA synchronous = NORMAL', 'PRAGMA foreign_keys = ON', `PRAGMA mmap_size = ${2 ** 31}`] as const;

/**
 * Opens a connection; for an embedded file, creates its folder and sets WAL, foreign keys and a
 * busy timeout (on every pooled connection). `connections` sizes an embedded pool: a bulk loader
 * that changes the journal mode (db/generate) needs to be the file's only connection, so it asks for 1.
 */
export async function openDatabase(config: DatabaseConfig, { connections = EMBEDDED_CONNECTIONS }: { connections?: number } = {}): Promise<Database> {
  if (config.embedded) {
    installStatementCache();
    const path = config.url.replace(/^file:/, '').split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  let client: Client;
  try {
    // `timeout` is the busy timeout of every pooled connection; a PRAGMA would reach only one.
    client = createClient({
      url: config.url,
      authToken: config.authToken,
      ...(config.embedded ? { timeout: config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, concurrency: connections } : {}),
    });
  } catch (error) {
    throw new ConfigError(`DATABASE_URL is not usable (${config.url}): ${firstLine(error)}`);
  }
  try {
    if (config.embedded) {
      // journal_mode answers with a row, so it goes through execute, not a batch of statements.
      await client.execute('PRAGMA journal_mode = WAL');
      await onEveryConnection(client, connections, CONNECTION_PRAGMAS);
    } else {
      await client.execute('PRAGMA foreign_keys = ON');
    }
    await client.execute('SELECT 1');
  } catch (error) {
    client.close();
    throw new ConfigError(`DATABASE_URL cannot be reached (${redact(config.url)}): ${firstLine(error)}`);
  }
  return drizzle({ client, schema }) as Database;
}

/**
 * Runs each statement once on every connection of an embedded client's pool. The pool lends
 * a connection for the length of a call, so calls started together borrow distinct ones and
 * open the pool up to its size; a later connection (the pool replaces one only when it broke)
 * would read correctly, only without these settings.
 */
async function onEveryConnection(client: Client, connections: number, statements: readonly string[]): Promise<void> {
  for (const statement of statements) {
    await Promise.all(Array.from({ length: connections }, () => client.execute(statement)));
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

/** Hides any credentials written into the URL itself. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@').replace(/(authToken|token)=[^&]+/gi, '$1=***');
}
