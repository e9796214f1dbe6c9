/**
 * An application's id is a UUID made by the browser (or, without JavaScript, when the draft starts): the
 * same id names the draft, its documents and the application, and is the submission's idempotency key.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isApplicationId = (value: string) => UUID.test(value);
