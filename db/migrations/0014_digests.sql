-- E-mail digests (issue 16, point 6). Each user's choice of digest (none, daily, weekly) and the
-- language of their messages; a user with no row has chosen nothing yet (a reviewer then gets
-- the daily digest of the review queue, anyone else none). One row per digest sent per user and
-- period (`2026-12-05` for a daily one, `2026-W49` for a weekly one): the row is claimed before
-- the message is sent, so that two runs of `npm run digests` never send one period twice.
CREATE TABLE `mail_preferences` (
	`user_id` text PRIMARY KEY NOT NULL REFERENCES `users`(`id`),
	`digest_frequency` text NOT NULL,
	`locale` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `digest_sends` (
	`user_id` text NOT NULL REFERENCES `users`(`id`),
	`frequency` text NOT NULL,
	`period` text NOT NULL,
	`state` text DEFAULT 'sending' NOT NULL,
	`item_count` integer NOT NULL,
	`message_id` text,
	`recipient` text NOT NULL,
	`claimed_at` text NOT NULL,
	`sent_at` text,
	PRIMARY KEY(`user_id`, `frequency`, `period`)
);
