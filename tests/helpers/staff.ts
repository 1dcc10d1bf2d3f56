/**
 * Staff accounts and credentials for server tests, made directly on the server's database
 * (the same code the CLI runs): users with roles and party scopes, fresh session cookies
 * (one per request when a test signs out or must not share activity) and API tokens.
 */
import type { Database } from '../../db/client';
import { createApiToken } from '../../src/lib/server/auth/api-tokens';
import { createSession } from '../../src/lib/server/auth/session';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/domain/vocabulary';
import type { TestServer } from './server';

/** The password every test account has. */
export const STAFF_PASSWORD = 'purple-lantern-harbour';

export interface StaffUser {
  id: string;
  email: string;
  roles: Role[];
  parties: string[];
}

/** Creates an account (argon2id hash: about a tenth of a second). */
export async function createStaff(db: Database, email: string, roles: Role[], parties: string[] = []): Promise<StaffUser> {
  const user = await createUser(db, { email, name: email.split('@')[0]!, roles, parties, password: STAFF_PASSWORD }, CLI_ACTOR);
  return { id: user.id, email: user.email, roles: user.roles, parties: user.parties };
}

/** A new session for the user, as the `Cookie` header value a browser would send. */
export async function sessionCookie(db: Database, user: StaffUser): Promise<string> {
  const { token } = await createSession(db, user.id);
  return `session=${token}`;
}

/** A new personal API token for the user. */
export async function apiToken(db: Database, user: StaffUser): Promise<string> {
  return (await createApiToken(db, user.id, 'test program', CLI_ACTOR)).token;
}

/** Signs in through the built server's login form, as a browser would; returns the `session=…` cookie pair to send back. */
export async function signInOverHttp(server: TestServer, email: string, password: string): Promise<string> {
  const response = await server.get('/login', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (response.status !== 303) throw new Error(`sign-in as ${email} answered ${response.status}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('session='));
  if (!cookie) throw new Error(`sign-in as ${email} set no session cookie`);
  return cookie.split(';')[0]!;
}

/** An account to create on a test server's database. */
export interface StaffAccount {
  email: string;
  roles: readonly Role[];
  parties?: readonly string[];
}

/**
 * Creates each account (password {@link STAFF_PASSWORD}) and signs it in through the server's
 * login form; returns each account's `session=…` cookie pair, by email.
 */
export async function signInStaff(server: TestServer, db: Database, accounts: readonly StaffAccount[]): Promise<Record<string, string>> {
  const cookies: Record<string, string> = {};
  for (const account of accounts) {
    await createStaff(db, account.email, [...account.roles], [...(account.parties ?? [])]);
    cookies[account.email] = await signInOverHttp(server, account.email, STAFF_PASSWORD);
  }
  return cookies;
}

/**
 * Creates each account (password {@link STAFF_PASSWORD}) and opens a session for it directly on
 * the database, without signing in over HTTP; returns each account's `session=…` cookie pair,
 * under the name it was given.
 */
export async function staffSessions<Name extends string>(db: Database, accounts: Record<Name, StaffAccount>): Promise<Record<Name, string>> {
  const cookies = {} as Record<Name, string>;
  for (const [name, account] of Object.entries(accounts) as [Name, StaffAccount][]) {
    cookies[name] = await sessionCookie(db, await createStaff(db, account.email, [...account.roles], [...(account.parties ?? [])]));
  }
  return cookies;
}
