/**
 * Progress of the CSV imports this server process is applying, kept in memory so that the
 * import page can poll `/workspace/import/progress?id=…` while its apply form is posted.
 * The preview page puts a random id in the apply form; the apply action records
 * {done, total, phase} under it with the id of the user who posted it, and only that user may
 * read it. An entry is dropped a few minutes after its apply ends (and any entry after an
 * hour), and the registry holds at most {@link MAX_ENTRIES}. Nothing here is persisted or
 * shared between processes: with several app servers a poll must reach the server running
 * the apply (sticky sessions), or it finds nothing; the apply itself does not depend on it.
 */

/** Where an apply is: checking the file again, writing rows, or ended. */
export type ImportPhase = 'checking' | 'writing' | 'done' | 'refused' | 'failed';

/** What a poll answers. */
export interface ImportProgress {
  done: number;
  total: number;
  phase: ImportPhase;
}

interface Entry extends ImportProgress {
  userId: string;
  startedAt: number;
  endedAt: number | null;
}

/** How long an ended apply's progress can still be read. */
export const FINISHED_TTL_MS = 5 * 60 * 1000;
/** How long any entry lives, ended or not (an apply that never ends must not stay forever). */
export const MAX_AGE_MS = 60 * 60 * 1000;
/** The most entries kept; past that the oldest are dropped. */
export const MAX_ENTRIES = 1000;

const entries = new Map<string, Entry>();

/** True for a progress id as the preview page makes them: 16 to 64 URL-safe characters. */
export function isProgressId(id: unknown): id is string {
  return typeof id === 'string' && /^[A-Za-z0-9_-]{16,64}$/.test(id);
}

/** A fresh random progress id (128 bits, base64url). */
export function newProgressId(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64url');
}

function expire(now: number): void {
  for (const [id, entry] of entries) {
    if (now - entry.startedAt > MAX_AGE_MS || (entry.endedAt !== null && now - entry.endedAt > FINISHED_TTL_MS)) entries.delete(id);
  }
}

/**
 * Starts recording under `id` for `userId`; false (and nothing recorded) when the id is
 * malformed or already taken, by anyone: a replayed form does not reset or reveal an entry.
 */
export function startProgress(id: string, userId: string, now = Date.now()): boolean {
  if (!isProgressId(id)) return false;
  expire(now);
  if (entries.has(id)) return false;
  // Map iteration is in insertion order: the oldest go first.
  for (const oldest of entries.keys()) {
    if (entries.size < MAX_ENTRIES) break;
    entries.delete(oldest);
  }
  entries.set(id, { userId, done: 0, total: 0, phase: 'checking', startedAt: now, endedAt: null });
  return true;
}

/** Records `done` of `total` changes written. */
export function recordProgress(id: string, done: number, total: number): void {
  const entry = entries.get(id);
  if (!entry || entry.endedAt !== null) return;
  entry.done = done;
  entry.total = total;
  entry.phase = 'writing';
}

/** Marks the apply under `id` ended, with its final phase; kept {@link FINISHED_TTL_MS} longer. */
export function finishProgress(id: string, phase: Exclude<ImportPhase, 'checking' | 'writing'>, now = Date.now()): void {
  const entry = entries.get(id);
  if (!entry || entry.endedAt !== null) return;
  entry.phase = phase;
  entry.endedAt = now;
}

/** The progress under `id` if `userId` started it; `'forbidden'` if someone else did; null if there is none. */
export function readProgress(id: string, userId: string, now = Date.now()): ImportProgress | 'forbidden' | null {
  expire(now);
  const entry = entries.get(id);
  if (!entry) return null;
  if (entry.userId !== userId) return 'forbidden';
  return { done: entry.done, total: entry.total, phase: entry.phase };
}
