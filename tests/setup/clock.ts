import { afterAll, beforeAll } from "vitest";
import { resetClock, setClock } from "../../lib/clock";

/**
 * The day the suite's dated stories are set on: consents given on 05.09.2026, trainings in October,
 * orders and meetings in October–November of the 2026/2027 academic year. Such a story cannot happen
 * "as of" any day — on 1 September nothing of the new year has happened yet — so a file whose data is
 * written as calendar dates sets its clock to this day (decision 011). Files without dated stories follow
 * NASTAVNIK_NOW, and tests/integration/clock-boundaries.test.ts covers the boundary dates themselves.
 */
export const STORY_NOW = "2026-12-04T12:00:00+03:00";

/** Sets the app clock for the whole test file to `instant` (the story's day by default). */
export function pinClock(instant: string = STORY_NOW): void {
  beforeAll(() => setClock(instant));
  afterAll(() => resetClock());
}
