ALTER TABLE `services` ADD `consent_by` text DEFAULT 'resident' NOT NULL;--> statement-breakpoint
-- Data for databases made before this migration (a fresh database is seeded from the catalogue instead):
-- a birth certificate is a child's document, so a parent consents, as the catalogue defines it.
UPDATE `services` SET `consent_by` = 'parent' WHERE `slug` = 'akta-kelahiran';
