-- Truth of the record (issue 12): every fact row says when it was last checked; treaty actions
-- carry the depositary's notification reference; domestic steps on the way to a deposit and the
-- open questions of the record get tables of their own. Reservations and declarations stay in
-- their text columns, now holding a JSON array of {article, summaryEn, summaryTh}.
ALTER TABLE `parties` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `instruments` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `instruments` ADD `depositary_name` text;
--> statement-breakpoint
ALTER TABLE `instruments` ADD `depositary_hosts` text;
--> statement-breakpoint
ALTER TABLE `commitments` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `conferences` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `participations` ADD `checked_on` text;
--> statement-breakpoint
ALTER TABLE `participations` ADD `notification_ref` text;
--> statement-breakpoint
CREATE TABLE `domestic_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_slug` text NOT NULL,
	`instrument_slug` text NOT NULL,
	`step` text NOT NULL,
	`taken_on` text,
	`summary_en` text NOT NULL,
	`summary_th` text NOT NULL,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`confidence` text NOT NULL,
	`note` text,
	`checked_on` text,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `domestic_steps_unique` ON `domestic_steps` (`party_slug`,`instrument_slug`,`step`);
--> statement-breakpoint
CREATE INDEX `domestic_steps_instrument_idx` ON `domestic_steps` (`instrument_slug`);
--> statement-breakpoint
CREATE TABLE `open_questions` (
	`key` text PRIMARY KEY NOT NULL,
	`instrument_slug` text,
	`party_slug` text,
	`question_en` text NOT NULL,
	`question_th` text NOT NULL,
	`known_en` text NOT NULL,
	`known_th` text NOT NULL,
	`raised_on` text NOT NULL,
	`source_url` text NOT NULL,
	`source_publisher` text NOT NULL,
	`checked_on` text,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`party_slug`) REFERENCES `parties`(`slug`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Retracted by the December 2026 audit: Convention ratifications that no depositary records
-- (Qatar, Azerbaijan, Viet Nam, all "inferred") and Canada's unsourced signature. The seed never
-- deletes rows, so the correction of a database seeded earlier is made here, once.
DELETE FROM `participations`
WHERE `instrument_slug` = 'un-convention-against-cybercrime' AND `confidence` = 'inferred'
  AND ((`action` = 'ratification' AND `party_slug` IN ('qat', 'aze', 'vnm')) OR (`action` = 'signature' AND `party_slug` = 'can'));
--> statement-breakpoint
-- Indicator values retracted by the same audit: the "about 3" Convention ratifications and the
-- unsourced "76 signatories by May 2026".
DELETE FROM `indicator_values`
WHERE (`indicator_slug` = 'uncc-ratifications' AND `period_end` = '2026-05-31' AND `confidence` = 'inferred')
   OR (`indicator_slug` = 'uncc-signatories' AND `period_end` = '2026-05-31' AND `confidence` = 'inferred');
