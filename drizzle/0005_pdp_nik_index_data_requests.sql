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
CREATE INDEX `nik_index_digest_idx` ON `nik_index` (`digest`);