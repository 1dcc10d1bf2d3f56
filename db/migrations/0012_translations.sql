-- Translations of seeded titles and summaries into languages beyond the English and Thai
-- columns (db/schema/translations.ts): one row per entity, key, field and language, filled by
-- the seed from content/translations/<locale>/*.yaml. `source` is the English text the
-- translation was made from; a page shows the translation only while the English still reads
-- the same, and English (marked lang="en") otherwise.
-- The search index gains these texts: each kind's view adds one row per translated language,
-- and triggers on `translations` re-read that row in the writing transaction.
CREATE TABLE `translations` (
  `entity` text NOT NULL,
  `entity_key` text NOT NULL,
  `field` text NOT NULL,
  `locale` text NOT NULL,
  `text` text NOT NULL,
  `source` text NOT NULL,
  `machine_assisted` integer DEFAULT 0 NOT NULL,
  PRIMARY KEY(`entity`, `entity_key`, `field`, `locale`)
);
--> statement-breakpoint
CREATE INDEX `translations_locale_idx` ON `translations` (`locale`);
--> statement-breakpoint
DROP VIEW `search_source_party`;
--> statement-breakpoint
CREATE VIEW `search_source_party` AS
  SELECT 'party' AS `kind`, `slug` AS `key`, 'en' AS `lang`, `slug` AS `party_slug`, NULL AS `instrument_slug`, `name_en` AS `title`, trim(coalesce(`iso3`, '') || ' ' || `slug`) AS `body` FROM `parties`
  UNION ALL
  SELECT 'party', `slug`, 'th', `slug`, NULL, `name_th`, trim(coalesce(`iso3`, '') || ' ' || `slug`) FROM `parties`
  UNION ALL
  SELECT 'party', p.`slug`, t.`locale`, p.`slug`, NULL, t.`text`, trim(coalesce(p.`iso3`, '') || ' ' || p.`slug`)
  FROM `parties` p JOIN `translations` t ON t.`entity` = 'party' AND t.`entity_key` = p.`slug` AND t.`field` = 'name';
--> statement-breakpoint
DROP VIEW `search_source_instrument`;
--> statement-breakpoint
CREATE VIEW `search_source_instrument` AS
  SELECT 'instrument' AS `kind`, `slug` AS `key`, 'en' AS `lang`, NULL AS `party_slug`, `slug` AS `instrument_slug`, `title_en` AS `title`, `short_name` || ' ' || `summary_en` AS `body` FROM `instruments`
  UNION ALL
  SELECT 'instrument', `slug`, 'th', NULL, `slug`, `title_th`, `short_name` || ' ' || `summary_th` FROM `instruments`
  UNION ALL
  SELECT 'instrument', i.`slug`, l.`locale`, NULL, i.`slug`,
    coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'instrument' AND t.`entity_key` = i.`slug` AND t.`locale` = l.`locale` AND t.`field` = 'title'), i.`title_en`),
    coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'instrument' AND t.`entity_key` = i.`slug` AND t.`locale` = l.`locale` AND t.`field` = 'shortName'), i.`short_name`) || ' ' ||
    coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'instrument' AND t.`entity_key` = i.`slug` AND t.`locale` = l.`locale` AND t.`field` = 'summary'), '')
  FROM `instruments` i JOIN (SELECT DISTINCT `entity_key`, `locale` FROM `translations` WHERE `entity` = 'instrument') l ON l.`entity_key` = i.`slug`;
--> statement-breakpoint
DROP VIEW `search_source_commitment`;
--> statement-breakpoint
CREATE VIEW `search_source_commitment` AS
  SELECT 'commitment' AS `kind`, `code` AS `key`, 'en' AS `lang`, `pledge_party_slug` AS `party_slug`, `instrument_slug`, `title_en` AS `title`, `code` || ' ' || `reference` || ' ' || `summary_en` AS `body` FROM `commitments`
  UNION ALL
  SELECT 'commitment', `code`, 'th', `pledge_party_slug`, `instrument_slug`, `title_th`, `code` || ' ' || `reference` || ' ' || `summary_th` FROM `commitments`
  UNION ALL
  SELECT 'commitment', c.`code`, l.`locale`, c.`pledge_party_slug`, c.`instrument_slug`,
    coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'commitment' AND t.`entity_key` = c.`code` AND t.`locale` = l.`locale` AND t.`field` = 'title'), c.`title_en`),
    c.`code` || ' ' || c.`reference` || ' ' || coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'commitment' AND t.`entity_key` = c.`code` AND t.`locale` = l.`locale` AND t.`field` = 'summary'), '')
  FROM `commitments` c JOIN (SELECT DISTINCT `entity_key`, `locale` FROM `translations` WHERE `entity` = 'commitment') l ON l.`entity_key` = c.`code`;
--> statement-breakpoint
DROP VIEW `search_source_measure`;
--> statement-breakpoint
CREATE VIEW `search_source_measure` AS
  SELECT 'measure' AS `kind`, `id` AS `key`, 'en' AS `lang`, `party_slug`, NULL AS `instrument_slug`, `title_en` AS `title`, trim(coalesce(`title_original`, '') || ' ' || `summary_en`) AS `body`, `id` AS `owner`
  FROM `measures` WHERE `state` = 'published'
  UNION ALL
  SELECT 'measure', `id`, 'th', `party_slug`, NULL, coalesce(`title_th`, `title_en`), trim(coalesce(`title_original`, '') || ' ' || coalesce(`summary_th`, '')), `id`
  FROM `measures` WHERE `state` = 'published' AND coalesce(`summary_th`, `title_th`, '') <> ''
  UNION ALL
  SELECT 'measure', m.`id`, l.`locale`, m.`party_slug`, NULL,
    coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'measure' AND t.`entity_key` = m.`id` AND t.`locale` = l.`locale` AND t.`field` = 'title'), m.`title_en`),
    trim(coalesce(m.`title_original`, '') || ' ' || coalesce((SELECT t.`text` FROM `translations` t WHERE t.`entity` = 'measure' AND t.`entity_key` = m.`id` AND t.`locale` = l.`locale` AND t.`field` = 'summary'), '')), m.`id`
  FROM `measures` m JOIN (SELECT DISTINCT `entity_key`, `locale` FROM `translations` WHERE `entity` = 'measure') l ON l.`entity_key` = m.`id`
  WHERE m.`state` = 'published';
--> statement-breakpoint
-- A translation written, changed or removed: its entity's row in that language is read again.
CREATE TRIGGER `search_translations_insert` AFTER INSERT ON `translations` WHEN NEW.`entity` IN ('party', 'instrument', 'commitment', 'measure') BEGIN
  DELETE FROM `search_documents` WHERE `kind` = NEW.`entity` AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`;
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = s.`kind`), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM (
    SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_party` WHERE NEW.`entity` = 'party' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_instrument` WHERE NEW.`entity` = 'instrument' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_commitment` WHERE NEW.`entity` = 'commitment' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_measure` WHERE NEW.`entity` = 'measure' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
  ) s;
END;
--> statement-breakpoint
-- Only a change of what is indexed re-reads it (a seed run again rewrites rows unchanged).
CREATE TRIGGER `search_translations_update` AFTER UPDATE ON `translations`
WHEN (NEW.`entity` IN ('party', 'instrument', 'commitment', 'measure') OR OLD.`entity` IN ('party', 'instrument', 'commitment', 'measure'))
  AND (NEW.`text` IS NOT OLD.`text` OR NEW.`entity` IS NOT OLD.`entity` OR NEW.`entity_key` IS NOT OLD.`entity_key` OR NEW.`field` IS NOT OLD.`field` OR NEW.`locale` IS NOT OLD.`locale`) BEGIN
  DELETE FROM `search_documents` WHERE `kind` = OLD.`entity` AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`;
  DELETE FROM `search_documents` WHERE `kind` = NEW.`entity` AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`;
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = s.`kind`), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM (
    SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_party` WHERE NEW.`entity` = 'party' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_instrument` WHERE NEW.`entity` = 'instrument' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_commitment` WHERE NEW.`entity` = 'commitment' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_measure` WHERE NEW.`entity` = 'measure' AND `key` = NEW.`entity_key` AND `lang` = NEW.`locale`
  ) s;
END;
--> statement-breakpoint
CREATE TRIGGER `search_translations_delete` AFTER DELETE ON `translations` WHEN OLD.`entity` IN ('party', 'instrument', 'commitment', 'measure') BEGIN
  DELETE FROM `search_documents` WHERE `kind` = OLD.`entity` AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`;
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = s.`kind`), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM (
    SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_party` WHERE OLD.`entity` = 'party' AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_instrument` WHERE OLD.`entity` = 'instrument' AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_commitment` WHERE OLD.`entity` = 'commitment' AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`
    UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_measure` WHERE OLD.`entity` = 'measure' AND `key` = OLD.`entity_key` AND `lang` = OLD.`locale`
  ) s;
END;
