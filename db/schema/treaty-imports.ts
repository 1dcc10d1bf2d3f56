/**
 * Treaty-status imports from the UN Treaty Collection, as a reviewed change. A staff member
 * prepares one (the table as given, its diff against the database, the depositary page it
 * came from and the day it was read): state `pending`. A reviewer other than the preparer
 * approves it, which writes its new and changed treaty actions in one transaction (state
 * `applied`), or rejects it (`rejected`). Nothing here is ever deleted; the audit log holds
 * each step too.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { instruments } from './reference';
import { users } from './staff';

/** Where a treaty import stands. */
export const TREATY_IMPORT_STATES = ['pending', 'applied', 'rejected'] as const;
export type TreatyImportState = (typeof TREATY_IMPORT_STATES)[number];

export const treatyImports = sqliteTable(
  'treaty_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    instrumentSlug: text('instrument_slug')
      .notNull()
      .references(() => instruments.slug),
    state: text('state', { enum: TREATY_IMPORT_STATES }).notNull().default('pending'),
    fileName: text('file_name').notNull(),
    /** `text` (the table copied from the page) or `xml`. */
    format: text('format', { enum: ['text', 'xml'] }).notNull(),
    /** The table exactly as given. */
    content: text('content').notNull(),
    /** Hex SHA-256 of `content`. */
    contentDigest: text('content_digest').notNull(),
    /** JSON array of the diff at preparation (UntcDiffDetail[], src/domain/untc-status.ts). */
    diff: text('diff').notNull(),
    /** The UNTC status page of the treaty: the source of every row the import writes. */
    sourceUrl: text('source_url').notNull(),
    /** The day (UTC) the table was read from the UNTC: the rows' last-checked date. */
    checkedOn: text('checked_on').notNull(),
    preparedBy: text('prepared_by')
      .notNull()
      .references(() => users.id),
    preparedAt: text('prepared_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    reviewedBy: text('reviewed_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    reviewComment: text('review_comment'),
  },
  (t) => [index('treaty_imports_state_idx').on(t.state, t.id)],
);
