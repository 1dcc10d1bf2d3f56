/**
 * The full-text search index (migration 0010), derived from published data and kept in the
 * writing transaction by triggers, like the tables in derived.ts.
 *
 *  - `search_documents`: one row per thing found (`kind` and `key`: a party's slug, an
 *    instrument's slug, a commitment's code, an assessment's or an evidence row's id) and
 *    language (`lang`: 'en', 'th', or '' for text in no one language, such as evidence titles
 *    kept as published), with the text searched (`title`, `body`) and what the filters read
 *    (`party_slug`, `instrument_slug`). An assessment is here only once published.
 *  - `search_fts` (not declared here: drizzle has no FTS5 tables): the FTS5 index of
 *    `search_documents` (external content, trigram tokenizer, so Thai matches as substrings).
 *  - `search_kinds`: each kind's band of row ids (`band << 40` upward), so that one kind's
 *    matches are read by a rowid range.
 *  - Views `search_source_<kind>` say what each kind indexes; the triggers re-read them for
 *    the rows a write touched. Adding a kind: a view, a band, and one trigger set (see the
 *    migration); `rebuildSearchIndex` (src/lib/server/search-index.ts) refills from the views.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** The kinds of thing the search finds, in the order results are shown. */
export const SEARCH_KINDS = ['party', 'instrument', 'commitment', 'measure', 'assessment', 'evidence'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchDocuments = sqliteTable(
  'search_documents',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    key: text('key').notNull(),
    lang: text('lang').notNull(),
    partySlug: text('party_slug'),
    instrumentSlug: text('instrument_slug'),
    title: text('title').notNull(),
    body: text('body').notNull(),
  },
  (t) => [uniqueIndex('search_documents_key_unique').on(t.kind, t.key, t.lang), index('search_documents_party_idx').on(t.partySlug, t.kind)],
);

export const searchKinds = sqliteTable('search_kinds', {
  kind: text('kind', { enum: SEARCH_KINDS }).primaryKey(),
  band: integer('band').notNull().unique(),
});
