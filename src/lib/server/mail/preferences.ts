/** Each user's digest preference: read, and changed by the user on their account page (audited). */
import { eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { mailPreferences } from '../../../../db/schema';
import type { MailPreference } from '../../../domain/digest';
import { appendAudit, writeTransaction, type Executor } from '../audit';
import type { Actor } from '../auth/users';

/** The user's stored choice, or null when they never chose. */
export async function getMailPreference(db: Executor, userId: string): Promise<MailPreference | null> {
  const [row] = await db
    .select({ digestFrequency: mailPreferences.digestFrequency, locale: mailPreferences.locale })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, userId))
    .limit(1);
  return row ?? null;
}

/** Stores the user's choice in one transaction with its audit row (before and after). */
export async function setMailPreference(db: Database, userId: string, preference: MailPreference, actor: Actor): Promise<MailPreference> {
  return writeTransaction(db, async (tx) => {
    const before = await getMailPreference(tx, userId);
    const updatedAt = new Date().toISOString();
    await tx
      .insert(mailPreferences)
      .values({ userId, ...preference, updatedAt })
      .onConflictDoUpdate({ target: mailPreferences.userId, set: { ...preference, updatedAt } });
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'user.digest_preference',
      entityType: 'user',
      entityId: userId,
      before,
      after: preference,
      ip: actor.ip,
    });
    return preference;
  });
}
