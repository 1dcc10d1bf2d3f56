/** The in-memory registry of CSV apply progress: ids, ownership, replays, expiry and its size cap. */
import { describe, expect, it } from 'vitest';
import {
  FINISHED_TTL_MS,
  MAX_AGE_MS,
  MAX_ENTRIES,
  finishProgress,
  isProgressId,
  newProgressId,
  readProgress,
  recordProgress,
  startProgress,
} from '../../src/lib/server/assessments/import-progress';

describe('import progress registry', () => {
  it('makes distinct URL-safe ids and accepts only short URL-safe ones', () => {
    const ids = new Set(Array.from({ length: 100 }, newProgressId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(isProgressId(id)).toBe(true);
    for (const bad of [null, undefined, 42, '', 'short', 'x'.repeat(65), 'with space in the middle', 'slash/slash/slash/slash', 'ดัชนีความคืบหน้าของงาน']) expect(isProgressId(bad)).toBe(false);
    expect(startProgress('bad id', 'u1')).toBe(false);
  });

  it('records progress for its owner only, and a replayed id neither resets nor takes it over', () => {
    const id = newProgressId();
    expect(readProgress(id, 'u1')).toBeNull();
    expect(startProgress(id, 'u1')).toBe(true);
    expect(readProgress(id, 'u1')).toEqual({ done: 0, total: 0, phase: 'checking' });
    recordProgress(id, 400, 5_000);
    expect(readProgress(id, 'u1')).toEqual({ done: 400, total: 5_000, phase: 'writing' });
    expect(readProgress(id, 'u2')).toBe('forbidden');
    expect(startProgress(id, 'u2')).toBe(false);
    expect(startProgress(id, 'u1')).toBe(false);
    expect(readProgress(id, 'u1')).toEqual({ done: 400, total: 5_000, phase: 'writing' });
    finishProgress(id, 'failed');
    recordProgress(id, 600, 5_000);
    finishProgress(id, 'done');
    expect(readProgress(id, 'u1')).toEqual({ done: 400, total: 5_000, phase: 'failed' });
  });

  it('forgets an entry a few minutes after its apply ends, and any entry after an hour', () => {
    const start = Date.now();
    const ended = newProgressId();
    const running = newProgressId();
    startProgress(ended, 'u1', start);
    startProgress(running, 'u1', start);
    finishProgress(ended, 'done', start + 1_000);
    expect(readProgress(ended, 'u1', start + 1_000 + FINISHED_TTL_MS)).toMatchObject({ phase: 'done' });
    expect(readProgress(ended, 'u1', start + 1_001 + FINISHED_TTL_MS)).toBeNull();
    expect(readProgress(running, 'u1', start + MAX_AGE_MS)).toMatchObject({ phase: 'checking' });
    expect(readProgress(running, 'u1', start + MAX_AGE_MS + 1)).toBeNull();
  });

  it(`keeps at most ${MAX_ENTRIES} entries, dropping the oldest`, () => {
    const now = Date.now();
    const ids = Array.from({ length: MAX_ENTRIES + 5 }, newProgressId);
    for (const id of ids) expect(startProgress(id, 'u1', now)).toBe(true);
    expect(ids.filter((id) => readProgress(id, 'u1', now) !== null)).toEqual(ids.slice(-MAX_ENTRIES));
  });
});
