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

/** Words specific to this service that no password may be built on (NIST SP 800-63B, 5.1.1.2). */
export const CONTEXT_WORDS = ['bangkok', 'thailand', 'monitor', 'scam', 'scams', 'joint', 'statement', 'bjsm'];

/** Who the password is for, so that it is not built on their own e-mail address or name. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** The password without digits and symbols at either end, lower-cased: `Thailand2026!` → `thailand`. */
function coreOf(password: string): string {
  return password.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

/** Whether the whole text is one shorter piece repeated (`passwordpassword`, `abcabcabc`, `aaaaaaaa`). */
function isRepetition(text: string): boolean {
  return /^(.+?)\1+$/su.test(text);
}

/**
 * What is wrong with a new password, as a sentence to show the person, or null when it
 * is acceptable. Length counts characters (code points), not bytes. Refused: blank or
 * control characters; the most common passwords (also with digits or symbols added at
 * either end); one piece repeated; a password built on the site's own words or on the
 * user's e-mail address or name.
 */
export function checkPasswordPolicy(password: string, context: PasswordContext = {}, common: ReadonlySet<string> = loadCommonPasswords()): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `The password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `The password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (password.trim() === '') return 'The password is blank: use letters, digits or symbols, not only spaces.';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(password) || !password.isWellFormed()) return 'The password has a control character in it: use only characters you can type.';
  const lower = password.toLowerCase();
  const core = coreOf(password);
  if (common.has(lower) || (core.length >= 4 && common.has(core))) {
    return 'The password is one of the most commonly used passwords: choose one that is harder to guess.';
  }
  if (isRepetition(lower)) return 'The password repeats the same characters: choose one that is harder to guess.';
  const squashed = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  if (CONTEXT_WORDS.some((word) => core === word || squashed === word || (core.length > 0 && isRepetition(core) && core.startsWith(word)))) {
    return 'The password is built on the name of this site or its subject: choose one that is harder to guess.';
  }
  const email = (context.email ?? '').trim().toLowerCase();
  const local = email.split('@')[0] ?? '';
  const name = (context.name ?? '').trim().toLowerCase();
  const personal = [email, local, name, name.replace(/\s+/g, '')].filter((word) => word.length >= 4);
  if (personal.some((word) => lower.includes(word))) return 'The password contains your e-mail address or name: choose one that is harder to guess.';
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
