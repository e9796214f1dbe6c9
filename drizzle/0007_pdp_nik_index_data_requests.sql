CREATE TABLE `data_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`status` text NOT NULL,
	`answer` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_requests_user_idx` ON `data_requests` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `data_requests_status_idx` ON `data_requests` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `nik_index` (
	`digest` text NOT NULL,
	`application_id` text NOT NULL,
	`field_key` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nik_index_unique` ON `nik_index` (`application_id`,`field_key`);--> statement-breakpoint
CREATE INDEX `nik_index_digest_idx` ON `nik_index` (`digest`);--> statement-breakpoint
-- Events stay append-only. The one edit allowed: re-sealing, under a new data key (scripts/rotate-key.ts),
-- the answers a resubmission carries; every other column and the documents stay as they were, the same
-- answer keys, and every non-empty value sealed ('pdp1:…').
DROP TRIGGER IF EXISTS `application_events_no_update`;
--> statement-breakpoint
CREATE TRIGGER `application_events_no_update` BEFORE UPDATE ON `application_events`
WHEN NOT (
	NEW.`id` IS OLD.`id` AND NEW.`application_id` IS OLD.`application_id` AND NEW.`actor_id` IS OLD.`actor_id`
	AND NEW.`type` IS OLD.`type` AND NEW.`from_status` IS OLD.`from_status` AND NEW.`to_status` IS OLD.`to_status`
	AND NEW.`note` IS OLD.`note` AND NEW.`visible_to_citizen` IS OLD.`visible_to_citizen` AND NEW.`created_at` IS OLD.`created_at`
	AND OLD.`type` = 'resubmitted'
	AND json_extract(NEW.`data`, '$.documents') IS json_extract(OLD.`data`, '$.documents')
	AND (SELECT group_concat(`key`) FROM json_each(NEW.`data`, '$.answers')) IS (SELECT group_concat(`key`) FROM json_each(OLD.`data`, '$.answers'))
	AND NOT EXISTS (SELECT 1 FROM json_each(NEW.`data`, '$.answers') WHERE `value` <> '' AND `value` NOT LIKE 'pdp1:%')
)
BEGIN
	SELECT RAISE(ABORT, 'application_events is append-only');
END;
