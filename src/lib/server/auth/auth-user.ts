/** The signed-in user as pages see it, and the look-ups that find a user for sign-in. */
import { asc, eq } from 'drizzle-orm';
import { userParties, userRoles, users } from '../../../../db/schema';
import type { Role } from '../../../domain/vocabulary';
import type { Executor } from '../audit';

export type UserRecord = typeof users.$inferSelect;

/** The signed-in person as pages see it (`Astro.locals.user`). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Slugs of the parties the user may write for (lower-case ISO alpha-3 for states). */
  parties: string[];
}

/** Lower-cases and trims an e-mail address, the form in which it is stored and looked up. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The account with this e-mail address (any case), or null. */
export async function getUserByEmail(db: Executor, email: string): Promise<UserRecord | null> {
  const rows = await db.select().from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return rows[0] ?? null;
}

/** The user with roles and parties, or null when there is no such user or it is disabled. */
export async function loadAuthUser(db: Executor, userId: string): Promise<AuthUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) return null;
  const [roles, partyRows] = await Promise.all([
    db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)).orderBy(asc(userRoles.role)),
    db.select({ slug: userParties.partySlug }).from(userParties).where(eq(userParties.userId, userId)).orderBy(asc(userParties.partySlug)),
  ]);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: roles.map((r) => r.role),
    parties: partyRows.map((p) => p.slug),
  };
}
