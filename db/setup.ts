/** Opens, migrates and seeds the database in one step: what the app does on start. */
import { openDatabase, type Database } from './client';
import { readDatabaseConfig, type DatabaseConfig } from './config';
import { migrateDatabase } from './migrate';
import { seedDatabase } from './seed';
import { writeTransaction } from '../src/lib/server/audit';
import { refreshPartyScores } from '../src/lib/server/derived-data';

/**
 * Opens the configured database and brings it up to date; seeding is skipped when `seed` is
 * false. `connections` sizes an embedded pool as in openDatabase (the app's default when left out).
 */
export async function prepareDatabase(config: DatabaseConfig = readDatabaseConfig(), seed = true, { connections }: { connections?: number } = {}): Promise<Database> {
  const db = await openDatabase(config, { connections });
  await migrateDatabase(db);
  if (seed) await seedDatabase(db);
  // Parties without cached scores (a new migration, a writer that did not score them) are scored now.
  await writeTransaction(db, (tx) => refreshPartyScores(tx));
  return db;
}
