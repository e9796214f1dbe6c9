ALTER TABLE `offices` ADD `translations` text;--> statement-breakpoint
ALTER TABLE `services` ADD `translations` text;