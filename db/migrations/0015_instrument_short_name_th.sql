-- Thai short names of instruments (Thai pages showed the English short name). Null means the
-- English one serves; the seed fills the seeded instruments.
ALTER TABLE `instruments` ADD `short_name_th` text;
