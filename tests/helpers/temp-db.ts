/** A fresh temp-file libSQL database, migrated in this process (not :memory:, which loses its schema). */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase, type Database } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { TMP_DIR } from './paths';

/** Opens and migrates a new database file under tests/.tmp; returns it with its path. */
export async function createTempDatabase(): Promise<{ db: Database; path: string; url: string }> {
  const path = join(TMP_DIR, `${randomUUID()}.db`);
  const url = `file:${path}`;
  const db = await openDatabase({ url, embedded: true });
  await migrateDatabase(db);
  return { db, path, url };
}
