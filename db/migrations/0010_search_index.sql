-- Full-text search over published data (src/lib/server/queries/search.ts, db/schema/search.ts).
-- `search_documents` holds one row per thing found (kind, key) and language, with the text to
-- search; `search_fts` is its FTS5 index (external content, trigram tokenizer: Thai has no
-- spaces between words, so terms match as substrings, in every language alike).
-- Each kind's row ids live in their own band (kind number << 40), so that a search reads one
-- kind's matches by a rowid range, newest first, and stops after a bounded number.
-- Each kind is one view (`search_source_<kind>`: what to index, published data only) and one
-- trigger set that re-reads the view for the rows a write touched, in the writing transaction.
CREATE TABLE `search_documents` (
  `id` integer PRIMARY KEY NOT NULL,
  `kind` text NOT NULL,
  `key` text NOT NULL,
  `lang` text NOT NULL,
  `party_slug` text,
  `instrument_slug` text,
  `title` text NOT NULL,
  `body` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_documents_key_unique` ON `search_documents` (`kind`, `key`, `lang`);
--> statement-breakpoint
CREATE INDEX `search_documents_party_idx` ON `search_documents` (`party_slug`, `kind`);
--> statement-breakpoint
CREATE TABLE `search_kinds` (
  `kind` text PRIMARY KEY NOT NULL,
  `band` integer NOT NULL UNIQUE
);
--> statement-breakpoint
INSERT INTO `search_kinds` (`kind`, `band`) VALUES ('party', 1), ('instrument', 2), ('commitment', 3), ('assessment', 4), ('evidence', 5);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(`title`, `body`, content='search_documents', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER `search_documents_ai` AFTER INSERT ON `search_documents` BEGIN
  INSERT INTO `search_fts` (`rowid`, `title`, `body`) VALUES (NEW.`id`, NEW.`title`, NEW.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_ad` AFTER DELETE ON `search_documents` BEGIN
  INSERT INTO `search_fts` (`search_fts`, `rowid`, `title`, `body`) VALUES ('delete', OLD.`id`, OLD.`title`, OLD.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_au` AFTER UPDATE ON `search_documents` BEGIN
  INSERT INTO `search_fts` (`search_fts`, `rowid`, `title`, `body`) VALUES ('delete', OLD.`id`, OLD.`title`, OLD.`body`);
  INSERT INTO `search_fts` (`rowid`, `title`, `body`) VALUES (NEW.`id`, NEW.`title`, NEW.`body`);
END;
--> statement-breakpoint
-- What each kind indexes: (kind, key, lang, party_slug, instrument_slug, title, body[, owner]).
-- lang '' marks text in no one language (evidence titles are kept as published).
CREATE VIEW `search_source_party` AS
  SELECT 'party' AS `kind`, `slug` AS `key`, 'en' AS `lang`, `slug` AS `party_slug`, NULL AS `instrument_slug`, `name_en` AS `title`, trim(coalesce(`iso3`, '') || ' ' || `slug`) AS `body` FROM `parties`
  UNION ALL
  SELECT 'party', `slug`, 'th', `slug`, NULL, `name_th`, trim(coalesce(`iso3`, '') || ' ' || `slug`) FROM `parties`;
--> statement-breakpoint
CREATE VIEW `search_source_instrument` AS
  SELECT 'instrument' AS `kind`, `slug` AS `key`, 'en' AS `lang`, NULL AS `party_slug`, `slug` AS `instrument_slug`, `title_en` AS `title`, `short_name` || ' ' || `summary_en` AS `body` FROM `instruments`
  UNION ALL
  SELECT 'instrument', `slug`, 'th', NULL, `slug`, `title_th`, `short_name` || ' ' || `summary_th` FROM `instruments`;
--> statement-breakpoint
CREATE VIEW `search_source_commitment` AS
  SELECT 'commitment' AS `kind`, `code` AS `key`, 'en' AS `lang`, `pledge_party_slug` AS `party_slug`, `instrument_slug`, `title_en` AS `title`, `code` || ' ' || `reference` || ' ' || `summary_en` AS `body` FROM `commitments`
  UNION ALL
  SELECT 'commitment', `code`, 'th', `pledge_party_slug`, `instrument_slug`, `title_th`, `code` || ' ' || `reference` || ' ' || `summary_th` FROM `commitments`;
--> statement-breakpoint
CREATE VIEW `search_source_assessment` AS
  SELECT 'assessment' AS `kind`, CAST(a.`id` AS text) AS `key`, 'en' AS `lang`, a.`party_slug`, c.`instrument_slug`, '' AS `title`, a.`narrative_en` AS `body`, a.`id` AS `owner`
  FROM `assessments` a JOIN `commitments` c ON c.`code` = a.`commitment_code` WHERE a.`state` = 'published'
  UNION ALL
  SELECT 'assessment', CAST(a.`id` AS text), 'th', a.`party_slug`, c.`instrument_slug`, '', a.`narrative_th`, a.`id`
  FROM `assessments` a JOIN `commitments` c ON c.`code` = a.`commitment_code` WHERE a.`state` = 'published' AND coalesce(a.`narrative_th`, '') <> '';
--> statement-breakpoint
CREATE VIEW `search_source_evidence` AS
  SELECT 'evidence' AS `kind`, CAST(e.`id` AS text) AS `key`, '' AS `lang`, a.`party_slug`, c.`instrument_slug`, e.`title`, e.`publisher` AS `body`, a.`id` AS `owner`
  FROM `evidence` e JOIN `assessments` a ON a.`id` = e.`assessment_id` JOIN `commitments` c ON c.`code` = a.`commitment_code` WHERE a.`state` = 'published';
--> statement-breakpoint
-- A new row's id: the next free one in its kind's band.
CREATE VIEW `search_next_id` AS
  SELECT k.`kind`, coalesce((SELECT max(d.`id`) FROM `search_documents` d WHERE d.`id` >= (k.`band` << 40) AND d.`id` < ((k.`band` + 1) << 40)), k.`band` << 40) + 1 AS `id`
  FROM `search_kinds` k;
--> statement-breakpoint
CREATE TRIGGER `search_parties_insert` AFTER INSERT ON `parties` BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'party') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_party` s WHERE s.`key` = NEW.`slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_parties_update` AFTER UPDATE ON `parties` BEGIN
  UPDATE `search_documents` SET `key` = s.`key`, `party_slug` = s.`party_slug`, `instrument_slug` = s.`instrument_slug`, `title` = s.`title`, `body` = s.`body`
  FROM `search_source_party` s WHERE `search_documents`.`kind` = 'party' AND `search_documents`.`key` = OLD.`slug` AND s.`key` = NEW.`slug` AND s.`lang` = `search_documents`.`lang`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_parties_delete` AFTER DELETE ON `parties` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'party' AND `key` = OLD.`slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_instruments_insert` AFTER INSERT ON `instruments` BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'instrument') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_instrument` s WHERE s.`key` = NEW.`slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_instruments_update` AFTER UPDATE ON `instruments` BEGIN
  UPDATE `search_documents` SET `key` = s.`key`, `party_slug` = s.`party_slug`, `instrument_slug` = s.`instrument_slug`, `title` = s.`title`, `body` = s.`body`
  FROM `search_source_instrument` s WHERE `search_documents`.`kind` = 'instrument' AND `search_documents`.`key` = OLD.`slug` AND s.`key` = NEW.`slug` AND s.`lang` = `search_documents`.`lang`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_instruments_delete` AFTER DELETE ON `instruments` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'instrument' AND `key` = OLD.`slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_commitments_insert` AFTER INSERT ON `commitments` BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'commitment') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_commitment` s WHERE s.`key` = NEW.`code`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_commitments_update` AFTER UPDATE ON `commitments` BEGIN
  UPDATE `search_documents` SET `key` = s.`key`, `party_slug` = s.`party_slug`, `instrument_slug` = s.`instrument_slug`, `title` = s.`title`, `body` = s.`body`
  FROM `search_source_commitment` s WHERE `search_documents`.`kind` = 'commitment' AND `search_documents`.`key` = OLD.`code` AND s.`key` = NEW.`code` AND s.`lang` = `search_documents`.`lang`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_commitments_delete` AFTER DELETE ON `commitments` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'commitment' AND `key` = OLD.`code`;
END;
--> statement-breakpoint
-- An assessment enters the index when it is published (inserted as such or moved to it),
-- with its evidence; any later write to it re-reads the view (published ones are never changed).
CREATE TRIGGER `search_assessments_insert` AFTER INSERT ON `assessments` WHEN NEW.`state` = 'published' BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'assessment') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_assessment` s WHERE s.`owner` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_assessments_update` AFTER UPDATE ON `assessments` WHEN NEW.`state` = 'published' OR OLD.`state` = 'published' BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'assessment' AND `key` = CAST(OLD.`id` AS text);
  DELETE FROM `search_documents` WHERE `kind` = 'evidence' AND `key` IN (SELECT CAST(`id` AS text) FROM `evidence` WHERE `assessment_id` = OLD.`id`);
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'assessment') + row_number() OVER (ORDER BY s.`lang`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_assessment` s WHERE s.`owner` = NEW.`id`;
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'evidence') + row_number() OVER (ORDER BY s.`key`) - 1, s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_evidence` s WHERE s.`owner` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_assessments_delete` AFTER DELETE ON `assessments` WHEN OLD.`state` = 'published' BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'assessment' AND `key` = CAST(OLD.`id` AS text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_insert` AFTER INSERT ON `evidence` BEGIN
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'evidence'), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_evidence` s WHERE s.`key` = CAST(NEW.`id` AS text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_update` AFTER UPDATE ON `evidence` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'evidence' AND `key` = CAST(OLD.`id` AS text);
  INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
  SELECT (SELECT `id` FROM `search_next_id` WHERE `kind` = 'evidence'), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
  FROM `search_source_evidence` s WHERE s.`key` = CAST(NEW.`id` AS text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_evidence_delete` AFTER DELETE ON `evidence` BEGIN
  DELETE FROM `search_documents` WHERE `kind` = 'evidence' AND `key` = CAST(OLD.`id` AS text);
END;
--> statement-breakpoint
-- What exists already.
INSERT INTO `search_documents` (`id`, `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body`)
SELECT (k.`band` << 40) + row_number() OVER (PARTITION BY s.`kind` ORDER BY s.`key`, s.`lang`), s.`kind`, s.`key`, s.`lang`, s.`party_slug`, s.`instrument_slug`, s.`title`, s.`body`
FROM (
  SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_party`
  UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_instrument`
  UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_commitment`
  UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_assessment`
  UNION ALL SELECT `kind`, `key`, `lang`, `party_slug`, `instrument_slug`, `title`, `body` FROM `search_source_evidence`
) s JOIN `search_kinds` k ON k.`kind` = s.`kind`;
