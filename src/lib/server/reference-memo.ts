/**
 * Reference data (parties, instruments, commitments, participations, indicators) kept in
 * memory per process and per database, valid while the `world` data version and the day are
 * unchanged: the same stamp the page cache keeps pages with. Triggers bump `world` in the
 * transaction that changes any of those tables (migration 0004), in whatever process writes,
 * so a reader that finds a different version drops everything it held and reads again: the
 * first request after a change is exact, and the others skip queries that cost a scorecard
 * render most of its time at 1M assessments (docs: Performance).
 *
 * Only what depends on reference data alone belongs here: never assessments, measures or
 * domestic steps (no `world` trigger covers them). Memoised values are shared between
 * requests, so callers must not change them (copy before sorting).
 */
import type { Database } from '../../../db/client';
import { todayIso } from '../../domain/dates';
import { readDataVersions } from './queries/data-version';

/** How many values one database's memo holds before it starts again (a few per party and day asked for). */
const MEMO_ENTRIES = 4096;

interface Memo {
  stamp: string;
  values: Map<string, Promise<unknown>>;
}

const memos = new WeakMap<Database, Memo>();

/** Memoised reads for one request: `remember(key, read)` runs `read` once per stamp. */
export interface ReferenceMemo {
  remember<T>(key: string, read: () => Promise<T>): Promise<T>;
}

/**
 * The reference memo of `db` for the current `world` version and day (one indexed query).
 * Only for the app's database handle outside a transaction: a transaction may see rows not
 * yet committed.
 */
export async function openReferenceMemo(db: Database, today: string = todayIso()): Promise<ReferenceMemo> {
  const stamp = `${today}|${await readDataVersions(db, ['world'])}`;
  let memo = memos.get(db);
  if (!memo || memo.stamp !== stamp) {
    memo = { stamp, values: new Map() };
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
