/**
 * E-mail digests: each user's digest preference and a record of every digest sent. See
 * migration 0014 and src/lib/server/mail/digests.ts.
 */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DIGEST_FREQUENCIES, DIGEST_LOCALES } from '../../src/domain/digest';
import { users } from './staff';

/** A user's own choice of digest; no row means none chosen yet (a reviewer then gets the daily one). */
export const mailPreferences = sqliteTable('mail_preferences', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  digestFrequency: text('digest_frequency', { enum: DIGEST_FREQUENCIES }).notNull(),
  locale: text('locale', { enum: DIGEST_LOCALES }).notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
});

/**
 * One digest per user, frequency and period (`2026-12-05`, `2026-W49`). Claimed (`sending`)
 * before the message goes out and marked `sent` after, so that a second run sends nothing new;
 * a failed send removes its claim.
 */
export const digestSends = sqliteTable(
  'digest_sends',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    frequency: text('frequency', { enum: ['daily', 'weekly'] }).notNull(),
    period: text('period').notNull(),
    state: text('state', { enum: ['sending', 'sent'] }).notNull().default('sending'),
    itemCount: integer('item_count').notNull(),
    messageId: text('message_id'),
    recipient: text('recipient').notNull(),
    claimedAt: text('claimed_at').notNull(),
    sentAt: text('sent_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.frequency, t.period] })],
);
