/**
 * `npm run bench:import [-- --rows 5000]`: times the CSV importer in-process on a temp
 * database (seed plus synthetic commitments for THA): preview and apply of `rows` new
 * assessments, the no-edit round trip, and an edit of every one of them. A script, not a
 * test: it prints figures and asserts nothing about time.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { seedDatabase } from '../../db/seed';
import { applyImport, previewImport } from '../../src/lib/server/assessments/csv-import';
import type { Acting } from '../../src/lib/server/assessments/service';
import { exportPartyAssessmentsCsv } from '../../src/lib/server/assessments/spreadsheet';
import { addSyntheticCommitments, editRows, newAssessmentCells, readRecords, writeRecords } from '../helpers/import-fixtures';
import { TMP_DIR } from '../helpers/paths';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '5000' } }, strict: true });
const rows = Number(values.rows);
const editor: Acting = { id: 'bench', email: 'bench@example.org', name: 'Bench', roles: ['editor'], parties: ['tha'] };

mkdirSync(TMP_DIR, { recursive: true });
const path = join(TMP_DIR, `bench-import-${process.pid}.db`);
const db = await openDatabase({ url: `file:${path}`, embedded: true });
try {
  await migrateDatabase(db);
  await seedDatabase(db);
  await addSyntheticCommitments(db, 'bulk', Math.ceil(rows / 2), ['tha']);
  const [header, ...all] = readRecords((await exportPartyAssessmentsCsv(db, 'tha'))!);
  const bulk = all.filter((r) => r[4]!.startsWith('BULK-')).slice(0, rows);
  const filled = editRows(writeRecords([header!, ...bulk]), (_, i) => newAssessmentCells(i));

  const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await fn();
    console.log(`${label.padEnd(42)} ${Math.round(performance.now() - t).toString().padStart(6)} ms`);
    return result;
  };
  console.log(`CSV import, ${rows} rows (${(filled.length / 1e6).toFixed(1)} MB), ${cpus().length} cores, ${cpus()[0]?.model ?? ''}`);
  const preview = await time('preview (parse, check, plan)', () => previewImport(db, editor, filled));
  const applied = await time(`apply: ${rows} new assessments`, () => applyImport(db, editor, filled, { expectedDigest: preview.digest }));
  if (applied.outcome !== 'applied') throw new Error(`apply: ${applied.outcome}`);
  const again = (await exportPartyAssessmentsCsv(db, 'tha'))!;
  const noop = await time('round trip with no edits (apply)', () => applyImport(db, editor, again));
  if (noop.outcome !== 'no_changes') throw new Error(`round trip: ${noop.outcome}`);
  const edited = editRows(again, (row) => (row.commitment!.startsWith('BULK-') ? { status: 'not_started' } : null));
  const updated = await time(`apply: edit of ${rows} drafts`, () => applyImport(db, editor, edited));
  if (updated.outcome !== 'applied') throw new Error(`edit: ${updated.outcome}`);
} finally {
  db.$client.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}
