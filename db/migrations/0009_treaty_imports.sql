CREATE TABLE `treaty_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instrument_slug` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`content` text NOT NULL,
	`content_digest` text NOT NULL,
	`diff` text NOT NULL,
	`source_url` text NOT NULL,
	`checked_on` text NOT NULL,
	`prepared_by` text NOT NULL,
	`prepared_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_comment` text,
	FOREIGN KEY (`instrument_slug`) REFERENCES `instruments`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prepared_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `treaty_imports_state_idx` ON `treaty_imports` (`state`,`id`);
