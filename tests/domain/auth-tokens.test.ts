/** Session and API token secrets: sizes, format, hashing and the constant-time check. */
import { describe, expect, it, vi } from 'vitest';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { checkSecret, generateSecureRandomString, generateToken, hashSecret, parseToken, TOKEN_PART_BYTES } from '../../src/lib/server/auth/tokens';

// The comparison goes through @oslojs/crypto's constantTimeEqual: spy on it, keeping its behaviour.
vi.mock('@oslojs/crypto/subtle', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@oslojs/crypto/subtle')>();
  return { ...actual, constantTimeEqual: vi.fn(actual.constantTimeEqual) };
});

describe('generateToken', () => {
  it('makes id.secret with two independent lower-case base32 parts of at least 120 random bits', () => {
    const { id, secret, token } = generateToken();
    expect(token).toBe(`${id}.${secret}`);
    for (const part of [id, secret]) {
      expect(part).toMatch(/^[a-z2-7]+$/);
      const bits = decodeBase32IgnorePadding(part.toUpperCase()).length * 8;
      expect(bits).toBe(TOKEN_PART_BYTES * 8);
      expect(bits).toBeGreaterThanOrEqual(120);
    }
    expect(id).not.toBe(secret);
  });

  it('never repeats itself in 10,000 draws', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(generateSecureRandomString());
    expect(seen.size).toBe(10_000);
  });

  it('is round-tripped by parseToken, which refuses anything else', () => {
    const { id, secret, token } = generateToken();
    expect(parseToken(token)).toEqual({ id, secret });
    for (const bad of [null, undefined, '', id, `${id}.`, `.${secret}`, `${id}.${secret}.x`, `${id.toUpperCase()}.${secret}`, `${id}.${secret}x`, 'a'.repeat(200)]) {
      expect(parseToken(bad)).toBeNull();
    }
  });
});

describe('hashSecret and checkSecret', () => {
  it('store the hex SHA-256 of the secret, never the secret', () => {
    const { secret } = generateToken();
    const hash = hashSecret(secret);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(secret);
    // A known vector: SHA-256("abc").
    expect(hashSecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('accept the right secret and refuse a wrong one, a truncated hash or a malformed hash', () => {
    const { secret } = generateToken();
    const hash = hashSecret(secret);
    expect(checkSecret(secret, hash)).toBe(true);
    expect(checkSecret(generateToken().secret, hash)).toBe(false);
    expect(checkSecret(secret, hash.slice(0, 62))).toBe(false);
    expect(checkSecret(secret, 'zz'.repeat(32))).toBe(false);
    expect(checkSecret(secret, '')).toBe(false);
  });

  it('compare the hashes with constantTimeEqual, over the whole 32 bytes', () => {
    const spy = vi.mocked(constantTimeEqual);
    spy.mockClear();
    const { secret } = generateToken();
    const hash = hashSecret(secret);
    // Differs only in the last byte, and only in the first: both go through the same full comparison.
    const lastByte = hash.slice(0, 62) + (hash.endsWith('00') ? '01' : '00');
    const firstByte = (hash.startsWith('00') ? '01' : '00') + hash.slice(2);
    expect(checkSecret(secret, lastByte)).toBe(false);
    expect(checkSecret(secret, firstByte)).toBe(false);
    expect(checkSecret(secret, hash)).toBe(true);
    expect(spy).toHaveBeenCalledTimes(3);
    for (const [a, b] of spy.mock.calls) {
      expect(a).toHaveLength(32);
      expect(b).toHaveLength(32);
    }
  });
});
