/**
 * Measures: what a party has actually done (a law, decree, regulation, institution,
 * programme, agreement or operation), with its dated steps, its sources and the commitments
 * it serves (the crosswalk). One law is entered once and cited by every assessment it
 * supports (`assessment_measures`).
 *
 * Lifecycle: like an assessment (db/schema/assessments.ts). An editor in scope writes a
 * `draft`, edits carry the `version` they read, `submitted` goes to review, a reviewer who is
 * not the author publishes or returns it. A published measure, its steps, sources and
 * crosswalk links are never changed or deleted (triggers in migration 0007). The seed's rows
 * carry a `seed_key` (the measure id) so a second run changes nothing.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CONFIDENCES, MEASURE_EXTENTS, MEASURE_KINDS, MEASURE_STEPS, PUBLICATION_STATES, SOURCE_ROLES } from '../../src/domain/vocabulary';
import { assessments } from './assessments';
import { commitments, parties } from './reference';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const measures = sqliteTable(
  'measures',
  {
    id: text('id').primaryKey(),
    partySlug: text('party_slug')
      .notNull()
      .references(() => parties.slug),
    kind: text('kind', { enum: MEASURE_KINDS }).notNull(),
    titleEn: text('title_en').notNull(),
    titleTh: text('title_th'),
    titleOriginal: text('title_original'),
    originalLanguage: text('original_language'),
    summaryEn: text('summary_en').notNull(),
    summaryTh: text('summary_th'),
    /** The last dated step, kept with the row so lists need no join. */
    currentStep: text('current_step', { enum: MEASURE_STEPS }),
    disputedEn: text('disputed_en'),
    disputedTh: text('disputed_th'),
    state: text('state', { enum: PUBLICATION_STATES }).notNull().default('draft'),
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
    uniqueIndex('measures_seed_key_unique').on(t.seedKey),
    index('measures_party_idx').on(t.partySlug, t.state, t.kind),
    index('measures_published_idx').on(t.state, t.publishedAt, t.id),
  ],
);

/** A dated step of a measure, each with its own source. */
export const measureSteps = sqliteTable(
  'measure_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id),
    step: text('step', { enum: MEASURE_STEPS }).notNull(),
    date: text('date').notNull(),
    sourceUrl: text('source_url').notNull(),
    sourceTitle: text('source_title'),
    sourcePublisher: text('source_publisher').notNull(),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull(),
    checkedOn: text('checked_on'),
    note: text('note'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('measure_steps_measure_idx').on(t.measureId, t.position)],
);

/** A page that states what a measure is or does. */
export const measureSources = sqliteTable(
  'measure_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id),
    role: text('role', { enum: SOURCE_ROLES }).notNull(),
    url: text('url').notNull(),
    title: text('title').notNull(),
    publisher: text('publisher').notNull(),
    confidence: text('confidence', { enum: CONFIDENCES }).notNull(),
    checkedOn: text('checked_on'),
    note: text('note'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('measure_sources_measure_idx').on(t.measureId, t.position)],
);

/** The crosswalk: a commitment a measure serves, and how far it goes. */
export const measureCommitments = sqliteTable(
  'measure_commitments',
  {
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id),
    commitmentCode: text('commitment_code')
      .notNull()
      .references(() => commitments.code),
    extent: text('extent', { enum: MEASURE_EXTENTS }).notNull(),
    noteEn: text('note_en'),
    noteTh: text('note_th'),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.commitmentCode] }), index('measure_commitments_commitment_idx').on(t.commitmentCode, t.measureId)],
);

/** An assessment that rests on a measure (besides its own evidence). */
export const assessmentMeasures = sqliteTable(
  'assessment_measures',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    measureId: text('measure_id')
      .notNull()
      .references(() => measures.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.measureId] }), index('assessment_measures_measure_idx').on(t.measureId)],
);

/** A party's research note: what was searched and what was not found, as of a date. */
export const researchNotes = sqliteTable('research_notes', {
  partySlug: text('party_slug')
    .primaryKey()
    .references(() => parties.slug),
  checkedOn: text('checked_on').notNull(),
  noteEn: text('note_en').notNull(),
  noteTh: text('note_th'),
  /** JSON array of `{ en, th }`: one line per thing looked for and not found. */
  notFound: text('not_found').notNull().default('[]'),
});
