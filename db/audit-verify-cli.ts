/**
 * `npm run audit:verify`: walks the audit log's hash chain. Prints `ok: N rows`, or names the
 * first broken row and exits 1.
 */
import { verifyAuditChain } from '../src/lib/server/audit';
import { openDatabase } from './client';
import { ConfigError, readDatabaseConfig } from './config';

try {
  const db = await openDatabase(readDatabaseConfig());
  try {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      console.log(`ok: ${result.rows} rows`);
    } else {
      console.error(`broken: audit_log row ${result.brokenId}: ${result.reason} (${result.rows} rows before it are intact)`);
      process.exitCode = 1;
    }
  } finally {
    db.$client.close();
  }
} catch (error) {
  if (error instanceof ConfigError || (error instanceof Error && /no such table/.test(error.message))) {
    console.error(`error: ${error.message.split('\n')[0]}`);
    process.exit(1);
  }
  throw error;
}
