/**
 * `npm run audit:verify`: walks the audit log's hash chain. Prints `ok: N rows`, or names the
 * first broken row and exits 1.
 */
import { verifyAuditChain } from '../src/lib/server/audit';
import { openDatabase } from './client';
import { readDatabaseConfig } from './config';
import { runReadOnlyCommand } from './read-only-cli';

await runReadOnlyCommand(
  // One connection: the chain is read row by row, one statement at a time.
  () => openDatabase(readDatabaseConfig(), { connections: 1 }),
  async (db) => {
    const result = await verifyAuditChain(db);
    if (result.ok) {
      console.log(`ok: ${result.rows} rows`);
    } else {
      console.error(`broken: audit_log row ${result.brokenId}: ${result.reason} (${result.rows} rows before it are intact)`);
      process.exitCode = 1;
    }
  },
);
