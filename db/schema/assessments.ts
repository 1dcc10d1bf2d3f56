/**
 * Assessments: one party's progress on one commitment as of one date, with evidence.
 *
 * Lifecycle of an assessment record:
 *  - An editor creates it as `draft` (version 1). Each edit of a draft or a returned
 *    assessment must carry the version it read; the write bumps `version` by one, and a
 *    write against an older version is refused (optimistic concurrency).
 *  - `submitted` sends it to the secretariat; a reviewer other than the author moves it to
 *    `published` or back to `returned` (with a comment).
 *  - A published assessment is never changed or deleted. Progress is recorded by a newer
 *    assessment for the same party and commitment; for display, the latest published one
 *    with `as_of` on or before the day asked for wins (ties: the later `published_at`,
 *    then the higher id).
 *  - Rows loaded by the seed carry a `seed_key`, so that a second seed run finds them and
 *    changes nothing; the seed never touches a row without one.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ASSESSORS, CONFIDENCES, EVIDENCE_GRADES, PUBLICATION_STATES, STATUSES } from '../../src/domain/vocabulary';
import { commitments, parties } from './reference';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const assessments = sqliteTable(
  'assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
    commitmentCode: text('commitment_code')
      .notNull()
      .references(() => commitments.code),
    status: text('status', { enum: STATUSES }).notNull(),
    assessor: text('assessor', { enum: ASSESSORS }).notNull(),
    asOf: text('as_of').notNull(),
    narrativeEn: text('narrative_en').notNull(),
    narrativeTh: text('narrative_th'),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull().default('confirmed'),
    authorId: text('author_id'),
    authorName: text('author_name').notNull(),
    reviewerId: text('reviewer_id'),
    reviewComment: text('review_comment'),
    seedKey: text('seed_key'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    submittedAt: text('submitted_at'),
    publishedAt: text('published_at'),
  },
  (t) => [
    uniqueIndex('assessments_seed_key_unique').on(t.seedKey),
    // History reads (as_of in the past): one seek per party, commitment and assessor finds
    // the latest published row on or before a day, in the order the scoring rules use.
    index('assessments_party_latest_idx').on(t.partySlug, t.state, t.commitmentCode, t.assessor, t.asOf, t.publishedAt),
    index('assessments_commitment_latest_idx').on(t.commitmentCode, t.state, t.partySlug, t.assessor, t.asOf, t.publishedAt),
    // A party's timeline, newest as_of first, read 50 rows at a time.
    index('assessments_party_timeline_idx').on(t.partySlug, t.state, t.asOf),
    index('assessments_published_at_idx').on(t.state, t.publishedAt),
  ],
);

export const evidence = sqliteTable(
  'evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    publishedOn: text('published_on'),
    grade: text('grade', { enum: EVIDENCE_GRADES }).notNull(),
    confidence: text('confidence', { enum: CONFIDENCES }),
    checkedOn: text('checked_on'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('evidence_assessment_idx').on(t.assessmentId), index('evidence_assessment_grade_idx').on(t.assessmentId, t.grade)],
);

/**
 * Everyone who wrote an assessment: its author and each user who edited or submitted it
 * (one row per user, with the first thing they did). The two-person rule refuses a reviewer
 * who appears here; feeds name every writer. Filled by the assessment service and the CSV
 * import in the transaction of the write (and, for older rows, from the audit log by
 * migration 0005).
 */
export const assessmentWriters = sqliteTable(
  'assessment_writers',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    userId: text('user_id').notNull(),
    userName: text('user_name').notNull(),
    firstAction: text('first_action').notNull(),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId] }), index('assessment_writers_user_idx').on(t.userId)],
);
