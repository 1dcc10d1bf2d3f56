/** Applies the committed migrations in db/migrations to a database. */
import { resolve } from 'node:path';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';

/**
 * The folder of committed migrations. Resolved from the working directory (the project root
 * for every npm script), not from this file: in the built server this module lives in dist/.
 */
export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'db/migrations');

/** Brings the database schema up to date; a no-op when it already is. */
export async function migrateDatabase(db: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  // foreign_keys must be off while SQLite rebuilds tables in a migration; it is turned back on after.
  await db.$client.execute('PRAGMA foreign_keys = OFF');
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await db.$client.execute('PRAGMA foreign_keys = ON');
  }
}
