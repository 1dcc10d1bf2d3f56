-- A data version for the translations table (src/lib/server/translations.ts keeps each
-- language's translations per process and reads them again only when it changes), and the
-- `world` version with it: every cached page in another language shows some translated text.
-- An update that rewrites a row with the same values (the seed does, on every start) is no change.
CREATE TRIGGER `translations_version_insert` AFTER INSERT ON `translations`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('translations', 1), ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `translations_version_update` AFTER UPDATE ON `translations`
WHEN (OLD.`entity`, OLD.`entity_key`, OLD.`field`, OLD.`locale`, OLD.`text`, OLD.`source`, OLD.`machine_assisted`)
  IS NOT (NEW.`entity`, NEW.`entity_key`, NEW.`field`, NEW.`locale`, NEW.`text`, NEW.`source`, NEW.`machine_assisted`)
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('translations', 1), ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `translations_version_delete` AFTER DELETE ON `translations`
BEGIN
  INSERT INTO `data_versions` (`scope`, `version`) VALUES ('translations', 1), ('world', 1) ON CONFLICT (`scope`) DO UPDATE SET `version` = `version` + 1;
END;
