CREATE TABLE `current_assessments` (
	`party_slug` text NOT NULL,
	`commitment_code` text NOT NULL,
	`assessor` text NOT NULL,
	`assessment_id` integer NOT NULL,
	`status` text NOT NULL,
	`as_of` text NOT NULL,
	`published_at` text,
	PRIMARY KEY(`party_slug`, `commitment_code`, `assessor`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `current_assessments_commitment_idx` ON `current_assessments` (`commitment_code`,`party_slug`,`assessor`);--> statement-breakpoint
CREATE TABLE `data_versions` (
	`scope` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `party_scores` (
	`party_slug` text NOT NULL,
	`scope` text NOT NULL,
	`scope_key` text DEFAULT '' NOT NULL,
	`assessor` text NOT NULL,
	`score` real,
	`rated` integer NOT NULL,
	`applicable` integer NOT NULL,
	`commitments` integer NOT NULL,
	`valid_from` text,
	`methodology_version` text NOT NULL,
	PRIMARY KEY(`party_slug`, `scope`, `scope_key`, `assessor`)
);
--> statement-breakpoint
CREATE INDEX `party_scores_scope_idx` ON `party_scores` (`scope`,`scope_key`);--> statement-breakpoint
CREATE TABLE `published_totals` (
	`id` integer PRIMARY KEY NOT NULL,
	`assessments` integer NOT NULL,
	CONSTRAINT "published_totals_one_row" CHECK("published_totals"."id" = 1)
);
--> statement-breakpoint
DROP INDEX `assessments_party_published_idx`;--> statement-breakpoint
DROP INDEX `assessments_commitment_published_idx`;--> statement-breakpoint
CREATE INDEX `assessments_party_latest_idx` ON `assessments` (`party_slug`,`state`,`commitment_code`,`assessor`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `assessments_commitment_latest_idx` ON `assessments` (`commitment_code`,`state`,`party_slug`,`assessor`,`as_of`,`published_at`);--> statement-breakpoint
CREATE INDEX `assessments_party_timeline_idx` ON `assessments` (`party_slug`,`state`,`as_of`);