/**
 * A child process for the crash test: applies a CSV file to a database and reports its
 * progress on stdout (`progress DONE/TOTAL`, then `committed …`), so that the parent can
 * kill -9 it in the middle of the import's transaction.
 * Usage: node --import tsx tests/helpers/import-child.ts DATABASE_URL CSV_PATH
 */
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../db/client';
import { applyImport } from '../../src/lib/server/assessments/csv-import';

const [url, csvPath] = process.argv.slice(2);
const db = await openDatabase({ url: url!, embedded: true });
const text = readFileSync(csvPath!, 'utf8');
process.stdout.write('started\n');
const result = await applyImport(db, { id: 'crash-editor', email: 'crash@mfa.go.th', name: 'Crash', roles: ['editor', 'analyst'], parties: ['tha'] }, text, {
  onProgress: (done, total) => process.stdout.write(`progress ${done}/${total}\n`),
});
process.stdout.write(`committed ${result.outcome}\n`);
db.$client.close();
