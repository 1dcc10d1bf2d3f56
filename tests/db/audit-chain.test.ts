/** The audit log: hash chain, append-only triggers, the verifier (and its CLI), concurrent writers. */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { appendAudit, GENESIS_HASH, verifyAuditChain, writeTransaction } from '../../src/lib/server/audit';
import { TMP_DIR } from '../helpers/paths';
import { createTempDatabase } from '../helpers/temp-db';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

async function appendSome(db: Database, n: number) {
  for (let i = 0; i < n; i++) {
    await appendAudit(db, { actorId: null, actorLabel: 'cli', action: 'test.event', entityType: 'thing', entityId: String(i), before: { n: i }, after: { n: i + 1, note: 'ไทย' }, ip: '127.0.0.1' });
  }
}

function verifyCli(url: string) {
  const result = spawnSync(process.execPath, [TSX, 'db/audit-verify-cli.ts'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('appendAudit', () => {
  it('chains rows: first prevHash is 64 zeros, hash = SHA-256(prevHash + canonical JSON of the fields), UTC ISO time', async () => {
    const { db } = await createTempDatabase();
    const row = await appendAudit(db, { actorId: 'u1', actorLabel: 'a@x.example', action: 'user.create', entityType: 'user', entityId: 'u1', after: { roles: ['editor'], email: 'a@x.example' }, ip: '192.0.2.1' }, new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)));
    expect(row.prevHash).toBe(GENESIS_HASH);
    expect(row.at).toBe('2026-01-02T03:04:05.006Z');
    // Objects are stored as canonical JSON (sorted keys).
    expect(row.after).toBe('{"email":"a@x.example","roles":["editor"]}');
    const canonical = JSON.stringify({ action: row.action, actorId: row.actorId, actorLabel: row.actorLabel, after: row.after, at: row.at, before: row.before, entityId: row.entityId, entityType: row.entityType, id: row.id, ip: row.ip });
    expect(row.hash).toBe(createHash('sha256').update(GENESIS_HASH + canonical).digest('hex'));
    const second = await appendAudit(db, { actorId: null, actorLabel: 'cli', action: 'user.disable', entityType: 'user', entityId: 'u1' });
    expect(second.prevHash).toBe(row.hash);
    expect(second.id).toBe(row.id + 1);
    expect(await db.select().from(auditLog)).toEqual([row, second]);
  });

  it('commits or rolls back with the caller’s transaction', async () => {
    const { db } = await createTempDatabase();
    await expect(
      writeTransaction(db, async (tx) => {
        await appendAudit(tx, { actorId: null, actorLabel: 'cli', action: 'x', entityType: 'y' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it('stays one unbroken chain under concurrent writers in this process', async () => {
    const { db, url } = await createTempDatabase();
    const other = await openDatabase({ url, embedded: true });
    await Promise.all(Array.from({ length: 60 }, (_, i) => appendAudit(i % 2 ? db : other, { actorId: null, actorLabel: 'cli', action: 'test.concurrent', entityType: 'n', entityId: String(i) })));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 60 });
    other.$client.close();
  });

  it('stays one unbroken chain with three processes writing at once', async () => {
    const { db, url } = await createTempDatabase();
    const script = join(TMP_DIR, `append-${Date.now()}.mts`);
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(resolve('db/client.ts'))};
import { appendAudit } from ${JSON.stringify(resolve('src/lib/server/audit.ts'))};
const db = await openDatabase({ url: process.argv[2]!, embedded: true });
await Promise.all(Array.from({ length: 25 }, (_, i) => appendAudit(db, { actorId: null, actorLabel: 'proc' + process.pid, action: 'test.process', entityType: 'n', entityId: String(i) })));
db.$client.close();
`,
    );
    const codes = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<{ code: number | null; err: string }>((done) => {
            const child = spawn(process.execPath, [TSX, script, url], { stdio: ['ignore', 'ignore', 'pipe'] });
            let err = '';
            child.stderr.on('data', (c) => (err += c));
            child.on('exit', (code) => done({ code, err }));
          }),
      ),
    );
    expect(codes).toEqual([0, 0, 0].map((code) => ({ code, err: expect.any(String) })));
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 75 });
  }, 60_000);
});

describe('append-only', () => {
  it('the database refuses UPDATE and DELETE on audit_log', async () => {
    const { db } = await createTempDatabase();
    await appendSome(db, 2);
    await expect(db.$client.execute(`UPDATE audit_log SET actor_label = 'someone else' WHERE id = 1`)).rejects.toThrow(/audit_log is append-only/);
    await expect(db.$client.execute('DELETE FROM audit_log WHERE id = 2')).rejects.toThrow(/audit_log is append-only/);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 2 });
  });
});

describe('verifyAuditChain and npm run audit:verify', () => {
  it('report ok with the row count on an intact log', async () => {
    const { db, url } = await createTempDatabase();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 0 });
    await appendSome(db, 5);
    expect(await verifyAuditChain(db, 2)).toEqual({ ok: true, rows: 5 });
    expect(verifyCli(url)).toMatchObject({ status: 0, stdout: expect.stringMatching(/ok: 5 rows$/) });
  });

  it('say in one line, exit 1, when the database has no audit log or the address is wrong', () => {
    const empty = verifyCli(`file:${join(TMP_DIR, `empty-${Date.now()}.db`)}`);
    expect(empty).toMatchObject({ status: 1, stderr: expect.stringMatching(/^error: .*no such table: audit_log .*npm run db:prepare/) });
    expect(empty.stderr.split('\n')).toHaveLength(1);
    expect(verifyCli('nonsense://')).toMatchObject({ status: 1, stderr: expect.stringMatching(/^error: DATABASE_URL must start with/) });
  });

  it('name the row changed behind the app’s back (trigger dropped, row updated)', async () => {
    const { db, url } = await createTempDatabase();
    await appendSome(db, 5);
    await db.run(sql`DROP TRIGGER audit_log_no_update`);
    await db.run(sql`UPDATE audit_log SET after = '{"n":999}' WHERE id = 3`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, rows: 2, brokenId: 3 });
    const cli = verifyCli(url);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/row 3\b/);
  });

  it('name the row after one deleted, or after a row whose hash was recomputed', async () => {
    const { db } = await createTempDatabase();
    await appendSome(db, 5);
    await db.run(sql`DROP TRIGGER audit_log_no_delete`);
    await db.run(sql`DELETE FROM audit_log WHERE id = 2`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenId: 3 });

    const second = await createTempDatabase();
    await appendSome(second.db, 4);
    await second.db.run(sql`DROP TRIGGER audit_log_no_update`);
    // A forger who also recomputes the row's own hash still breaks the link from the next row.
    const [row] = await second.db.select().from(auditLog).where(sql`id = 2`);
    const forged = { ...row!, actorLabel: 'forger' };
    const canonical = JSON.stringify({ action: forged.action, actorId: forged.actorId, actorLabel: forged.actorLabel, after: forged.after, at: forged.at, before: forged.before, entityId: forged.entityId, entityType: forged.entityType, id: forged.id, ip: forged.ip });
    const hash = createHash('sha256').update(forged.prevHash + canonical).digest('hex');
    await second.db.run(sql`UPDATE audit_log SET actor_label = 'forger', hash = ${hash} WHERE id = 2`);
    expect(await verifyAuditChain(second.db)).toMatchObject({ ok: false, brokenId: 3 });
  });
});
