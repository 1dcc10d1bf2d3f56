/**
 * The app's one database handle. The first request opens, migrates and seeds the
 * database; later requests reuse the same promise.
 */
import type { Database } from '../../../db/client';
import { readDatabaseConfig } from '../../../db/config';
import { prepareDatabase } from '../../../db/setup';

let ready: Promise<Database> | undefined;

/** The prepared database; rejects with a one-line ConfigError when it cannot be reached. */
export function getDb(): Promise<Database> {
  ready ??= prepareDatabase(readDatabaseConfig(), process.env.SEED_ON_START !== 'false').catch((error) => {
    ready = undefined;
    throw error;
  });
  return ready;
}
