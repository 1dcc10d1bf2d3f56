/**
 * The app's one database handle. The first request opens, migrates and seeds the
 * database; later requests reuse the same promise.
 */
import { openDatabase, type Database } from '../../../db/client';
import { ConfigError, readDatabaseConfig, type DatabaseConfig } from '../../../db/config';
import { prepareDatabase } from '../../../db/setup';

/**
 * How long a request's statement waits inside SQLite for another process's write lock.
 * That wait blocks the event loop (every other request with it), so it is short; a write
 * then retries asynchronously (writeTransaction) and, if the lock is still held, gets a 503.
 */
export const SERVER_BUSY_TIMEOUT_MS = 100;

let ready: Promise<Database> | undefined;

/** The prepared database; rejects with a one-line ConfigError when it cannot be reached. */
export function getDb(): Promise<Database> {
  ready ??= open().catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function open(): Promise<Database> {
  const config = readDatabaseConfig();
  // Migrating and seeding may wait the usual while for another process (a second server
  // starting at the same time); the handle that serves requests waits only briefly.
  const prepared = await prepareWithRetry(config);
  if (!config.embedded) return prepared;
  prepared.$client.close();
  return openDatabase({ ...config, busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
}

/**
 * Prepares the database, trying again when it fails: a second worker or server starting at the
 * same moment may be migrating the same file, and SQLite lets only one migration commit. The
 * other's fails whole (one transaction) and finds nothing left to do the next time.
 */
async function prepareWithRetry(config: DatabaseConfig, attempts = 3): Promise<Database> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prepareDatabase(config, process.env.SEED_ON_START !== 'false');
    } catch (error) {
      if (error instanceof ConfigError || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}
