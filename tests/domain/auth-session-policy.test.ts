/** Session expiry with an injected clock: 30 minutes idle, 12 hours in all, activity written at most once a minute. */
import { describe, expect, it } from 'vitest';
import {
  checkSessionTimes,
  SESSION_ABSOLUTE_TIMEOUT_MS,
  SESSION_ACTIVITY_INTERVAL_MS,
  SESSION_IDLE_TIMEOUT_MS,
} from '../../src/lib/server/auth/session-policy';

const MINUTE = 60_000;
const start = Date.UTC(2026, 0, 15, 8, 0, 0);

describe('checkSessionTimes', () => {
  it('uses the required limits', () => {
    expect(SESSION_IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
    expect(SESSION_ABSOLUTE_TIMEOUT_MS).toBe(12 * 60 * MINUTE);
    expect(SESSION_ACTIVITY_INTERVAL_MS).toBe(MINUTE);
  });

  it('keeps a fresh session without a write', () => {
    const check = checkSessionTimes({ createdAt: start, lastActiveAt: start }, start + 30_000);
    expect(check).toEqual({ state: 'active', refresh: false, expiresAt: start + 30 * MINUTE });
  });

  it('writes activity back once a minute has passed, and moves the idle expiry', () => {
    const now = start + MINUTE;
    expect(checkSessionTimes({ createdAt: start, lastActiveAt: start }, now)).toEqual({ state: 'active', refresh: true, expiresAt: now + 30 * MINUTE });
  });

  it('ends after 30 minutes without a request, not a millisecond before', () => {
    const session = { createdAt: start, lastActiveAt: start + 10 * MINUTE };
    expect(checkSessionTimes(session, start + 40 * MINUTE - 1).state).toBe('active');
    expect(checkSessionTimes(session, start + 40 * MINUTE)).toEqual({ state: 'expired', reason: 'idle' });
  });

  it('ends 12 hours after sign-in however active it is', () => {
    const created = start;
    let lastActiveAt = start;
    // A request every 10 minutes for 12 hours keeps it alive until the absolute limit.
    for (let t = start + 10 * MINUTE; t < start + SESSION_ABSOLUTE_TIMEOUT_MS; t += 10 * MINUTE) {
      const check = checkSessionTimes({ createdAt: created, lastActiveAt }, t);
      expect(check.state).toBe('active');
      lastActiveAt = t;
    }
    expect(checkSessionTimes({ createdAt: created, lastActiveAt }, start + SESSION_ABSOLUTE_TIMEOUT_MS)).toEqual({ state: 'expired', reason: 'absolute' });
  });

  it('never promises an expiry past the absolute limit', () => {
    const now = start + SESSION_ABSOLUTE_TIMEOUT_MS - 5 * MINUTE;
    const check = checkSessionTimes({ createdAt: start, lastActiveAt: now - 2 * MINUTE }, now);
    expect(check).toEqual({ state: 'active', refresh: true, expiresAt: start + SESSION_ABSOLUTE_TIMEOUT_MS });
  });
});
