/**
 * `npm run db:backup -- FILE [--force]`: an online, consistent copy of the embedded database
 * (VACUUM INTO) while the app keeps serving and writing. Refuses to replace FILE unless
 * --force; prints the size and the rows per table. A remote DATABASE_URL exits 2 with a
 * pointer to the server's own backups.
 */
import { BackupError, databaseFilePath } from './backup-target';
import { ConfigError, readDatabaseConfig } from './config';

const USAGE = 'usage: npm run db:backup -- FILE [--force]';

const args = process.argv.slice(2);
const force = args.includes('--force');
const files = args.filter((arg) => arg !== '--force');
if (files.length !== 1 || files[0]!.startsWith('-')) {
  console.error(USAGE);
  process.exit(1);
}

try {
  const source = databaseFilePath(readDatabaseConfig());
  const { backupDatabase, formatBytes, formatTables } = await import('./backup');
  const summary = await backupDatabase(source, files[0]!, { force });
  console.log(`backup written: ${summary.path} (${formatBytes(summary.bytes)}) from ${source}`);
  console.log(formatTables(summary.tables));
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exit(error instanceof BackupError ? error.exitCode : 1);
  }
  throw error;
}
