/**
 * `npm run db:backup` and `npm run db:restore`, run as the real CLIs in child processes: a
 * backup taken while another process writes a burst of audited assessments is whole and
 * consistent; a restore into a fresh path reproduces it table by table; a restore over a
 * database keeps the previous one; corrupt, foreign and in-use cases are refused with the
 * target untouched; and audit:verify and db:prepare work on a restored file.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/libsql';
import { BackupError, backupDatabase, databaseFilePath, restoreDatabase } from '../../db/backup';
import { openDatabase, type Database } from '../../db/client';
import { readDatabaseConfig } from '../../db/config';
import * as schema from '../../db/schema';
import { prepareDatabase } from '../../db/setup';
import { seedDatabase } from '../../db/seed';
import { verifyAuditChain } from '../../src/lib/server/audit';
import { runCli, spawnTsx, watchAcknowledged } from '../helpers/cli';
import { TMP_DIR } from '../helpers/paths';
import { dumpTables, type TableDump } from '../helpers/dump-tables';
import { createTempDatabase } from '../helpers/temp-db';
import { burstNarrative, burstUrl } from '../helpers/write-burst';

/** How many migrations this version of the app has (db/migrations/meta/_journal.json). */
const MIGRATIONS: number = JSON.parse(readFileSync('db/migrations/meta/_journal.json', 'utf8')).entries.length;
const backupCli = (file: string, databaseUrl: string) => runCli('db/backup-cli.ts', [file], databaseUrl);
const restoreCli = (file: string, databaseUrl: string) => runCli('db/restore-cli.ts', [file], databaseUrl);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const run = (path: string) => `file:${path}`;
const uniquePath = (label: string) => join(TMP_DIR, `${label}-${process.pid}-${Math.random().toString(36).slice(2)}.db`);

let source: { db: Database; path: string; url: string };
let backupPath: string;
/** Ids acknowledged before the backup started, and by the time it had finished. */
let ackedBefore: number[];
let ackedAfter: number[];
let finalIds: number[];
let backupOutput: string;

beforeAll(async () => {
  source = await createTempDatabase();
  await seedDatabase(source.db);
  source.db.$client.close();
  backupPath = uniquePath('backup');

  // A separate process writes audited assessments without pause; the backup runs in the middle.
  const writer = spawnTsx('tests/helpers/write-burst.ts', [source.url, '100000', 'b']);
  const acks = watchAcknowledged(writer);
  await acks.waitFor(20);
  ackedBefore = [...acks.ids];
  const backup = await backupCli(backupPath, source.url);
  ackedAfter = [...acks.ids];
  expect(backup.stderr).toBe('');
  expect(backup.status).toBe(0);
  backupOutput = backup.stdout;
  // Writes went on after the backup: it was taken under load, not after it.
  await acks.waitFor(ackedAfter.length + 20);
  writer.kill('SIGTERM');
  await acks.exited;
  finalIds = [...acks.ids];
}, 60_000);

describe('npm run db:backup under writes', () => {
  let backup: Client;
  beforeAll(() => {
    backup = createClient({ url: run(backupPath) });
  });
  afterAll(() => backup?.close());

  it('passes integrity_check, and its audit chain verifies', async () => {
    expect((await backup.execute('PRAGMA integrity_check')).rows.map((r) => r[0])).toEqual(['ok']);
    const chain = await verifyAuditChain(drizzle({ client: backup, schema }) as Database);
    expect(chain).toEqual({ ok: true, rows: expect.any(Number) });
    expect(chain.ok && chain.rows).toBeGreaterThanOrEqual(ackedBefore.length);
  });

  it('holds a consistent prefix of the writes: each with its evidence and audit row, everything acknowledged before it began', async () => {
    const rows = (await backup.execute(`SELECT id, narrative_en FROM assessments WHERE narrative_en LIKE 'Burst b write number %' ORDER BY id`)).rows;
    const ids = rows.map((r) => Number(r.id));
    // A prefix of the writer's sequence: writes 0 … n-1, in order, nothing skipped.
    expect(rows.map((r) => r.narrative_en)).toEqual(ids.map((_, n) => burstNarrative('b', n)));
    expect(ids).toEqual(finalIds.slice(0, ids.length));
    expect(ids.length).toBeGreaterThanOrEqual(ackedBefore.length);
    expect(ids.length).toBeLessThanOrEqual(ackedAfter.length + 1);
    expect(ids.length).toBeLessThan(finalIds.length);
    for (const [n, id] of ids.entries()) {
      const ev = await backup.execute({ sql: 'SELECT url FROM evidence WHERE assessment_id = ?', args: [id] });
      expect(ev.rows.map((r) => r.url)).toEqual([burstUrl('b', n)]);
    }
    const audited = await backup.execute(`SELECT entity_id FROM audit_log WHERE action = 'assessment.create' ORDER BY id`);
    expect(audited.rows.map((r) => Number(r.entity_id))).toEqual(ids);
  });

  it('printed its size and the rows per table of the copy it wrote', async () => {
    expect(backupOutput).toMatch(/^backup written: .+ \(\d+(\.\d)? (KB|MB)\) from /);
    const copy = await dumpTables(backupPath);
    for (const table of ['assessments', 'evidence', 'audit_log', 'parties']) {
      const printed = new RegExp(`^ {2}${table} +([\\d,]+)$`, 'm').exec(backupOutput)?.[1];
      expect(Number(printed?.replaceAll(',', ''))).toBe(copy[table]!.length);
    }
  });

  it('refuses to overwrite a file without --force, and replaces it with', async () => {
    const before = sha256(backupPath);
    await expect(backupDatabase(source.path, backupPath)).rejects.toThrow(/already exists.*--force/);
    expect(sha256(backupPath)).toBe(before);
    await backupDatabase(source.path, backupPath, { force: true });
    // The forced backup, taken after the writer stopped, holds every acknowledged write (and
    // perhaps the one that committed just before SIGTERM, unprinted).
    const now = await dumpTables(backupPath);
    const burst = (now.assessments as { narrative_en: string }[]).filter((r) => r.narrative_en.startsWith('Burst b '));
    expect(burst.length - finalIds.length).toBeGreaterThanOrEqual(0);
    expect(burst.length - finalIds.length).toBeLessThanOrEqual(1);
    const leftovers = readdirSync(dirname(backupPath)).filter((f) => f.startsWith(`.${basename(backupPath)}`));
    expect(leftovers).toEqual([]);
  });
});

describe('npm run db:restore', () => {
  it('restores into a fresh path with the same contents, which the app then migrates and seeds without a change', async () => {
    const fresh = uniquePath('restored');
    const expected = await dumpTables(backupPath);
    const restore = await restoreCli(backupPath, run(fresh));
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toMatch(new RegExp(`backup checked: integrity ok, ${MIGRATIONS} of ${MIGRATIONS} migrations, audit chain intact \\(\\d+ rows\\)`));
    expect(restore.stdout).not.toMatch(/previous database kept/);
    expect(await dumpTables(fresh)).toEqual(expected);

    // What `npm run db:prepare` and `npm run audit:verify` do (the README runs the commands
    // themselves): migrating and seeding the restored file changes none of its rows.
    const prepared = await prepareDatabase({ url: run(fresh), embedded: true });
    try {
      expect(await verifyAuditChain(prepared)).toEqual({ ok: true, rows: (expected.audit_log as unknown[]).length });
    } finally {
      prepared.$client.close();
    }
    expect(await dumpTables(fresh)).toEqual(expected);
  }, 40_000);

  it('replaces a database in place atomically and keeps the previous one beside it', async () => {
    // The database in place is one the app made and left (WAL mode), as after stopping the
    // server; it is read from another process, so that this one holds no connection to it.
    const path = uniquePath('in-place');
    const target = { path, url: run(path) };
    expect(await runCli('db/prepare-cli.ts', [], target.url)).toMatchObject({ status: 0 });
    const dumped = await runCli('tests/helpers/dump-tables.ts', [path], target.url);
    const before = JSON.parse(dumped.stdout) as TableDump;
    expect(before).not.toEqual(await dumpTables(backupPath));
    const restore = await restoreCli(backupPath, target.url);
    expect(restore.status).toBe(0);
    const kept = /previous database kept as (.+)$/m.exec(restore.stdout)?.[1];
    expect(kept).toMatch(new RegExp(`^${target.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.before-restore-\\d{8}T\\d{6}Z$`));
    expect(await dumpTables(kept!)).toEqual(before);
    expect(await dumpTables(target.path)).toEqual(await dumpTables(backupPath));
    for (const suffix of ['-wal', '-shm', '-journal']) expect(existsSync(target.path + suffix)).toBe(false);
  }, 30_000);

  describe('refusals leave the database in place untouched', () => {
    let target: { path: string; url: string };
    let hash: string;
    beforeAll(() => {
      // A backup is a single file in rollback-journal mode: as a database in place, its bytes are stable.
      const path = uniquePath('target');
      copyFileSync(backupPath, path);
      target = { path, url: run(path) };
      hash = sha256(target.path);
    });

    /** The same bytes, no previous copy made, no temporary file left. */
    const untouched = () => {
      expect(sha256(target.path)).toBe(hash);
      const siblings = readdirSync(dirname(target.path)).filter((f) => f.startsWith(basename(target.path)) || f.startsWith(`.${basename(target.path)}`));
      expect(siblings).toEqual([basename(target.path)]);
    };
    const refusal = (file: string) => restoreDatabase(file, target.path).then(() => null, (error: unknown) => error as BackupError);

    it('a truncated backup', async () => {
      const truncated = uniquePath('truncated');
      copyFileSync(backupPath, truncated);
      truncateSync(truncated, Math.floor(readFileSync(backupPath).length / 2));
      const error = await refusal(truncated);
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toMatch(/the backup is damaged/);
      untouched();
    });

    it('a file that is not a database', async () => {
      const text = uniquePath('not-a-db');
      writeFileSync(text, 'id,name\n1,not a database\n'.repeat(200));
      const error = await refusal(text);
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toMatch(/is not a SQLite database/);
      untouched();
    });

    it('a backup whose audit log was altered', async () => {
      const forged = uniquePath('forged');
      copyFileSync(backupPath, forged);
      const client = createClient({ url: run(forged) });
      await client.execute('DROP TRIGGER audit_log_no_update');
      await client.execute(`UPDATE audit_log SET actor_label = 'someone else' WHERE id = 2`);
      // Put the trigger back as the migration wrote it, so only the chain gives the forgery away.
      await client.execute("CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`\nBEGIN\n  SELECT RAISE(ABORT, 'audit_log is append-only');\nEND");
      client.close();
      const error = await refusal(forged);
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toMatch(/audit log is broken at row 2/);
      untouched();
    });

    it('a backup whose append-only triggers were dropped (issue 10, item 14)', async () => {
      const stripped = uniquePath('stripped');
      copyFileSync(backupPath, stripped);
      const client = createClient({ url: run(stripped) });
      await client.execute('DROP TRIGGER audit_log_no_delete');
      client.close();
      const error = await refusal(stripped);
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toBe("the backup's schema is not the one its migrations make: trigger audit_log_no_delete is missing");
      untouched();
    });

    it('a backup made by a newer version of the app (an unknown migration)', async () => {
      const newer = uniquePath('newer');
      copyFileSync(backupPath, newer);
      const client = createClient({ url: run(newer) });
      await client.execute(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('f00d', 99999999999999)`);
      client.close();
      const error = await refusal(newer);
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toMatch(`has ${MIGRATIONS + 1} migrations and this version of the app knows ${MIGRATIONS}`);
      untouched();
    });

    it('while another process has the database open', async () => {
      // The server's own connection settings, in this process (SQLite's locks count across connections alike).
      const holder = await openDatabase({ url: target.url, embedded: true });
      try {
        await holder.$client.execute('SELECT count(*) FROM parties');
        const error = await refusal(backupPath);
        expect(error).toBeInstanceOf(BackupError);
        expect(error!.message).toMatch(/is in use by another process .*stop it/);
        // Opening it switched it to WAL; the rows are what they were.
        const siblings = readdirSync(dirname(target.path)).filter((f) => f.startsWith(basename(target.path)));
        expect(siblings.filter((f) => f.includes('before-restore') || f.endsWith('.tmp'))).toEqual([]);
      } finally {
        holder.$client.close();
      }
      expect(await dumpTables(target.path)).toEqual(await dumpTables(backupPath));
    });
  });

  it('exits 2 with one line for a remote DATABASE_URL, for backup and restore alike', async () => {
    const result = await restoreCli(backupPath, 'libsql://monitor-example.turso.io');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/remote libSQL server.*point-in-time/);
    // The backup command asks the same function for the file.
    for (const url of ['https://sqld.example.org', 'wss://sqld.example.org']) {
      expect(() => databaseFilePath(readDatabaseConfig({ DATABASE_URL: url }))).toThrow(expect.objectContaining({ exitCode: 2 }));
    }
    expect(databaseFilePath(readDatabaseConfig({}))).toBe(resolve('.data/monitor.db'));
  });
});
