CREATE TABLE `commitments` (
	`code` text PRIMARY KEY NOT NULL,
	`instrument_slug` text NOT NULL,
	`reference` text NOT NULL,
	`title_en` text NOT NULL,
	`title_th` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_th` text NOT NULL,
	`theme` text NOT NULL,
	`applicability` text NOT NULL,
	`pledge_party_slug` text,
	`due_on` text,
	`parent_code` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pledge_party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `commitments_instrument_idx` ON `commitments` (`instrument_slug`);--> statement-breakpoint
CREATE INDEX `commitments_theme_idx` ON `commitments` (`theme`);--> statement-breakpoint
CREATE TABLE `conference_outcomes` (
	`conference_slug` text NOT NULL,
	`instrument_slug` text NOT NULL,
	PRIMARY KEY(`conference_slug`, `instrument_slug`),
	FOREIGN KEY (`conference_slug`) REFERENCES `conferences`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `conference_participants` (
	`conference_slug` text NOT NULL,
	`party_slug` text NOT NULL,
	`role` text NOT NULL,
	`delegation_level` text,
	`note` text,
	PRIMARY KEY(`conference_slug`, `party_slug`),
	FOREIGN KEY (`conference_slug`) REFERENCES `conferences`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `conference_participants_party_idx` ON `conference_participants` (`party_slug`);--> statement-breakpoint
CREATE TABLE `conferences` (
	`slug` text PRIMARY KEY NOT NULL,
	`name_en` text NOT NULL,
	`name_th` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`place_en` text NOT NULL,
	`place_th` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_th` text NOT NULL,
	`participant_count` integer,
	`country_count` integer,
	`count_note` text,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`indicator_slug` text NOT NULL,
	`period_start` text,
	`period_end` text NOT NULL,
	`period_label` text NOT NULL,
	`value` real NOT NULL,
	`value_high` real,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text,
	FOREIGN KEY (`indicator_slug`) REFERENCES `indicators`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_period_unique` ON `indicator_values` (`indicator_slug`,`period_end`,`period_label`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`slug` text PRIMARY KEY NOT NULL,
	`party_slug` text,
	`name_en` text NOT NULL,
	`name_th` text NOT NULL,
	`unit` text NOT NULL,
	`description_en` text,
	`description_th` text,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `instruments` (
	`slug` text PRIMARY KEY NOT NULL,
	`short_name` text NOT NULL,
	`title_en` text NOT NULL,
	`title_th` text NOT NULL,
	`summary_en` text NOT NULL,
	`summary_th` text NOT NULL,
	`type` text NOT NULL,
	`legal_force` text NOT NULL,
	`adopted_on` text NOT NULL,
	`adopted_place` text NOT NULL,
	`opened_for_signature_on` text,
	`eif_threshold` integer,
	`eif_delay_days` integer,
	`eif_later_party_delay_days` integer,
	`eif_regional_orgs_count_extra` integer DEFAULT false NOT NULL,
	`entered_into_force_on` text,
	`eif_rule_note` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `participations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_slug` text NOT NULL,
	`instrument_slug` text NOT NULL,
	`action` text NOT NULL,
	`acted_on` text,
	`reservations` text,
	`declarations` text,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participations_unique` ON `participations` (`party_slug`,`instrument_slug`,`action`);--> statement-breakpoint
CREATE INDEX `participations_instrument_idx` ON `participations` (`instrument_slug`);--> statement-breakpoint
CREATE TABLE `parties` (
	`slug` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`iso3` text,
	`iso2` text,
	`iso_numeric` text,
	`name_en` text NOT NULL,
	`name_th` text NOT NULL,
	`region` text NOT NULL,
	`asean_member_since` text,
	`asean_observer_since` text,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parties_iso3_unique` ON `parties` (`iso3`);--> statement-breakpoint
CREATE INDEX `parties_kind_idx` ON `parties` (`kind`);--> statement-breakpoint
CREATE TABLE `assessments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_slug` text NOT NULL,
	`commitment_code` text NOT NULL,
	`status` text NOT NULL,
	`assessor` text NOT NULL,
	`as_of` text NOT NULL,
	`narrative_en` text NOT NULL,
	`narrative_th` text,
	`state` text DEFAULT 'draft' NOT NULL,
	`confidence` text DEFAULT 'confirmed' NOT NULL,
	`author_id` text,
	`author_name` text NOT NULL,
	`reviewer_id` text,
	`review_comment` text,
	`seed_key` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`submitted_at` text,
	`published_at` text,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`commitment_code`) REFERENCES `commitments`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessments_seed_key_unique` ON `assessments` (`seed_key`);--> statement-breakpoint
CREATE INDEX `assessments_party_published_idx` ON `assessments` (`party_slug`,`state`,`commitment_code`,`as_of`);--> statement-breakpoint
CREATE INDEX `assessments_commitment_published_idx` ON `assessments` (`commitment_code`,`state`,`as_of`);--> statement-breakpoint
CREATE INDEX `assessments_published_at_idx` ON `assessments` (`state`,`published_at`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assessment_id` integer NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`publisher` text NOT NULL,
	`published_on` text,
	`grade` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`assessment_id`) REFERENCES `assessments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_assessment_idx` ON `evidence` (`assessment_id`);