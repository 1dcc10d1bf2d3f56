/**
 * Reference data (parties, instruments, commitments, participations, indicators) and the
 * translations of seeded data kept in memory per process and per database, valid while the
 * `world` data version and the day are unchanged: the same stamp the page cache keeps pages
 * with. Triggers bump `world` in the transaction that changes any of those tables (migrations
 * 0004 and 0017), in whatever process writes, so a reader that finds a different version drops
 * everything it held and reads again: the first request after a change is exact, and the
 * others skip queries that cost a scorecard render most of its time at 1M assessments (docs:
 * Performance).
 *
 * Only what depends on reference data alone belongs here: never assessments, measures or
 * domestic steps (no `world` trigger covers them). Memoised values are shared between
 * requests, so callers must not change them (copy before sorting).
 *
 * One request reads the `world` version once at most: the middleware runs each request in
 * `withRequestVersions`, handing over the versions it read for the page's ETag and cache stamp
 * (which include `world`); every memo opened in that request (the translations, the
 * scorecard's reference data) uses them, or the first one reads `world` for all the others.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database } from '../../../db/client';
import { todayIso } from '../../domain/dates';
import { readDataVersions } from './queries/data-version';

/** How many values one database's memo holds before it starts again (a few per party and day asked for). */
const MEMO_ENTRIES = 4096;

interface Memo {
  stamp: string;
  /** The day and the `world` counter of the stamp, to tell an older request from a newer memo. */
  today: string;
  world: number;
  values: Map<string, Promise<unknown>>;
}

const memos = new WeakMap<Database, Memo>();

/** The `world` version one request reads, once: already read by the middleware, or on first use. */
interface RequestVersions {
  db: Database;
  world: Promise<string> | null;
}

const requests = new AsyncLocalStorage<RequestVersions>();

/** `world=N` out of a `readDataVersions` answer that includes it, or null. */
export function worldVersionOf(versions: string | null): string | null {
  return /(?:^|\|)(world=\d+)(?:\||$)/.exec(versions ?? '')?.[1] ?? null;
}

/**
 * Runs one request's `handle` so that every memo of `db` opened in it shares one read of the
 * `world` version: `versions` when the request has read them already with `world` among them
 * (`world=N|party:tha=M`, from readDataVersions), else the first memo opened reads it.
 * The versions must have been read before anything this request renders from the memo.
 */
export function withRequestVersions<T>(db: Database, versions: string | null, handle: () => T): T {
  const world = worldVersionOf(versions);
  // A rewrite (the /th prefix) runs the middleware again inside the same request: it keeps the first pass's.
  if (world === null && requests.getStore()?.db === db) return handle();
  return requests.run({ db, world: world === null ? null : Promise.resolve(world) }, handle);
}

/** The current `world` version: the request's, read once, or one read of its own outside a request. */
function readWorldVersion(db: Database): Promise<string> {
  const request = requests.getStore();
  if (request?.db !== db) return readDataVersions(db, ['world']);
  if (request.world === null) {
    const world = readDataVersions(db, ['world']);
    request.world = world;
    // A failed read is not kept: the next memo opened in this request tries again.
    world.catch(() => request.world === world && (request.world = null));
  }
  return request.world;
}

/** Memoised reads for one request: `remember(key, read)` runs `read` once per stamp. */
export interface ReferenceMemo {
  remember<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/**
 * The reference memo of `db` for the current `world` version and day (one indexed query, none
 * when the request has read the version already). Only for the app's database handle outside
 * a transaction: a transaction may see rows not yet committed.
 */
export async function openReferenceMemo(db: Database, today: string = todayIso()): Promise<ReferenceMemo> {
  const version = await readWorldVersion(db);
  const stamp = `${today}|${version}`;
  const world = Number(version.slice(version.indexOf('=') + 1));
  let memo = memos.get(db);
  // A request that read its version before another one moved the memo on is served the newer
  // memo (read after its version, so at least as new): it does not throw the newer one away.
  const newer = memo !== undefined && memo.today === today && memo.world > world;
  if (!memo || (memo.stamp !== stamp && !newer)) {
    memo = { stamp, today, world, values: new Map() };
    memos.set(db, memo);
  }
  const held = memo;
  return {
    remember<T>(key: string, read: () => Promise<T>): Promise<T> {
      const found = held.values.get(key);
      if (found) return found as Promise<T>;
      if (held.values.size >= MEMO_ENTRIES) held.values.clear();
      const value = read();
      held.values.set(key, value);
      // A failed read is not kept: the next request tries again.
      value.catch(() => held.values.get(key) === value && held.values.delete(key));
      return value;
    },
  };
}
