/**
 * kill -9 in the middle of a 20,000-row import: a child process applies the file and is
 * killed (SIGKILL) once it has written thousands of rows inside its one transaction. After
 * that the database passes `PRAGMA integrity_check`, holds none of the import's rows (it
 * was never committed), its audit chain verifies, and it takes writes again.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { assessments } from '../../db/schema';
import { verifyAuditChain } from '../../src/lib/server/audit';
import { applyImport } from '../../src/lib/server/assessments/csv-import';
import { exportPartyAssessmentsCsv } from '../../src/lib/server/assessments/spreadsheet';
import { addSyntheticCommitments, editRows, newAssessmentCells, readRecords, writeRecords, writtenTablesChecksum } from '../helpers/import-fixtures';
import { TMP_DIR } from '../helpers/paths';
import { createTempDatabase } from '../helpers/temp-db';

const ROWS = 20_000;
const KILL_AFTER = 4_000;

describe('kill -9 during a large import', () => {
  it('leaves an intact database with none of the import applied and a valid audit chain', async () => {
    const { db, url } = await createTempDatabase();
    await seedDatabase(db);
    await addSyntheticCommitments(db, 'crash', ROWS / 2, ['tha']);
    const [header, ...rows] = readRecords((await exportPartyAssessmentsCsv(db, 'tha'))!);
    const crashRows = rows.filter((r) => r[4]!.startsWith('CRASH-'));
    expect(crashRows).toHaveLength(ROWS);
    const csvPath = join(TMP_DIR, `crash-${randomUUID()}.csv`);
    writeFileSync(csvPath, editRows(writeRecords([header!, ...crashRows]), (_, i) => newAssessmentCells(i)));
    const before = await writtenTablesChecksum(db);
    const countBefore = await db.$count(assessments);
    db.$client.close();

    // tsx as a loader inside this one process: the tsx CLI would run the script in a grandchild that SIGKILL does not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/import-child.ts', url, csvPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk) => (err += chunk));
    const killedAt = await new Promise<number>((resolvePromise, reject) => {
      child.stdout!.on('data', (chunk) => {
        out += chunk;
        const done = [...out.matchAll(/progress (\d+)\/(\d+)/g)].map((m) => Number(m[1]));
        const last = done.at(-1) ?? 0;
        if (last >= KILL_AFTER && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL');
          resolvePromise(last);
        }
      });
      child.once('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the child ended on its own (code ${code}):\n${out}\n${err}`));
      });
    });
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(killedAt).toBeLessThan(ROWS);
    expect(out).toContain(`progress ${KILL_AFTER}/${ROWS}`);
    expect(out).not.toContain('committed');

    // Reopen, as a restarted server would.
    const reopened = await openDatabase({ url, embedded: true });
    try {
      const integrity = await reopened.$client.execute('PRAGMA integrity_check');
      expect(integrity.rows.map((r) => r[0])).toEqual(['ok']);
      expect(await reopened.$count(assessments)).toBe(countBefore);
      expect(await writtenTablesChecksum(reopened)).toBe(before);
      expect(await verifyAuditChain(reopened)).toMatchObject({ ok: true });
      // And it takes writes again: a small import goes through and chains on.
      const small = editRows(writeRecords([header!, ...crashRows.slice(0, 10)]), (_, i) => newAssessmentCells(i));
      const result = await applyImport(reopened, { id: 'after', email: 'after@mfa.go.th', name: 'After', roles: ['editor', 'analyst'], parties: ['tha'] }, small);
      expect(result).toMatchObject({ outcome: 'applied', written: 10 });
      expect(await verifyAuditChain(reopened)).toMatchObject({ ok: true });
    } finally {
      reopened.$client.close();
    }
  }, 300_000);
});
