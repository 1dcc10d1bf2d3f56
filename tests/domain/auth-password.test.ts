/** Password policy (length, common list) and the Argon2id parameters. */
import { describe, expect, it } from 'vitest';
import {
  ARGON2_OPTIONS,
  checkPasswordPolicy,
  hashPassword,
  loadCommonPasswords,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from '../../src/lib/server/auth/password';

describe('checkPasswordPolicy', () => {
  it('wants 8 to 256 characters, counted as characters, not bytes', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(256);
    expect(checkPasswordPolicy('Tq7#vkz')).toMatch(/too short: use at least 8 characters/);
    expect(checkPasswordPolicy('Tq7#vkzP')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(255) + 'Q')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(256) + 'Q')).toMatch(/too long: use at most 256 characters/);
    // Eight Thai characters are 24 bytes in UTF-8 but eight characters.
    expect(checkPasswordPolicy('รหัสผ่านดี')).toBeNull();
    expect(checkPasswordPolicy('🔒🔒🔒🔒🔒🔒🔒')).toMatch(/too short/);
  });

  it('refuses the common passwords in any case', () => {
    for (const common of ['password', 'PASSWORD', 'Password1', 'iloveyou', 'qwertyuiop', 'Trustno1', '12345678']) {
      expect(checkPasswordPolicy(common), common).toMatch(/most commonly used passwords/);
    }
    expect(checkPasswordPolicy('purple-lantern-harbour')).toBeNull();
  });

  it('ships a list of about 10,000 common passwords, lower-case, each at least 8 characters', () => {
    const list = loadCommonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(9_900);
    expect(list.size).toBeLessThanOrEqual(10_000);
    for (const word of list) {
      expect(word).toBe(word.toLowerCase());
      expect([...word].length).toBeGreaterThanOrEqual(8);
    }
  });
});

describe('hashPassword', () => {
  it('is Argon2id at OWASP parameters or stronger (m ≥ 19456 KiB, t ≥ 2, p ≥ 1), salted', async () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
    const a = await hashPassword('purple-lantern-harbour');
    const b = await hashPassword('purple-lantern-harbour');
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(a);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    expect(Number(match![3])).toBeGreaterThanOrEqual(1);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'purple-lantern-harbour')).toBe(true);
    expect(await verifyPassword(a, 'purple-lantern-harbouR')).toBe(false);
    expect(await verifyPassword('not a hash', 'purple-lantern-harbour')).toBe(false);
  });
});
