-- What each assessment rests on (src/domain/basis.ts `assessmentBasis`, in SQL): an official
-- or legal source among its evidence or among the official sources of the published measures
-- it cites; otherwise media only (it has evidence or cited published measures, and every
-- piece of evidence is media); otherwise other. Used by the triggers below, by the rebuild
-- and by `npm run db:check` (src/lib/server/derived-data.ts).
CREATE VIEW `assessment_bases` AS
SELECT a.`id` AS `assessment_id`,
  CASE
    WHEN EXISTS (SELECT 1 FROM `evidence` e WHERE e.`assessment_id` = a.`id` AND e.`grade` IN ('law', 'official'))
      OR EXISTS (SELECT 1 FROM `assessment_measures` am
        JOIN `measures` m ON m.`id` = am.`measure_id` AND +m.`state` = 'published'
        JOIN `measure_sources` s ON s.`measure_id` = m.`id` AND s.`role` = 'official'
        WHERE am.`assessment_id` = a.`id`)
      THEN 'law_or_official'
    WHEN NOT EXISTS (SELECT 1 FROM `evidence` e WHERE e.`assessment_id` = a.`id` AND e.`grade` <> 'media')
      AND (EXISTS (SELECT 1 FROM `evidence` e WHERE e.`assessment_id` = a.`id`)
        OR EXISTS (SELECT 1 FROM `assessment_measures` am JOIN `measures` m ON m.`id` = am.`measure_id` AND +m.`state` = 'published' WHERE am.`assessment_id` = a.`id`))
      THEN 'media_only'
    ELSE 'other'
  END AS `basis`
FROM `assessments` a;
--> statement-breakpoint
-- The basis of each current assessment, kept with its row: a scorecard counts the basis of
-- every current assessment of its party, and read this way it is one range of the primary key
-- instead of two lookups per row.
ALTER TABLE `current_assessments` ADD `basis` text DEFAULT 'other' NOT NULL;
--> statement-breakpoint
-- A row that comes in, or moves to another assessment, takes that assessment's basis.
CREATE TRIGGER `current_assessments_basis_insert` AFTER INSERT ON `current_assessments`
BEGIN
  UPDATE `current_assessments` SET `basis` = (SELECT `basis` FROM `assessment_bases` WHERE `assessment_id` = NEW.`assessment_id`)
  WHERE `party_slug` = NEW.`party_slug` AND `commitment_code` = NEW.`commitment_code` AND `assessor` = NEW.`assessor`;
END;
--> statement-breakpoint
CREATE TRIGGER `current_assessments_basis_update` AFTER UPDATE OF `assessment_id` ON `current_assessments`
BEGIN
  UPDATE `current_assessments` SET `basis` = (SELECT `basis` FROM `assessment_bases` WHERE `assessment_id` = NEW.`assessment_id`)
  WHERE `party_slug` = NEW.`party_slug` AND `commitment_code` = NEW.`commitment_code` AND `assessor` = NEW.`assessor`;
END;
--> statement-breakpoint
-- Evidence added to a published assessment after it (an importer writes the assessment first).
-- Evidence of a published assessment is never changed or deleted (migration 0005), nor are its
-- cited measures (0007); those of a draft do not reach current rows until it is published.
CREATE TRIGGER `evidence_basis_insert` AFTER INSERT ON `evidence`
BEGIN
  UPDATE `current_assessments` SET `basis` = (SELECT `basis` FROM `assessment_bases` WHERE `assessment_id` = NEW.`assessment_id`)
  WHERE (`party_slug`, `commitment_code`, `assessor`) = (SELECT `party_slug`, `commitment_code`, `assessor` FROM `assessments` WHERE `id` = NEW.`assessment_id`)
    AND `assessment_id` = NEW.`assessment_id`;
END;
--> statement-breakpoint
-- A measure published after an assessment that cites it: its official sources now count.
-- Published measures never change again (migration 0007).
CREATE TRIGGER `measures_basis_published` AFTER UPDATE OF `state` ON `measures`
WHEN NEW.`state` = 'published' AND OLD.`state` IS NOT 'published'
BEGIN
  UPDATE `current_assessments` SET `basis` = (SELECT `basis` FROM `assessment_bases` WHERE `assessment_id` = `current_assessments`.`assessment_id`)
  WHERE (`party_slug`, `commitment_code`, `assessor`, `assessment_id`) IN (
    SELECT a.`party_slug`, a.`commitment_code`, a.`assessor`, a.`id`
    FROM `assessment_measures` am JOIN `assessments` a ON a.`id` = am.`assessment_id`
    WHERE am.`measure_id` = NEW.`id`);
END;
--> statement-breakpoint
UPDATE `current_assessments` SET `basis` = (SELECT `basis` FROM `assessment_bases` WHERE `assessment_id` = `current_assessments`.`assessment_id`);
