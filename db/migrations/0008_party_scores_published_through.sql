ALTER TABLE `party_scores` ADD `published_through` text;--> statement-breakpoint
UPDATE `party_scores` SET `published_through` = (
  SELECT max(coalesce(c.`published_at`, c.`as_of`)) FROM `current_assessments` c WHERE c.`party_slug` = `party_scores`.`party_slug`
);
