CREATE TABLE `complaints` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`service_slug` text NOT NULL,
	`office_id` text NOT NULL,
	`application_id` text,
	`user_id` text,
	`contact_name` text,
	`contact_phone` text,
	`text` text NOT NULL,
	`names_officer` integer DEFAULT false NOT NULL,
	`officer_name` text,
	`status` text NOT NULL,
	`filed_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`answer` text,
	`answered_at` integer,
	`answered_by` text,
	`first_answered_on_time` integer,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`reopen_reason` text,
	`previous_answer` text,
	`solved_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`service_slug`) REFERENCES `services`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_code_unique` ON `complaints` (`code`);--> statement-breakpoint
CREATE INDEX `complaints_office_idx` ON `complaints` (`office_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `complaints_service_idx` ON `complaints` (`service_slug`,`filed_at`);--> statement-breakpoint
CREATE INDEX `complaints_user_idx` ON `complaints` (`user_id`);--> statement-breakpoint
CREATE TABLE `performance_durations` (
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`hours` integer NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_slug`, `month`, `hours`)
);
--> statement-breakpoint
CREATE TABLE `performance_months` (
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`received` integer DEFAULT 0 NOT NULL,
	`finished` integer DEFAULT 0 NOT NULL,
	`on_time` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_slug`, `month`)
);
--> statement-breakpoint
CREATE TABLE `survey_followups` (
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`text` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`service_slug`, `month`),
	FOREIGN KEY (`service_slug`) REFERENCES `services`(`slug`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `survey_invitations` (
	`application_id` text PRIMARY KEY NOT NULL,
	`token` text,
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`created_at` integer NOT NULL,
	`answered_at` integer,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_invitations_token_unique` ON `survey_invitations` (`token`);--> statement-breakpoint
CREATE TABLE `survey_months` (
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`respondents` integer DEFAULT 0 NOT NULL,
	`s1` integer DEFAULT 0 NOT NULL,
	`s2` integer DEFAULT 0 NOT NULL,
	`s3` integer DEFAULT 0 NOT NULL,
	`s4` integer DEFAULT 0 NOT NULL,
	`s5` integer DEFAULT 0 NOT NULL,
	`s6` integer DEFAULT 0 NOT NULL,
	`s7` integer DEFAULT 0 NOT NULL,
	`s8` integer DEFAULT 0 NOT NULL,
	`s9` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_slug`, `month`)
);
--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`service_slug` text NOT NULL,
	`month` text NOT NULL,
	`u1` integer NOT NULL,
	`u2` integer NOT NULL,
	`u3` integer NOT NULL,
	`u4` integer NOT NULL,
	`u5` integer NOT NULL,
	`u6` integer NOT NULL,
	`u7` integer NOT NULL,
	`u8` integer NOT NULL,
	`u9` integer NOT NULL,
	`age_band` text,
	`sex` text,
	`education` text,
	`occupation` text
);
--> statement-breakpoint
CREATE INDEX `survey_responses_service_month_idx` ON `survey_responses` (`service_slug`,`month`);--> statement-breakpoint
ALTER TABLE `applications` ADD `waited_ms` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `applications` ADD `finished_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `working_ms` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `on_time` integer;--> statement-breakpoint
CREATE INDEX `applications_open_idx` ON `applications` (`status`,`service_slug`,`due_at`,`paused_at`);--> statement-breakpoint
-- The /kinerja rollups follow the applications in the same transaction (schema.ts: performance_months).
-- Months are WITA (UTC+8); durations are whole working hours, rounded up (domain/performance.ts hoursBucket).
INSERT INTO `performance_months` (`service_slug`, `month`, `received`)
	SELECT `service_slug`, strftime('%Y-%m', (`submitted_at` + 28800000) / 1000, 'unixepoch'), count(*)
	FROM `applications` GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `performance_received` AFTER INSERT ON `applications`
BEGIN
	INSERT INTO `performance_months` (`service_slug`, `month`, `received`)
		VALUES (NEW.`service_slug`, strftime('%Y-%m', (NEW.`submitted_at` + 28800000) / 1000, 'unixepoch'), 1)
		ON CONFLICT (`service_slug`, `month`) DO UPDATE SET `received` = `received` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `performance_finished` AFTER UPDATE OF `finished_at` ON `applications`
	WHEN OLD.`finished_at` IS NULL AND NEW.`finished_at` IS NOT NULL
BEGIN
	INSERT INTO `performance_months` (`service_slug`, `month`, `finished`, `on_time`, `rejected`)
		VALUES (NEW.`service_slug`, strftime('%Y-%m', (NEW.`finished_at` + 28800000) / 1000, 'unixepoch'), 1,
			coalesce(NEW.`on_time`, 0), NEW.`status` = 'rejected')
		ON CONFLICT (`service_slug`, `month`) DO UPDATE SET `finished` = `finished` + 1,
			`on_time` = `on_time` + excluded.`on_time`, `rejected` = `rejected` + excluded.`rejected`;
	INSERT INTO `performance_durations` (`service_slug`, `month`, `hours`, `count`)
		VALUES (NEW.`service_slug`, strftime('%Y-%m', (NEW.`finished_at` + 28800000) / 1000, 'unixepoch'),
			(coalesce(NEW.`working_ms`, 0) + 3599999) / 3600000, 1)
		ON CONFLICT (`service_slug`, `month`, `hours`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `performance_removed` AFTER DELETE ON `applications`
BEGIN
	UPDATE `performance_months` SET `received` = `received` - 1
		WHERE `service_slug` = OLD.`service_slug` AND `month` = strftime('%Y-%m', (OLD.`submitted_at` + 28800000) / 1000, 'unixepoch');
	UPDATE `performance_months` SET `finished` = `finished` - 1, `on_time` = `on_time` - coalesce(OLD.`on_time`, 0),
		`rejected` = `rejected` - (OLD.`status` = 'rejected')
		WHERE OLD.`finished_at` IS NOT NULL AND `service_slug` = OLD.`service_slug`
			AND `month` = strftime('%Y-%m', (OLD.`finished_at` + 28800000) / 1000, 'unixepoch');
	UPDATE `performance_durations` SET `count` = `count` - 1
		WHERE OLD.`finished_at` IS NOT NULL AND `service_slug` = OLD.`service_slug`
			AND `month` = strftime('%Y-%m', (OLD.`finished_at` + 28800000) / 1000, 'unixepoch')
			AND `hours` = (coalesce(OLD.`working_ms`, 0) + 3599999) / 3600000;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_answered` AFTER INSERT ON `survey_responses`
BEGIN
	INSERT INTO `survey_months` (`service_slug`, `month`, `respondents`, `s1`, `s2`, `s3`, `s4`, `s5`, `s6`, `s7`, `s8`, `s9`)
		VALUES (NEW.`service_slug`, NEW.`month`, 1, NEW.`u1`, NEW.`u2`, NEW.`u3`, NEW.`u4`, NEW.`u5`, NEW.`u6`, NEW.`u7`, NEW.`u8`, NEW.`u9`)
		ON CONFLICT (`service_slug`, `month`) DO UPDATE SET `respondents` = `respondents` + 1,
			`s1` = `s1` + excluded.`s1`, `s2` = `s2` + excluded.`s2`, `s3` = `s3` + excluded.`s3`,
			`s4` = `s4` + excluded.`s4`, `s5` = `s5` + excluded.`s5`, `s6` = `s6` + excluded.`s6`,
			`s7` = `s7` + excluded.`s7`, `s8` = `s8` + excluded.`s8`, `s9` = `s9` + excluded.`s9`;
END;
