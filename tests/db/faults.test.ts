/**
 * Faults: a writer killed with SIGKILL in the middle of a burst loses no acknowledged write
 * and leaves no half-written one; a database locked by another process gives a typed
 * DatabaseBusyError (never a crash, never a frozen event loop), and the same write goes
 * through once the lock is released. The HTTP side (503 with Retry-After) is in
 * tests/server/database-busy.test.ts.
 */
import { count, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { assessments, auditLog, evidence } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { verifyAuditChain, WRITE_RETRY_MS } from '../../src/lib/server/audit';
import { createAssessment } from '../../src/lib/server/assessments/service';
import { DatabaseBusyError } from '../../src/lib/server/database-busy';
import { spawnTsx, watchAcknowledged } from '../helpers/cli';
import { createTempDatabase } from '../helpers/temp-db';
import { BURST_ACTOR, burstNarrative, burstUrl } from '../helpers/write-burst';

/** Every assessment of the burst `tag` present, with its evidence and its audit row; the ids missing any of them. */
async function checkBurst(db: Database, tag: string, acknowledged: number[]) {
  const rows = await db.select().from(assessments).where(like(assessments.narrativeEn, `Burst ${tag} write number %`));
  const ids = rows.map((r) => r.id);
  const evidenceRows = ids.length ? await db.select().from(evidence).where(inArray(evidence.assessmentId, ids)) : [];
  const auditRows = ids.length ? await db.select().from(auditLog).where(inArray(auditLog.entityId, ids.map(String))) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const incomplete = rows.filter((row) => {
    const n = Number(/number (\d+),/.exec(row.narrativeEn)![1]);
    const own = evidenceRows.filter((e) => e.assessmentId === row.id);
    const audit = auditRows.filter((a) => a.entityType === 'assessment' && a.entityId === String(row.id) && a.action === 'assessment.create');
    return own.length !== 1 || own[0]!.url !== burstUrl(tag, n) || audit.length !== 1;
  });
  return {
    present: ids,
    lost: acknowledged.filter((id) => !byId.has(id)),
    incomplete: incomplete.map((r) => r.id),
    // The acknowledged ids, in order, carry the burst's writes 0, 1, 2, … in order.
    outOfOrder: acknowledged.filter((id, n) => byId.get(id)?.narrativeEn !== burstNarrative(tag, n)),
  };
}

async function integrity(db: Database): Promise<string[]> {
  return (await db.$client.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0]));
}

let url: string;
beforeAll(async () => {
  const temp = await createTempDatabase();
  url = temp.url;
  await seedDatabase(temp.db);
  temp.db.$client.close();
});

/** Each round kills its writer once this many writes are acknowledged. */
const KILL_AFTER = [30, 60];

describe('kill -9 in the middle of a burst of writes', () => {
  it('loses no acknowledged write and half-applies none, twice over', async () => {
    const acknowledgedByRound: number[][] = [];
    for (const [round, killAfter] of KILL_AFTER.entries()) {
      const writer = spawnTsx('tests/helpers/write-burst.ts', [url, '100000', `k${round + 1}`]);
      const acks = watchAcknowledged(writer);
      await acks.waitFor(killAfter);
      writer.kill('SIGKILL');
      const { signal } = await acks.exited;
      expect(signal).toBe('SIGKILL');
      acknowledgedByRound.push([...acks.ids]);
    }

    // Reopen, as the app would after a restart.
    const db = await openDatabase({ url, embedded: true });
    try {
      expect(await integrity(db)).toEqual(['ok']);
      for (const [i, acknowledged] of acknowledgedByRound.entries()) {
        const tag = `k${i + 1}`;
        const result = await checkBurst(db, tag, acknowledged);
        expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER[i]!);
        expect(result.lost).toEqual([]);
        expect(result.incomplete).toEqual([]);
        expect(result.outOfOrder).toEqual([]);
        // At most the one write that committed but was not yet printed when the kill came.
        expect(result.present.length - acknowledged.length).toBeGreaterThanOrEqual(0);
        expect(result.present.length - acknowledged.length).toBeLessThanOrEqual(1);
      }
      const chain = await verifyAuditChain(db);
      expect(chain.ok).toBe(true);
      // Every row of the log is accounted for: the seed writes none, each burst write one.
      const burstTotal = (await db.select({ n: count() }).from(assessments).where(like(assessments.narrativeEn, 'Burst k%'))).at(0)!.n;
      expect(chain.rows).toBe(burstTotal);
    } finally {
      db.$client.close();
    }
  }, 45_000);
});

/** A separate process holding the write lock (BEGIN IMMEDIATE) until told to let go. */
async function holdWriteLock(databaseUrl: string) {
  const holder = spawnTsx('tests/helpers/hold-write-lock.ts', [databaseUrl]);
  let out = '';
  let err = '';
  holder.stderr.on('data', (chunk) => (err += chunk));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('held')) resolve();
    });
    holder.on('exit', (code) => reject(new Error(`lock holder exited (${code}) before taking the lock: ${err}`)));
  });
  return {
    release: () =>
      new Promise<void>((resolve) => {
        holder.on('exit', () => resolve());
        holder.stdin.end('release\n');
      }),
  };
}

const lockedInput = (n: number) =>
  assessmentInputSchema.parse({
    party: 'THA',
    commitment: 'BJS-1',
    status: 'limited',
    assessor: 'self_reported',
    asOf: '2026-02-01',
    narrative: `Written while another process held the lock, attempt ${n}.`,
    evidence: [{ url: `https://www.mfa.go.th/locked/${n}`, title: 'Locked write', publisher: 'Cabinet Secretariat', grade: 'official' }],
  });

describe('a database locked by another process', () => {
  let db: Database;
  beforeAll(async () => {
    // The server's settings: a short wait inside SQLite, then asynchronous retries.
    db = await openDatabase({ url, embedded: true, busyTimeoutMs: 100 });
  });
  afterAll(() => db?.$client.close());

  it('refuses a write with a DatabaseBusyError naming the lock, writes nothing, and keeps the event loop running', async () => {
    const lock = await holdWriteLock(url);
    const before = (await db.select({ n: count() }).from(assessments))[0]!.n;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    let error: unknown;
    try {
      await createAssessment(db, BURST_ACTOR, lockedInput(1));
    } catch (e) {
      error = e;
    } finally {
      clearInterval(ticker);
    }
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect((error as Error).message).toMatch(/locked by another process/);
    expect((error as DatabaseBusyError).code).toBe('DATABASE_BUSY');
    // Timers ran throughout the wait of WRITE_RETRY_MS: the process was not frozen in SQLite's busy wait.
    expect(ticks).toBeGreaterThan(WRITE_RETRY_MS / 20 / 4);
    // Reads still work while the lock is held (WAL), and nothing was written.
    expect((await db.select({ n: count() }).from(assessments))[0]!.n).toBe(before);

    await lock.release();
    const written = await createAssessment(db, BURST_ACTOR, lockedInput(1));
    expect(written.evidence).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.entityId, String(written.id)))).toHaveLength(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 30_000);

  it('goes through once a lock held for less than the retry window is released', async () => {
    const lock = await holdWriteLock(url);
    const pending = createAssessment(db, BURST_ACTOR, lockedInput(2));
    // The write is waiting on the lock; let go of it while the write is still retrying.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await lock.release();
    const written = await pending;
    expect(written.narrativeEn).toBe(lockedInput(2).narrative);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  }, 30_000);
});
