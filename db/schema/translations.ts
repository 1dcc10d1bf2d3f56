/**
 * Translations of seeded titles, summaries and notes where the data has no column in that
 * language (every Indonesian text; Thai source notes) (migration 0012): one row per entity (`party`, `instrument`, `commitment`, `conference`,
 * `measure`, `open_question`, `indicator`, `source_note`: a source's note, keyed by a hash of
 * its English, field `note`, and `period_label`: an indicator value's period label, keyed and
 * hashed the same way, field `label`; `instrument_detail`: an instrument's `adoptedPlace` and
 * `eifRuleNote`, apart from `instrument` so that the search index never reads them;
 * `assessment`: a seeded assessment's `narrative`, by its content key; `research_note`: a party's
 * research `note` and `notFound1…n`; `measure_commitment`: how a measure serves a commitment,
 * keyed `<measure id>/<code>`, field `note`), key (its slug, code or id), field (`name`, `title`,
 * `shortName`, `summary`, `disputed`, `place`, `question`, `known`, `note`, `narrative`) and language. Any change bumps the
 * `translations` and `world` data versions (migration 0017). `source` is the English
 * text the translation was made from: pages show the translation only while the English is
 * unchanged. `machineAssisted` marks text drafted with a tool. The seed fills the table from
 * content/translations/<locale>/*.yaml; the search index reads it (search_source_* views).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const translations = sqliteTable(
  'translations',
  {
    entity: text('entity').notNull(),
    entityKey: text('entity_key').notNull(),
    field: text('field').notNull(),
    locale: text('locale').notNull(),
    text: text('text').notNull(),
    source: text('source').notNull(),
    machineAssisted: integer('machine_assisted', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityKey, t.field, t.locale] }), index('translations_locale_idx').on(t.locale)],
);
