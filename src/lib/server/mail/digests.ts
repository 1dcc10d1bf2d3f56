/**
 * Sending what is due: for every active user whose digest is due today, the digest of what
 * is theirs to do, once per user and period. A daily digest covers the day (UTC), a weekly
 * one the ISO week, so a scheduler can run this every day: weekly readers get one message a
 * week. Each send is claimed in the database first (`digest_sends`), so two runs at once or
 * one run repeated never send a period twice; a failed send drops its claim and is audited,
 * so the next run tries again.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { digestSends, mailPreferences, users } from '../../../../db/schema';
import {
  composeDigest,
  countDigestItems,
  digestPeriod,
  effectiveFrequency,
  effectiveLocale,
  type DigestFrequency,
} from '../../../domain/digest';
import { appendAudit, writeTransaction } from '../audit';
import { loadAuthUser, normaliseEmail } from '../auth/auth-user';
import { buildDigestContent } from './digest-content';
import type { Mailer } from './transport';

export interface RunDigestsOptions {
  /** The day to send for (YYYY-MM-DD, UTC). */
  today: string;
  /** The public origin every link starts with. */
  origin: string;
  /** Only users with this frequency; unset, both. */
  frequency?: 'daily' | 'weekly';
  /** Only this user (by e-mail address). */
  userEmail?: string;
  /** Compose and report, but send and record nothing. */
  dryRun?: boolean;
}

/** What happened for one user. */
export interface DigestOutcome {
  email: string;
  frequency: DigestFrequency;
  period: string | null;
  result: 'sent' | 'would_send' | 'already_sent' | 'nothing_to_do' | 'not_due' | 'failed';
  items: number;
  subject?: string;
  file?: string;
  error?: string;
}

/** A user named with --user who does not exist or is disabled. */
export class UnknownRecipientError extends Error {}

/** Sends (or, dry, composes) every digest due on `options.today`; returns one outcome per user considered. */
export async function runDigests(db: Database, mailer: Mailer, options: RunDigestsOptions): Promise<DigestOutcome[]> {
  const candidates = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.disabled, false), options.userEmail ? eq(users.email, normaliseEmail(options.userEmail)) : undefined))
    .orderBy(asc(users.email));
  if (options.userEmail && candidates.length === 0) throw new UnknownRecipientError(`no active account has the e-mail address ${options.userEmail}`);
  const outcomes: DigestOutcome[] = [];
  for (const candidate of candidates) {
    const user = await loadAuthUser(db, candidate.id);
    if (!user) continue;
    const [preference] = await db
      .select({ digestFrequency: mailPreferences.digestFrequency, locale: mailPreferences.locale })
      .from(mailPreferences)
      .where(eq(mailPreferences.userId, user.id));
    const frequency = effectiveFrequency(preference ?? null, user.roles);
    const base = { email: user.email, frequency, items: 0 };
    if (frequency === 'none' || (options.frequency && options.frequency !== frequency)) {
      outcomes.push({ ...base, period: null, result: 'not_due' });
      continue;
    }
    const period = digestPeriod(frequency, options.today);
    const key = and(eq(digestSends.userId, user.id), eq(digestSends.frequency, frequency), eq(digestSends.period, period));
    const [previous] = await db.select({ state: digestSends.state }).from(digestSends).where(key);
    if (previous) {
      outcomes.push({ ...base, period, result: 'already_sent' });
      continue;
    }
    const locale = effectiveLocale(preference ?? null);
    const content = await buildDigestContent(db, user, locale, options.today);
    const items = countDigestItems(content);
    const message = composeDigest(content, { locale, frequency, origin: options.origin, recipientName: user.name, today: options.today });
    if (!message) {
      outcomes.push({ ...base, period, result: 'nothing_to_do' });
      continue;
    }
    if (options.dryRun) {
      outcomes.push({ ...base, period, items, result: 'would_send', subject: message.subject });
      continue;
    }
    const claimed = await writeTransaction(db, async (tx) => {
      const inserted = await tx
        .insert(digestSends)
        .values({ userId: user.id, frequency, period, state: 'sending', itemCount: items, recipient: user.email, claimedAt: new Date().toISOString() })
        .onConflictDoNothing();
      return inserted.rowsAffected > 0;
    });
    if (!claimed) {
      outcomes.push({ ...base, period, result: 'already_sent' });
      continue;
    }
    const counts = { drafts: content.drafts.length, returned: content.returned.length, toReview: content.toReview.length, commitments: content.commitments.length };
    try {
      const sent = await mailer.send({ to: user.email, subject: message.subject, text: message.text, html: message.html, language: locale });
      await writeTransaction(db, async (tx) => {
        await tx.update(digestSends).set({ state: 'sent', messageId: sent.messageId, sentAt: new Date().toISOString() }).where(key);
        await appendAudit(tx, {
          actorId: null,
          actorLabel: 'cli',
          action: 'digest.sent',
          entityType: 'user',
          entityId: user.id,
          after: { to: user.email, frequency, period, locale, counts, transport: mailer.transport, messageId: sent.messageId, ...(sent.file ? { file: sent.file } : {}) },
        });
      });
      outcomes.push({ ...base, period, items, result: 'sent', subject: message.subject, file: sent.file });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await writeTransaction(db, async (tx) => {
        await tx.delete(digestSends).where(key);
        await appendAudit(tx, {
          actorId: null,
          actorLabel: 'cli',
          action: 'digest.failed',
          entityType: 'user',
          entityId: user.id,
          after: { to: user.email, frequency, period, transport: mailer.transport, error: reason.slice(0, 500) },
        });
      });
      outcomes.push({ ...base, period, items, result: 'failed', subject: message.subject, error: reason });
    }
  }
  return outcomes;
}
