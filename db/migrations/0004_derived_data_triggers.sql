-- Derived data (db/schema/derived.ts), kept in the writing transaction by triggers, and filled
-- from the history that exists already.
-- A published assessment (inserted as such, or moved to published) updates the current row of its
-- party, commitment and assessor when it is the newer one, drops the party's cached scores,
-- counts itself, and bumps the versions of the pages that show it.
CREATE TRIGGER `assessments_published_insert` AFTER INSERT ON `assessments`
WHEN NEW.`state` = 'published'
BEGIN
  INSERT INTO `current_assessments` (`party_slug`, `commitment_code`, `assessor`, `assessment_id`, `status`, `as_of`, `published_at`)
  VALUES (NEW.`party_slug`, NEW.`commitment_code`, NEW.`assessor`, NEW.`id`, NEW.`status`, NEW.`as_of`, NEW.`published_at`)
  ON CONFLICT (`party_slug`, `commitment_code`, `assessor`) DO UPDATE SET
    `assessment_id` = excluded.`assessment_id`, `status` = excluded.`status`, `as_of` = excluded.`as_of`, `published_at` = excluded.`published_at`
  WHERE (excluded.`as_of`, coalesce(excluded.`published_at`, ''), excluded.`assessment_id`)
      > (`current_assessments`.`as_of`, coalesce(`current_assessments`.`published_at`, ''), `current_assessments`.`assessment_id`);
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`party_slug`;
  UPDATE `published_totals` SET `assessments` = `assessments` + 1 WHERE `id` = 1;
  INSERT INTO `data_versions` (`scope`, `version`)
  SELECT `scope`, 1 FROM (
    SELECT 'assessments' AS `scope`
    UNION ALL SELECT 'party:' || NEW.`party_slug`
    UNION ALL SELECT 'instrument:' || `instrument_slug` FROM `commitments` WHERE `code` = NEW.`commitment_code`
    UNION ALL SELECT 'theme:' || `theme` FROM `commitments` WHERE `code` = NEW.`commitment_code`
  ) WHERE true
  ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `assessments_published_update` AFTER UPDATE OF `state` ON `assessments`
WHEN NEW.`state` = 'published' AND OLD.`state` IS NOT 'published'
BEGIN
  INSERT INTO `current_assessments` (`party_slug`, `commitment_code`, `assessor`, `assessment_id`, `status`, `as_of`, `published_at`)
  VALUES (NEW.`party_slug`, NEW.`commitment_code`, NEW.`assessor`, NEW.`id`, NEW.`status`, NEW.`as_of`, NEW.`published_at`)
  ON CONFLICT (`party_slug`, `commitment_code`, `assessor`) DO UPDATE SET
    `assessment_id` = excluded.`assessment_id`, `status` = excluded.`status`, `as_of` = excluded.`as_of`, `published_at` = excluded.`published_at`
  WHERE (excluded.`as_of`, coalesce(excluded.`published_at`, ''), excluded.`assessment_id`)
      > (`current_assessments`.`as_of`, coalesce(`current_assessments`.`published_at`, ''), `current_assessments`.`assessment_id`);
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`party_slug`;
  UPDATE `published_totals` SET `assessments` = `assessments` + 1 WHERE `id` = 1;
  INSERT INTO `data_versions` (`scope`, `version`)
  SELECT `scope`, 1 FROM (
    SELECT 'assessments' AS `scope`
    UNION ALL SELECT 'party:' || NEW.`party_slug`
    UNION ALL SELECT 'instrument:' || `instrument_slug` FROM `commitments` WHERE `code` = NEW.`commitment_code`
    UNION ALL SELECT 'theme:' || `theme` FROM `commitments` WHERE `code` = NEW.`commitment_code`
  ) WHERE true
  ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- A change in what applies to a party drops its cached scores (recomputed by refreshPartyScores).
CREATE TRIGGER `participations_scores_insert` AFTER INSERT ON `participations`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`party_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `participations_scores_delete` AFTER DELETE ON `participations`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = OLD.`party_slug`;
END;
--> statement-breakpoint
CREATE TRIGGER `participations_scores_update` AFTER UPDATE OF `party_slug`, `instrument_slug` ON `participations`
WHEN OLD.`party_slug` IS NOT NEW.`party_slug` OR OLD.`instrument_slug` IS NOT NEW.`instrument_slug`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` IN (OLD.`party_slug`, NEW.`party_slug`);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_scores_insert` AFTER INSERT ON `commitments`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`pledge_party_slug`
    OR `party_slug` IN (SELECT `party_slug` FROM `participations` WHERE `instrument_slug` = NEW.`instrument_slug`);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_scores_delete` AFTER DELETE ON `commitments`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = OLD.`pledge_party_slug`
    OR `party_slug` IN (SELECT `party_slug` FROM `participations` WHERE `instrument_slug` = OLD.`instrument_slug`);
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_scores_update` AFTER UPDATE OF `instrument_slug`, `theme`, `applicability`, `pledge_party_slug` ON `commitments`
WHEN OLD.`instrument_slug` IS NOT NEW.`instrument_slug` OR OLD.`theme` IS NOT NEW.`theme`
  OR OLD.`applicability` IS NOT NEW.`applicability` OR OLD.`pledge_party_slug` IS NOT NEW.`pledge_party_slug`
BEGIN
  DELETE FROM `party_scores` WHERE `party_slug` = OLD.`pledge_party_slug`
    OR `party_slug` IN (SELECT `party_slug` FROM `participations` WHERE `instrument_slug` = OLD.`instrument_slug`);
  DELETE FROM `party_scores` WHERE `party_slug` = NEW.`pledge_party_slug`
    OR `party_slug` IN (SELECT `party_slug` FROM `participations` WHERE `instrument_slug` = NEW.`instrument_slug`);
END;
--> statement-breakpoint
-- Any change in reference data bumps the `world` version: every cached page shows some of it.
-- An update that rewrites a row with the same values (the seed does, on every start) is no change.
CREATE TRIGGER `parties_world_insert` AFTER INSERT ON `parties`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `parties_world_update` AFTER UPDATE ON `parties`
WHEN (OLD.`slug`, OLD.`kind`, OLD.`iso3`, OLD.`iso2`, OLD.`iso_numeric`, OLD.`name_en`, OLD.`name_th`, OLD.`region`, OLD.`asean_member_since`, OLD.`asean_observer_since`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`slug`, NEW.`kind`, NEW.`iso3`, NEW.`iso2`, NEW.`iso_numeric`, NEW.`name_en`, NEW.`name_th`, NEW.`region`, NEW.`asean_member_since`, NEW.`asean_observer_since`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `parties_world_delete` AFTER DELETE ON `parties`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_world_insert` AFTER INSERT ON `instruments`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_world_update` AFTER UPDATE ON `instruments`
WHEN (OLD.`slug`, OLD.`short_name`, OLD.`title_en`, OLD.`title_th`, OLD.`summary_en`, OLD.`summary_th`, OLD.`type`, OLD.`legal_force`, OLD.`adopted_on`, OLD.`adopted_place`, OLD.`opened_for_signature_on`, OLD.`eif_threshold`, OLD.`eif_delay_days`, OLD.`eif_later_party_delay_days`, OLD.`eif_regional_orgs_count_extra`, OLD.`entered_into_force_on`, OLD.`eif_rule_note`, OLD.`sort_order`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`slug`, NEW.`short_name`, NEW.`title_en`, NEW.`title_th`, NEW.`summary_en`, NEW.`summary_th`, NEW.`type`, NEW.`legal_force`, NEW.`adopted_on`, NEW.`adopted_place`, NEW.`opened_for_signature_on`, NEW.`eif_threshold`, NEW.`eif_delay_days`, NEW.`eif_later_party_delay_days`, NEW.`eif_regional_orgs_count_extra`, NEW.`entered_into_force_on`, NEW.`eif_rule_note`, NEW.`sort_order`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `instruments_world_delete` AFTER DELETE ON `instruments`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participations_world_insert` AFTER INSERT ON `participations`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participations_world_update` AFTER UPDATE ON `participations`
WHEN (OLD.`id`, OLD.`party_slug`, OLD.`instrument_slug`, OLD.`action`, OLD.`acted_on`, OLD.`reservations`, OLD.`declarations`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`id`, NEW.`party_slug`, NEW.`instrument_slug`, NEW.`action`, NEW.`acted_on`, NEW.`reservations`, NEW.`declarations`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `participations_world_delete` AFTER DELETE ON `participations`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_world_insert` AFTER INSERT ON `commitments`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_world_update` AFTER UPDATE ON `commitments`
WHEN (OLD.`code`, OLD.`instrument_slug`, OLD.`reference`, OLD.`title_en`, OLD.`title_th`, OLD.`summary_en`, OLD.`summary_th`, OLD.`theme`, OLD.`applicability`, OLD.`pledge_party_slug`, OLD.`due_on`, OLD.`parent_code`, OLD.`sort_order`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`code`, NEW.`instrument_slug`, NEW.`reference`, NEW.`title_en`, NEW.`title_th`, NEW.`summary_en`, NEW.`summary_th`, NEW.`theme`, NEW.`applicability`, NEW.`pledge_party_slug`, NEW.`due_on`, NEW.`parent_code`, NEW.`sort_order`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `commitments_world_delete` AFTER DELETE ON `commitments`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conferences_world_insert` AFTER INSERT ON `conferences`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conferences_world_update` AFTER UPDATE ON `conferences`
WHEN (OLD.`slug`, OLD.`name_en`, OLD.`name_th`, OLD.`starts_on`, OLD.`ends_on`, OLD.`place_en`, OLD.`place_th`, OLD.`summary_en`, OLD.`summary_th`, OLD.`participant_count`, OLD.`country_count`, OLD.`count_note`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`slug`, NEW.`name_en`, NEW.`name_th`, NEW.`starts_on`, NEW.`ends_on`, NEW.`place_en`, NEW.`place_th`, NEW.`summary_en`, NEW.`summary_th`, NEW.`participant_count`, NEW.`country_count`, NEW.`count_note`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conferences_world_delete` AFTER DELETE ON `conferences`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_participants_world_insert` AFTER INSERT ON `conference_participants`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_participants_world_update` AFTER UPDATE ON `conference_participants`
WHEN (OLD.`conference_slug`, OLD.`party_slug`, OLD.`role`, OLD.`delegation_level`, OLD.`note`)
  IS NOT (NEW.`conference_slug`, NEW.`party_slug`, NEW.`role`, NEW.`delegation_level`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_participants_world_delete` AFTER DELETE ON `conference_participants`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_outcomes_world_insert` AFTER INSERT ON `conference_outcomes`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_outcomes_world_update` AFTER UPDATE ON `conference_outcomes`
WHEN (OLD.`conference_slug`, OLD.`instrument_slug`)
  IS NOT (NEW.`conference_slug`, NEW.`instrument_slug`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `conference_outcomes_world_delete` AFTER DELETE ON `conference_outcomes`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicators_world_insert` AFTER INSERT ON `indicators`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicators_world_update` AFTER UPDATE ON `indicators`
WHEN (OLD.`slug`, OLD.`party_slug`, OLD.`name_en`, OLD.`name_th`, OLD.`unit`, OLD.`description_en`, OLD.`description_th`)
  IS NOT (NEW.`slug`, NEW.`party_slug`, NEW.`name_en`, NEW.`name_th`, NEW.`unit`, NEW.`description_en`, NEW.`description_th`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicators_world_delete` AFTER DELETE ON `indicators`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_values_world_insert` AFTER INSERT ON `indicator_values`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_values_world_update` AFTER UPDATE ON `indicator_values`
WHEN (OLD.`id`, OLD.`indicator_slug`, OLD.`period_start`, OLD.`period_end`, OLD.`period_label`, OLD.`value`, OLD.`value_high`, OLD.`created_at`, OLD.`source_url`, OLD.`source_publisher`, OLD.`confidence`, OLD.`note`)
  IS NOT (NEW.`id`, NEW.`indicator_slug`, NEW.`period_start`, NEW.`period_end`, NEW.`period_label`, NEW.`value`, NEW.`value_high`, NEW.`created_at`, NEW.`source_url`, NEW.`source_publisher`, NEW.`confidence`, NEW.`note`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_values_world_delete` AFTER DELETE ON `indicator_values`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- Backfill from the history already there.
INSERT INTO `current_assessments` (`party_slug`, `commitment_code`, `assessor`, `assessment_id`, `status`, `as_of`, `published_at`)
SELECT `party_slug`, `commitment_code`, `assessor`, `id`, `status`, `as_of`, `published_at` FROM (
  SELECT `party_slug`, `commitment_code`, `assessor`, `id`, `status`, `as_of`, `published_at`,
    row_number() OVER (PARTITION BY `party_slug`, `commitment_code`, `assessor` ORDER BY `as_of` DESC, `published_at` DESC, `id` DESC) AS `rank`
  FROM `assessments` WHERE `state` = 'published'
) WHERE `rank` = 1;
--> statement-breakpoint
INSERT INTO `published_totals` (`id`, `assessments`) SELECT 1, count(*) FROM `assessments` WHERE `state` = 'published';
