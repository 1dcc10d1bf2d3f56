/**
 * Staff accounts: look-ups for sign-in, and the account changes the CLI (and later the
 * workspace) makes. Every change is written to the audit log in the same transaction, and
 * every change that should end sign-ins (disable, password change or reset) deletes all the
 * user's sessions in that transaction too.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { parties, userParties, userRoles, users } from '../../../../db/schema';
import { ROLES, type Role } from '../../../domain/vocabulary';
import { appendAudit, writeTransaction, type Executor } from '../audit';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { getUserByEmail, normaliseEmail, type AuthUser, type UserRecord } from './auth-user';
import { forgiveLoginAttempt, reserveLoginAttempt, unlockAccount } from './rate-limit';
import { invalidateUserSessions, revokeUserApiTokens } from './session';

/** Who makes a change: a signed-in user, or the CLI. */
export interface Actor {
  id: string | null;
  label: string;
  ip?: string | null;
}

/** The actor for changes made with `npm run user`. */
export const CLI_ACTOR: Actor = { id: null, label: 'cli', ip: null };

/** A problem with the input that the person can fix; its message is meant to be shown as is. */
export class UserInputError extends Error {
  constructor(
    message: string,
    /** The refusal's stable code and parameters for pages in other languages (src/i18n/workflow-messages.ts). */
    readonly reason: { code: string; params?: Record<string, string | number> } | null = null,
  ) {
    super(message);
  }
}

/** Too many wrong passwords for this account from this address: try again after `retryAfterSeconds`. */
export class RateLimitedError extends Error {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(`Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Party slugs for codes given in any case (`THA`, `tha`, `ASEAN`); throws a UserInputError
 * naming every code that matches no party.
 */
export async function resolvePartySlugs(db: Executor, codes: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(codes.map((code) => code.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return [];
  const found = await db.select({ slug: parties.slug }).from(parties).where(inArray(parties.slug, wanted));
  const known = new Set(found.map((p) => p.slug));
  const unknown = wanted.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    const count = await db.$count(parties);
    const hint = count === 0 ? ' (the parties table is empty: run `npm run db:prepare` first)' : '';
    throw new UserInputError(`unknown party ${unknown.map((u) => `"${u}"`).join(', ')}: use a party code such as THA or an organisation slug such as asean${hint}`, {
      code: 'users.unknownParty',
      params: { codes: unknown.map((u) => `“${u}”`).join(', ') },
    });
  }
  return wanted;
}

export interface NewUser {
  email: string;
  name: string;
  roles: readonly string[];
  parties?: readonly string[];
  password: string;
}

/** Creates an account; checks the e-mail, roles, parties and password policy first. */
export async function createUser(db: Database, input: NewUser, actor: Actor): Promise<AuthUser> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) throw new UserInputError(`"${input.email}" is not an e-mail address`, { code: 'users.badEmail', params: { email: input.email } });
  const name = input.name.trim();
  if (!name) throw new UserInputError('the name is empty', { code: 'users.nameEmpty' });
  if (input.roles.length === 0) throw new UserInputError(`give at least one role (${ROLES.join(', ')})`);
  const badRole = input.roles.find((role) => !(ROLES as readonly string[]).includes(role));
  if (badRole !== undefined) throw new UserInputError(`unknown role "${badRole}": use ${ROLES.join(', ')}`);
  const roles = [...new Set(input.roles)] as Role[];
  const problem = checkPasswordPolicy(input.password, { email: input.email, name: input.name });
  if (problem) throw new UserInputError(problem);
  const partySlugs = await resolvePartySlugs(db, input.parties ?? []);
  // Hash outside the transaction: it takes a tenth of a second and must not hold the write lock.
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  await writeTransaction(db, async (tx) => {
    if (await getUserByEmail(tx, email)) throw new UserInputError(`a user with e-mail ${email} already exists`, { code: 'users.emailTaken', params: { email } });
    await tx.insert(users).values({ id, email, name, passwordHash });
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
    if (partySlugs.length) await tx.insert(userParties).values(partySlugs.map((partySlug) => ({ userId: id, partySlug })));
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: { email, name, roles, parties: partySlugs, disabled: false },
      ip: actor.ip,
    });
  });
  return { id, email, name, roles: [...roles].sort(), parties: [...partySlugs].sort() };
}

async function requireUser(db: Executor, email: string): Promise<UserRecord> {
  const user = await getUserByEmail(db, email);
  if (!user) throw new UserInputError(`no user with e-mail ${normaliseEmail(email)}`, { code: 'users.noUser', params: { email: normaliseEmail(email) } });
  return user;
}

/** Disables an account and ends all its sessions; its API tokens stop working too. */
export async function disableUser(db: Database, email: string, actor: Actor): Promise<UserRecord> {
  return writeTransaction(db, async (tx) => {
    const user = await requireUser(tx, email);
    await tx.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    const ended = await invalidateUserSessions(tx, user.id);
    const tokensRevoked = await revokeUserApiTokens(tx, user.id);
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.disable',
      entityType: 'user',
      entityId: user.id,
      before: { disabled: user.disabled },
      after: { disabled: true, sessionsEnded: ended, tokensRevoked },
      ip: actor.ip,
    });
    return { ...user, disabled: true };
  });
}

/** Enables a disabled account again (it must sign in afresh). */
export async function enableUser(db: Database, email: string, actor: Actor): Promise<UserRecord> {
  return writeTransaction(db, async (tx) => {
    const user = await requireUser(tx, email);
    await tx.update(users).set({ disabled: false }).where(eq(users.id, user.id));
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.enable',
      entityType: 'user',
      entityId: user.id,
      before: { disabled: user.disabled },
      after: { disabled: false },
      ip: actor.ip,
    });
    return { ...user, disabled: false };
  });
}

async function storePassword(db: Database, user: UserRecord, password: string, action: string, actor: Actor): Promise<number> {
  const passwordHash = await hashPassword(password);
  return writeTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date().toISOString() }).where(eq(users.id, user.id));
    const ended = await invalidateUserSessions(tx, user.id);
    const tokensRevoked = await revokeUserApiTokens(tx, user.id);
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action,
      entityType: 'user',
      entityId: user.id,
      after: { passwordChanged: true, sessionsEnded: ended, tokensRevoked },
      ip: actor.ip,
    });
    return ended;
  });
}

/** Sets a new password for an account (an administrator's reset) and ends all its sessions. */
export async function resetPassword(db: Database, email: string, password: string, actor: Actor): Promise<{ user: UserRecord; sessionsEnded: number }> {
  const user = await requireUser(db, email);
  const problem = checkPasswordPolicy(password, { email: user.email, name: user.name });
  if (problem) throw new UserInputError(problem);
  const sessionsEnded = await storePassword(db, user, password, 'user.password_reset', actor);
  return { user, sessionsEnded };
}

/**
 * A user changes their own password, giving the current one; ends all their sessions,
 * including the one in use (the caller signs them in again if it wants to).
 */
export async function changePassword(db: Database, userId: string, current: string, next: string, actor: Actor): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) throw new UserInputError('no such user');
  // Guesses of the current password count against the account's sign-in limits, and are audited.
  const source = { email: user.email, ip: actor.ip ?? null };
  const limit = await reserveLoginAttempt(db, source);
  const audit = (action: string, after: Record<string, unknown>) =>
    appendAudit(db, { actorId: actor.id, actorLabel: actor.label, action, entityType: 'user', entityId: user.id, after, ip: actor.ip ?? null });
  if (limit.limited) {
    await audit('auth.password_change.refused', { reason: 'rate_limited', by: limit.by, retryAfterSeconds: limit.retryAfterSeconds });
    throw new RateLimitedError(limit.retryAfterSeconds);
  }
  if (!(await verifyPassword(user.passwordHash, current))) {
    await audit('auth.password_change.failure', { reason: 'wrong_password' });
    throw new UserInputError('The current password is not right.');
  }
  await forgiveLoginAttempt(db, source, limit.ids);
  const problem = checkPasswordPolicy(next, { email: user.email, name: user.name });
  if (problem) throw new UserInputError(problem);
  await storePassword(db, user, next, 'user.password_change', actor);
}

/** A user's roles and party scope, as an administrator sets them. */
export interface UserAccess {
  roles: readonly string[];
  parties: readonly string[];
}

/**
 * Replaces a user's roles and party scope; the audit row holds both before and after. The
 * change applies from the user's next request (roles are read with the session each time).
 */
export async function updateUserAccess(db: Database, email: string, access: UserAccess, actor: Actor): Promise<AuthUser> {
  if (access.roles.length === 0) throw new UserInputError(`give at least one role (${ROLES.join(', ')})`);
  const badRole = access.roles.find((role) => !(ROLES as readonly string[]).includes(role));
  if (badRole !== undefined) throw new UserInputError(`unknown role "${badRole}": use ${ROLES.join(', ')}`);
  const roles = [...new Set(access.roles)].sort() as Role[];
  const partySlugs = (await resolvePartySlugs(db, access.parties)).sort();
  return writeTransaction(db, async (tx) => {
    const user = await requireUser(tx, email);
    const [beforeRoles, beforeParties] = await Promise.all([
      tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, user.id)),
      tx.select({ slug: userParties.partySlug }).from(userParties).where(eq(userParties.userId, user.id)),
    ]);
    await tx.delete(userRoles).where(eq(userRoles.userId, user.id));
    await tx.insert(userRoles).values(roles.map((role) => ({ userId: user.id, role })));
    await tx.delete(userParties).where(eq(userParties.userId, user.id));
    if (partySlugs.length) await tx.insert(userParties).values(partySlugs.map((partySlug) => ({ userId: user.id, partySlug })));
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.access_change',
      entityType: 'user',
      entityId: user.id,
      before: { roles: beforeRoles.map((r) => r.role).sort(), parties: beforeParties.map((p) => p.slug).sort() },
      after: { roles, parties: partySlugs },
      ip: actor.ip,
    });
    return { id: user.id, email: user.email, name: user.name, roles, parties: partySlugs };
  });
}

/** Every account with its roles and parties, by e-mail address (for the admin's list). */
export async function listUsers(db: Executor): Promise<(AuthUser & { disabled: boolean; createdAt: string })[]> {
  const [rows, roles, scopes] = await Promise.all([
    db.select({ id: users.id, email: users.email, name: users.name, disabled: users.disabled, createdAt: users.createdAt }).from(users).orderBy(users.email),
    db.select().from(userRoles),
    db.select().from(userParties),
  ]);
  return rows.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.role).sort(),
    parties: scopes.filter((p) => p.userId === u.id).map((p) => p.partySlug).sort(),
  }));
}

/** Lifts every sign-in block on an account (from every address), audited; returns the failures forgotten. */
export async function unlockUser(db: Database, email: string, actor: Actor): Promise<number> {
  const address = normaliseEmail(email);
  return writeTransaction(db, async (tx) => {
    const cleared = await unlockAccount(tx, address);
    const user = await getUserByEmail(tx, address);
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.unlock',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { email: address, failuresCleared: cleared },
      ip: actor.ip,
    });
    return cleared;
  });
}
