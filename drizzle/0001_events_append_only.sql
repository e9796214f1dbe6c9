-- Application events are the record of what happened: never edited, never deleted.
CREATE TRIGGER `application_events_no_update` BEFORE UPDATE ON `application_events`
BEGIN
	SELECT RAISE(ABORT, 'application_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `application_events_no_delete` BEFORE DELETE ON `application_events`
BEGIN
	SELECT RAISE(ABORT, 'application_events is append-only');
END;
