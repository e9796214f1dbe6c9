/**
 * What a service page says before its full Standar Pelayanan: the three facts a resident asks first
 * (what to bring, how long, what it costs), as questions with short answers. One wording place for the
 * page (a later translation reads it); the facts themselves come from the service's record.
 */
import { m } from '../paraglide/messages.js';

export const servicePageWording = {
	get factsTitle() { return m.public_service_facts_title(); },
	get bring() { return m.public_service_bring(); },
	get bringIntro() { return m.public_service_bring_intro(); },
	get optional() { return m.public_service_optional(); },
	get howLong() { return m.public_service_how_long(); },
	within: (sla: string) => m.public_service_within({ sla }),
	get clock() { return m.public_service_clock(); },
	get inPerson() { return m.public_service_in_person(); },
	get fee() { return m.public_service_fee(); },
	get neverPay() { return m.public_service_never_pay(); },
	get start() { return m.public_service_start(); },
	get forResident() { return m.public_service_for_resident(); },
	get standardTitle() { return m.public_service_standard_title(); },
	get listenWhat() { return m.public_service_listen_what(); }
} as const;
