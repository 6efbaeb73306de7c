// The dates tests write: a calendar day as the database stores it (UTC midnight), an instant from its ISO text.
// Shared by the unit tests beside lib/ and the integration tests, so that no file writes its own.

/** The calendar day `2026-09-05` as a Date at UTC midnight (how a date column and the rules hold it). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The calendar day of year, month (1–12) and day, at UTC midnight. */
export const dayOf = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));

/** The instant an ISO text names (`2026-09-05T08:00:00+03:00`). */
export const at = (iso: string) => new Date(iso);
