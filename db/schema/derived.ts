/**
 * Derived data: what the public pages read instead of aggregating the whole history. Every
 * row here can be recomputed from `assessments` and the reference tables
 * (src/lib/server/derived-data.ts `checkDerivedData`, `npm run db:check`), and is kept
 * current in the same transaction as the write that changes it:
 *
 *  - `current_assessments`: for each party, commitment and assessor, the latest published
 *    assessment (latest `as_of`, then `published_at`, then id; whatever its date). Kept by
 *    triggers on `assessments` (migration 0004), so that every writer (the review service,
 *    the seed, an importer) keeps it right without knowing about it. Published assessments
 *    are never changed or deleted, so the row only ever moves forward. Each row carries its
 *    assessment's basis (what it rests on: official sources, media only, other), computed by
 *    the `assessment_bases` view and kept by triggers on the row, on evidence and on measures
 *    being published (migration 0018).
 *  - `party_scores`: each party's scores (overall, per instrument, per theme; per assessor)
 *    computed by the domain's scoring engine from its `current_assessments` rows. Valid on
 *    any day on or after `valid_from` (the latest `as_of` among them) whose end is at or
 *    after `published_through` (the latest publication among them). Triggers delete a
 *    party's rows when its current assessments or the commitments that apply to it change;
 *    `refreshPartyScores` writes the missing ones (the review service calls it in the
 *    publishing transaction; the seed and the generator at their end); a reader computes
 *    any party still missing live, so a missed refresh costs time, never a wrong number.
 *  - `published_totals`: the number of published assessments (the home page's figure).
 *  - `data_versions`: a counter per thing a cached page depends on (`world` for reference
 *    data, `assessments` for any publication, `party:{slug}`, `instrument:{slug}`,
 *    `theme:{theme}`), bumped by triggers in the writing transaction. The page cache
 *    (src/lib/server/page-cache.ts) keeps a page while its counters are unchanged. The
 *    `*_world_update` triggers compare every column of their table: a migration that adds a
 *    column to a reference table must recreate its trigger with the new column listed.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BASES } from '../../src/domain/basis';
import { ASSESSORS, STATUSES } from '../../src/domain/vocabulary';
import { assessments } from './assessments';

export const currentAssessments = sqliteTable(
  'current_assessments',
  {
    partySlug: text('party_slug').notNull(),
    commitmentCode: text('commitment_code').notNull(),
    assessor: text('assessor', { enum: ASSESSORS }).notNull(),
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => assessments.id),
    status: text('status', { enum: STATUSES }).notNull(),
    asOf: text('as_of').notNull(),
    publishedAt: text('published_at'),
    /** What the assessment rests on (the `assessment_bases` view, src/domain/basis.ts), kept by triggers (migration 0018). */
    basis: text('basis', { enum: BASES }).notNull().default('other'),
  },
  (t) => [
    primaryKey({ columns: [t.partySlug, t.commitmentCode, t.assessor] }),
    index('current_assessments_commitment_idx').on(t.commitmentCode, t.partySlug, t.assessor),
  ],
);

export const PARTY_SCORE_SCOPES = ['overall', 'instrument', 'theme'] as const;

export const partyScores = sqliteTable(
  'party_scores',
  {
    partySlug: text('party_slug').notNull(),
    scope: text('scope', { enum: PARTY_SCORE_SCOPES }).notNull(),
    /** The instrument slug or theme; '' for the overall score. */
    scopeKey: text('scope_key').notNull().default(''),
    assessor: text('assessor', { enum: ASSESSORS }).notNull(),
    score: real('score'),
    rated: integer('rated').notNull(),
    applicable: integer('applicable').notNull(),
    /** Commitments in the scope that apply to the party (not-applicable statuses included). */
    commitments: integer('commitments').notNull(),
    /** The latest `as_of` the scores rest on: they hold on this day and any later one. Null: nothing published. */
    validFrom: text('valid_from'),
    /**
     * The latest publication stamp among them: the scores are what a past view shows only
     * when that view's day ends after it (an assessment published later, even dated earlier,
     * must not reach a past view). Null: nothing published.
     */
    publishedThrough: text('published_through'),
    methodologyVersion: text('methodology_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partySlug, t.scope, t.scopeKey, t.assessor] }), index('party_scores_scope_idx').on(t.scope, t.scopeKey)],
);

export const publishedTotals = sqliteTable(
  'published_totals',
  {
    id: integer('id').primaryKey(),
    assessments: integer('assessments').notNull(),
  },
  (t) => [check('published_totals_one_row', sql`${t.id} = 1`)],
);

export const dataVersions = sqliteTable('data_versions', {
  scope: text('scope').primaryKey(),
  version: integer('version').notNull(),
});
