-- Published measures enter the full-text index (kind `measure`, band 6), like assessments: when
-- they are published, in the same transaction; titles in English, Thai and the original
-- language, summaries in English and Thai.
INSERT INTO `search_kinds` (`kind`, `band`) VALUES ('measure', 6);
--> statement-breakpoint
CREATE VIEW `search_source_measure` AS
  SELECT 'measure' AS `kind`, `id` AS `key`, 'en' AS `lang`, `party_slug`, NULL AS `instrument_slug`, `title_en` AS `title`, trim(coalesce(`title_original`, '') || ' ' || `summary_en`) AS `body`, `id` AS `owner`
  FROM `measures` WHERE `state` = 'published'
  UNION ALL
  SELECT 'measure', `id`, 'th', `party_slug`, NULL, coalesce(`title_th`, `title_en`), trim(coalesce(`title_original`, '') || ' ' || coalesce(`summary_th`, '')), `id`
  FROM `measures` WHERE `state` = 'published' AND coalesce(`summary_th`, `title_th`, '') <> '';
--> statement-breakpoint
CREATE TRIGGER `search_measures_insert` AFTER INSERT ON `measures` WHEN NEW.`state` = 'published' BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'measure') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_measure` s WHERE s.`owner` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_measures_update` AFTER UPDATE ON `measures` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'measure' AND `key` = OLD.`id`;
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'measure') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_measure` s WHERE s.`owner` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_measures_delete` AFTER DELETE ON `measures` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'measure' AND `key` = OLD.`id`;
END;
--> statement-breakpoint
INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
SELECT (6 << 40) + row_number() OVER (ORDER BY s.`key`, s.`lang`), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
FROM `search_source_measure` s;
