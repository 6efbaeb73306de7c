import { randomUUID } from "node:crypto";
import { createMember } from "../tests/factories";
import type { PrismaClient } from "../lib/db/generated/prisma/client";
import { DEMO_SCHOOLS, demoSchoolProfile } from "./seed-district-table";
import { demoName, type DemoName } from "./seed-people";
import { DemoRows, storyClock } from "./seed-rows";
import { writeSchoolStory, type StoryAccounts } from "./seed-school-story";

// The generated part of the demo district (issue #19 item 5): the organizations of prisma/seed-district-table.ts
// under the district office, each with its head's account (director@<login>.demo, the demo password) and this
// year's story at its stage (prisma/seed-school-story.ts), all rows written in one batch per table.

/** Organizations first (the demo logins of prisma/seed.ts belong to some of them): slug → id. */
export async function createDemoSchools(prisma: PrismaClient, districtId: string, timeZone: string): Promise<Map<string, string>> {
  const ids = new Map(DEMO_SCHOOLS.map((s) => [s.slug, randomUUID()]));
  await prisma.organization.createMany({
    data: DEMO_SCHOOLS.map((s, n) => ({ id: ids.get(s.slug)!, kind: "SCHOOL" as const, schoolKind: s.kind, slug: s.slug, name: s.name, shortName: s.shortName, parentId: districtId, timeZone, ...demoSchoolProfile(s, n) })),
  });
  return ids;
}

/**
 * Heads' accounts and the schools' stories. `users`: the demo accounts already made (email → user id),
 * reused — a school's featured curator runs its program, its featured mentor and mentee are linked to the
 * people of its first pair.
 */
export async function seedDemoSchools(
  prisma: PrismaClient,
  orgIds: Map<string, string>,
  users: Map<string, { id: string; name: string }>,
  clock: { year: number; today: Date; now: Date },
  password: string,
): Promise<void> {
  const story = storyClock(clock.year, clock.today, clock.now);
  const rows = new DemoRows();
  const counter = { n: 0 };
  const people = { counter, next: () => demoName(counter.n++) };
  const nameOf = (full: string): DemoName => {
    const [lastName, firstName, middleName] = full.split(" ");
    return { lastName: lastName!, firstName: firstName!, middleName: middleName ?? "" };
  };
  for (const school of DEMO_SCHOOLS) {
    const organizationId = orgIds.get(school.slug)!;
    const directorEmail = `director@${school.login}.demo`;
    const director = users.get(directorEmail)?.id ?? (await createMember(prisma, organizationId, ["DIRECTOR"], { email: directorEmail, name: school.head, password })).id;
    const curator = users.get(`curator@${school.login}.demo`)?.id ?? director;
    const account = (role: "mentor" | "mentee") => {
      const user = users.get(`${role}@${school.login}.demo`);
      return user ? { userId: user.id, name: nameOf(user.name) } : undefined;
    };
    const accounts: StoryAccounts = { ...(account("mentor") ? { mentor: account("mentor") } : {}), ...(account("mentee") ? { mentee: account("mentee") } : {}) };
    writeSchoolStory(rows, school, { id: organizationId, shortName: school.shortName }, { directorId: director, curatorId: curator }, story, people, accounts);
  }
  await rows.write(prisma);
}
