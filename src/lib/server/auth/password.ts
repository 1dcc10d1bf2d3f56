/**
 * Password policy and hashing. Hashes are Argon2id at OWASP's first recommended setting
 * (19 MiB, 2 passes, 1 lane), stored as PHC strings, so parameters can be raised later
 * without breaking stored hashes: `verify` reads them from the string.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/** Argon2id (algorithm 2; the package's enum is a const enum, unusable under isolatedModules). */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};

/**
 * The list of common passwords, one per line, lower-case. Resolved from the working
 * directory (the project root for every npm script and for the built server), like the
 * migrations folder.
 */
export const COMMON_PASSWORDS_FILE = resolve(process.cwd(), 'content/common-passwords.txt');

let commonPasswords: ReadonlySet<string> | undefined;

/** The common-passwords list, read once; lines starting with `# ` are comments. */
export function loadCommonPasswords(file = COMMON_PASSWORDS_FILE): ReadonlySet<string> {
  if (file === COMMON_PASSWORDS_FILE && commonPasswords) return commonPasswords;
  const set = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const word = line.replace(/\r$/, '');
    if (word && !word.startsWith('# ')) set.add(word.toLowerCase());
  }
  if (file === COMMON_PASSWORDS_FILE) commonPasswords = set;
  return set;
}

/**
 * What is wrong with a new password, as a sentence to show the person, or null when it
 * is acceptable. Length counts characters (code points), not bytes.
 */
export function checkPasswordPolicy(password: string, common: ReadonlySet<string> = loadCommonPasswords()): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (common.has(password.toLowerCase())) {
    return 'The password is one of the most commonly used passwords: choose one that is harder to guess.';
  }
  return null;
}

/** The Argon2id PHC string for a password (a fresh random salt each time). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches the stored hash; false (not an error) for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for sign-ins to unknown accounts, so
 * that response time does not tell which e-mail addresses have accounts.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummyHash, password);
  return false;
}
