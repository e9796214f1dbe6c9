ALTER TABLE `offices` ADD `document_number` text DEFAULT '{kode}/{tahun}' NOT NULL;--> statement-breakpoint
ALTER TABLE `results` ADD `applicant_name` text;--> statement-breakpoint
ALTER TABLE `results` ADD `details` text;--> statement-breakpoint
ALTER TABLE `services` ADD `issued` text;--> statement-breakpoint
-- Data for databases made before this migration (a fresh database is seeded from the catalogue instead).
-- Each office's document number format, as the catalogue seeds it.
UPDATE `offices` SET `document_number` = '474/{kode}/Disdukcapil/{tahun}' WHERE `id` = 'disdukcapil';--> statement-breakpoint
UPDATE `offices` SET `document_number` = '503/{kode}/DPMPTSP/{tahun}' WHERE `id` = 'dpmptsp';--> statement-breakpoint
-- What the two services with an issued document show.
UPDATE `services` SET `issued` = '{"holder":"child_name","shows":["child_sex","child_birth_place","child_birth_date","child_birth_order","mother_name","father_name"]}' WHERE `slug` = 'akta-kelahiran' AND `issued` IS NULL;--> statement-breakpoint
UPDATE `services` SET `issued` = '{"shows":["business_name","business_address","nib"]}' WHERE `slug` = 'izin-usaha' AND `issued` IS NULL;--> statement-breakpoint
-- Requirements were plain strings keyed by position; each becomes { id: 'rN', text, required } in place,
-- so the ticks stored as `syarat-N` move to `rN`, the same item.
UPDATE `services` SET `standard` = json_set(`standard`, '$.requirements', (
	SELECT json_group_array(json_object('id', 'r' || (`key` + 1), 'text', `value`, 'required',
		json(CASE WHEN `value` LIKE 'Tidak perlu%' OR `value` LIKE 'Dilaporkan%' THEN 'false' ELSE 'true' END)))
	FROM json_each(`standard`, '$.requirements')))
	WHERE json_type(`standard`, '$.requirements[0]') = 'text';--> statement-breakpoint
UPDATE `applications` SET `checklist` = (
	SELECT json_group_object('r' || substr(`key`, 8), json(CASE WHEN `value` THEN 'true' ELSE 'false' END))
	FROM json_each(`applications`.`checklist`) WHERE `key` LIKE 'syarat-%')
	WHERE `checklist` LIKE '%syarat-%';
