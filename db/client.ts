/** Opens the libSQL database and wraps it in drizzle. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { ConfigError, type DatabaseConfig } from './config';
import * as schema from './schema';

/** How long an embedded connection waits for another process's lock unless the config says otherwise. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export type Database = LibSQLDatabase<typeof schema> & { $client: Client };

/** Opens a connection; for an embedded file, creates its folder and sets WAL, foreign keys and a busy timeout (on every pooled connection). */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.embedded) {
    const path = config.url.replace(/^file:/, '').split('?')[0]!;
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  let client: Client;
  try {
    // `timeout` is the busy timeout of every pooled connection; a PRAGMA would reach only one.
    client = createClient({ url: config.url, authToken: config.authToken, ...(config.embedded ? { timeout: config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS } : {}) });
  } catch (error) {
    throw new ConfigError(`DATABASE_URL is not usable (${config.url}): ${firstLine(error)}`);
  }
  try {
    if (config.embedded) {
      // journal_mode answers with a row, so it goes through execute, not a batch of statements.
      await client.execute('PRAGMA journal_mode = WAL');
      await client.execute('PRAGMA synchronous = NORMAL');
    }
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('SELECT 1');
  } catch (error) {
    client.close();
    throw new ConfigError(`DATABASE_URL cannot be reached (${redact(config.url)}): ${firstLine(error)}`);
  }
  return drizzle({ client, schema }) as Database;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 300);
}

/** Hides any credentials written into the URL itself. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@').replace(/(authToken|token)=[^&]+/gi, '$1=***');
}
