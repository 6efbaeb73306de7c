import type { DemoSchool } from "./seed-district-table";
import type { DemoRows, StoryClock } from "./seed-rows";
import type { StoryStaff } from "./seed-school-story";

// The local acts of stage 1 of a generated demo school's program (this year's or the year before's).

const STAGE_ONE_ACTS = [
  { kind: "REGULATION", n: 1, title: "Об утверждении Положения о программе наставничества" },
  { kind: "ROADMAP_APPROVAL", n: 2, title: "Об утверждении дорожной карты реализации программы наставничества" },
  { kind: "CURATOR_APPOINTMENT", n: 3, title: "О назначении куратора программы наставничества" },
] as const;

/** The three acts of stage 1, approved by the head on 1 September — or, with `actsPending`, the regulation only registered. */
export function writeStageOneActs(rows: DemoRows, school: DemoSchool, ids: { organizationId: string; programId: string }, staff: StoryStaff, clock: StoryClock, year = clock.year) {
  const date = new Date(Date.UTC(year, 8, 1));
  const approvedAt = new Date(Math.min(Date.UTC(year, 8, 1, 9), clock.now.getTime()));
  for (const act of STAGE_ONE_ACTS) {
    const pending = school.actsPending && year === clock.year;
    if (pending && act.kind !== "REGULATION") continue;
    rows.act.push({
      ...ids,
      kind: act.kind,
      number: `${act.n + 40}-од`,
      date,
      title: act.title,
      status: pending ? "REGISTERED" : "APPROVED",
      registeredById: staff.curatorId,
      ...(pending ? {} : { approvedById: staff.directorId, approvedAt }),
      publishedOnSite: act.kind !== "CURATOR_APPOINTMENT",
    });
  }
}
