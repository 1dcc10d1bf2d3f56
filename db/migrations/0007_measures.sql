-- Measures register (issue 13): a party's laws, decrees, institutions, programmes, agreements and
-- operations, with dated steps, sources, and the commitments each serves (the crosswalk).
CREATE TABLE `measures` (
	`id` text PRIMARY KEY NOT NULL,
	`party_slug` text NOT NULL REFERENCES `parties`(`slug`),
	`kind` text NOT NULL,
	`title_en` text NOT NULL,
	`title_th` text,
	`title_original` text,
	`original_language` text,
	`summary_en` text NOT NULL,
	`summary_th` text,
	`current_step` text,
	`disputed_en` text,
	`disputed_th` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`reviewer_id` text,
	`review_comment` text,
	`seed_key` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`submitted_at` text,
	`published_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `measures_seed_key_unique` ON `measures` (`seed_key`);
--> statement-breakpoint
CREATE INDEX `measures_party_idx` ON `measures` (`party_slug`, `state`, `kind`);
--> statement-breakpoint
CREATE INDEX `measures_published_idx` ON `measures` (`state`, `published_at`, `id`);
--> statement-breakpoint
CREATE TABLE `measure_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` text NOT NULL REFERENCES `measures`(`id`),
	`step` text NOT NULL,
	`date` text NOT NULL,
	`source_url` text NOT NULL,
	`source_title` text,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`checked_on` text,
	`note` text,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `measure_steps_measure_idx` ON `measure_steps` (`measure_id`, `position`);
--> statement-breakpoint
CREATE TABLE `measure_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`measure_id` text NOT NULL REFERENCES `measures`(`id`),
	`role` text NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`checked_on` text,
	`note` text,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `measure_sources_measure_idx` ON `measure_sources` (`measure_id`, `position`);
--> statement-breakpoint
CREATE TABLE `measure_commitments` (
	`measure_id` text NOT NULL REFERENCES `measures`(`id`),
	`commitment_code` text NOT NULL REFERENCES `commitments`(`code`),
	`extent` text NOT NULL,
	`note_en` text,
	`note_th` text,
	PRIMARY KEY(`measure_id`, `commitment_code`)
);
--> statement-breakpoint
CREATE INDEX `measure_commitments_commitment_idx` ON `measure_commitments` (`commitment_code`, `measure_id`);
--> statement-breakpoint
CREATE TABLE `assessment_measures` (
	`assessment_id` integer NOT NULL REFERENCES `assessments`(`id`),
	`measure_id` text NOT NULL REFERENCES `measures`(`id`),
	PRIMARY KEY(`assessment_id`, `measure_id`)
);
--> statement-breakpoint
CREATE INDEX `assessment_measures_measure_idx` ON `assessment_measures` (`measure_id`);
--> statement-breakpoint
CREATE TABLE `research_notes` (
	`party_slug` text PRIMARY KEY NOT NULL REFERENCES `parties`(`slug`),
	`checked_on` text NOT NULL,
	`note_en` text NOT NULL,
	`note_th` text,
	`not_found` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `evidence` ADD `confidence` text;
--> statement-breakpoint
ALTER TABLE `evidence` ADD `checked_on` text;
--> statement-breakpoint
-- Which kinds of party a commitment binds: states only, companies and platforms, or all.
ALTER TABLE `commitments` ADD `party_kinds` text DEFAULT 'all' NOT NULL;
--> statement-breakpoint
-- Published measures are history like published assessments: never changed nor deleted, and neither
-- are their steps, sources and crosswalk links.
CREATE TRIGGER `measures_published_immutable` BEFORE UPDATE ON `measures`
WHEN OLD.`state` = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measures_no_delete_published` BEFORE DELETE ON `measures`
WHEN OLD.`state` = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be deleted');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_steps_published_insert` BEFORE INSERT ON `measure_steps`
WHEN (SELECT `state` FROM `measures` WHERE `id` = NEW.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_steps_published_update` BEFORE UPDATE ON `measure_steps`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_steps_published_delete` BEFORE DELETE ON `measure_steps`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_sources_published_insert` BEFORE INSERT ON `measure_sources`
WHEN (SELECT `state` FROM `measures` WHERE `id` = NEW.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_sources_published_update` BEFORE UPDATE ON `measure_sources`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_sources_published_delete` BEFORE DELETE ON `measure_sources`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_commitments_published_insert` BEFORE INSERT ON `measure_commitments`
WHEN (SELECT `state` FROM `measures` WHERE `id` = NEW.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_commitments_published_update` BEFORE UPDATE ON `measure_commitments`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `measure_commitments_published_delete` BEFORE DELETE ON `measure_commitments`
WHEN (SELECT `state` FROM `measures` WHERE `id` = OLD.`measure_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published measure cannot be changed');
END;
--> statement-breakpoint
-- An assessment's cited measures are part of it: fixed once it is published.
CREATE TRIGGER `assessment_measures_published_insert` BEFORE INSERT ON `assessment_measures`
WHEN (SELECT `state` FROM `assessments` WHERE `id` = NEW.`assessment_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published assessment cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `assessment_measures_published_delete` BEFORE DELETE ON `assessment_measures`
WHEN (SELECT `state` FROM `assessments` WHERE `id` = OLD.`assessment_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'a published assessment cannot be changed');
END;
--> statement-breakpoint
-- A published measure shows on its party's pages and on every commitment page it serves.
CREATE TRIGGER `measures_published_versions` AFTER UPDATE OF `state` ON `measures`
WHEN NEW.`state` = 'published' AND OLD.`state` IS NOT 'published'
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`)
  SELECT `scope`, 1 FROM (
    SELECT 'measures' AS `scope`
    UNION ALL SELECT 'party:' || NEW.`party_slug`
  ) WHERE true
  ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- A change in which kinds of party a commitment binds changes who it applies to: drop their cached scores.
CREATE TRIGGER `commitments_scores_party_kinds` AFTER UPDATE OF `party_kinds` ON `commitments`
WHEN OLD.`party_kinds` IS NOT NEW.`party_kinds`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`pledge_party_slug`
    OR `party_slug` IN (SELECT `party_slug` FROM `participations` WHERE `instrument_slug` = NEW.`instrument_slug`);
END;
--> statement-breakpoint
-- A party's research note shows on its scorecard.
CREATE TRIGGER `research_notes_versions_insert` AFTER INSERT ON `research_notes`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('party:' || NEW.`party_slug`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `research_notes_versions_update` AFTER UPDATE ON `research_notes`
WHEN (OLD.`checked_on`, OLD.`note_en`, OLD.`note_th`, OLD.`not_found`) IS NOT (NEW.`checked_on`, NEW.`note_en`, NEW.`note_th`, NEW.`not_found`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('party:' || NEW.`party_slug`, 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
