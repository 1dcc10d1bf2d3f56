/**
 * Bearer secrets in Lucia's `id.secret` design, shared by sessions and personal API tokens.
 * The id finds the row; only the hex SHA-256 of the secret is stored, and it is compared in
 * constant time, so neither a timing difference nor a leaked table gives a working token.
 * Pure: no database, no Astro.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Random bytes per token part: 160 bits, above Lucia's floor of 120. */
export const TOKEN_PART_BYTES = 20;

/** A token part is lower-case base32 (RFC 4648 alphabet, no padding). */
const PART = /^[a-z2-7]{32}$/;

/** A fresh random string of {@link TOKEN_PART_BYTES} bytes from the platform CSPRNG, base32 lower-case. */
export function generateSecureRandomString(bytes = TOKEN_PART_BYTES): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return encodeBase32LowerCaseNoPadding(buffer);
}

export interface TokenParts {
  id: string;
  secret: string;
  /** What the client keeps: `id.secret`. */
  token: string;
}

/** A new `id.secret` token with independent random parts. */
export function generateToken(): TokenParts {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  return { id, secret, token: `${id}.${secret}` };
}

/** Splits `id.secret`; null for anything not shaped like a token this module made. */
export function parseToken(token: string | null | undefined): { id: string; secret: string } | null {
  if (!token || token.length > 100) return null;
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const id = token.slice(0, dot);
  const secret = token.slice(dot + 1);
  return PART.test(id) && PART.test(secret) ? { id, secret } : null;
}

/** Hex SHA-256 of a secret: what the database keeps. */
export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function checkSecret(secret: string, storedHash: string): boolean {
  let stored: Uint8Array;
  try {
    stored = decodeHex(storedHash);
  } catch {
    return false;
  }
  const actual = sha256(new TextEncoder().encode(secret));
  return stored.length === actual.length && constantTimeEqual(actual, stored);
}
