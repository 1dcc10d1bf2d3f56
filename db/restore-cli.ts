/**
 * `npm run db:restore -- FILE`: replaces the embedded database with a backup. The backup is
 * checked first (integrity_check, migrations, audit chain); the restore refuses while another
 * process (the server) has the database open; the database in place is kept as
 * `<name>.before-restore-<UTC time>`. A remote DATABASE_URL exits 2 with a pointer to the
 * server's own restore.
 */
import { BackupError, databaseFilePath } from './backup-target';
import { ConfigError, readDatabaseConfig } from './config';

const USAGE = 'usage: npm run db:restore -- FILE   (stop the server first)';

const files = process.argv.slice(2);
if (files.length !== 1 || files[0]!.startsWith('-')) {
  console.error(USAGE);
  process.exit(1);
}

try {
  const target = databaseFilePath(readDatabaseConfig());
  const { formatBytes, formatTables, restoreDatabase } = await import('./backup');
  const summary = await restoreDatabase(files[0]!, target);
  console.log(`backup checked: integrity ok, ${summary.migrations.applied} of ${summary.migrations.known} migrations, audit chain intact (${summary.auditRows} rows)`);
  if (summary.previousUnreadable) console.log(`note: the database in place could not be opened (${summary.previousUnreadable}); it was kept, unchecked`);
  if (summary.previous) console.log(`previous database kept as ${summary.previous}`);
  console.log(`restored: ${summary.target} (${formatBytes(summary.bytes)})`);
  console.log(formatTables(summary.tables));
  if (summary.migrations.applied < summary.migrations.known) {
    console.log(`the app applies the ${summary.migrations.known - summary.migrations.applied} newer migrations on its next start (or run npm run db:prepare)`);
  }
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exit(error instanceof BackupError ? error.exitCode : 1);
  }
  throw error;
}
