-- Issue 10 (security hardening).
-- Everyone who wrote an assessment (created, edited or submitted it): the two-person rule
-- refuses a reviewer found here, and the public record names them all.
CREATE TABLE `assessment_writers` (
	`assessment_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`user_name` text NOT NULL,
	`first_action` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`assessment_id`, `user_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_writers_user_idx` ON `assessment_writers` (`user_id`);
--> statement-breakpoint
-- The authors first, then everyone the audit log shows writing to an assessment before now.
INSERT OR IGNORE INTO `assessment_writers` (`assessment_id`, `user_id`, `user_name`, `first_action`, `at`)
SELECT `id`, `author_id`, `author_name`, 'create', `created_at` FROM `assessments` WHERE `author_id` IS NOT NULL;
--> statement-breakpoint
INSERT OR IGNORE INTO `assessment_writers` (`assessment_id`, `user_id`, `user_name`, `first_action`, `at`)
SELECT CAST(`a`.`entity_id` AS integer), `a`.`actor_id`, coalesce(`u`.`name`, `a`.`actor_label`), substr(`a`.`action`, 12), `a`.`at`
FROM `audit_log` `a` LEFT JOIN `users` `u` ON `u`.`id` = `a`.`actor_id`
WHERE `a`.`entity_type` = 'assessment' AND `a`.`actor_id` IS NOT NULL
  AND `a`.`action` IN ('assessment.create', 'assessment.create_and_submit', 'assessment.update', 'assessment.submit')
  AND CAST(`a`.`entity_id` AS integer) IN (SELECT `id` FROM `assessments`)
ORDER BY `a`.`id`;
--> statement-breakpoint
-- Evidence of a published assessment is as immutable as the assessment.
CREATE TRIGGER `evidence_published_no_update` BEFORE UPDATE ON `evidence`
WHEN (SELECT `state` FROM `assessments` WHERE `id` = OLD.`assessment_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'evidence of a published assessment cannot be changed');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_published_no_delete` BEFORE DELETE ON `evidence`
WHEN (SELECT `state` FROM `assessments` WHERE `id` = OLD.`assessment_id`) = 'published'
BEGIN
  SELECT RAISE(ABORT, 'evidence of a published assessment cannot be deleted');
END;
--> statement-breakpoint
-- Personal API tokens expire. Tokens made before this migration get 90 days from now.
ALTER TABLE `api_tokens` ADD `expires_at` text;
--> statement-breakpoint
UPDATE `api_tokens` SET `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days') WHERE `expires_at` IS NULL;
--> statement-breakpoint
-- Repeated refusals from one client: one audit row per client, reason and window, and a count here.
CREATE TABLE `audit_refusal_windows` (
	`client` text NOT NULL,
	`reason` text NOT NULL,
	`window_start` integer NOT NULL,
	`audit_id` integer NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`client`, `reason`, `window_start`)
);
--> statement-breakpoint
CREATE INDEX `audit_refusal_windows_audit_idx` ON `audit_refusal_windows` (`audit_id`);
