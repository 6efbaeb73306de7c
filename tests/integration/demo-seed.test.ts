import { now } from "../../lib/clock";
import { todayIn } from "../../lib/domain/local-date";
import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { loadBankFacts, loadProgramFacts } from "../../lib/programs/facts";
import { unmetExitConditions } from "../../lib/domain/stages";
import { seedDemo } from "../../prisma/seed";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();

// The demo district is what a visitor sees first: its data must obey the same rules as data entered in the app.
describe("the demo seed", () => {
  it("seeds once; Ковалевская ООШ is at stage 6 with valid banks, two pairs by order and their first meetings", async () => {
    const prisma = db().prisma;
    expect((await seedDemo(prisma)).created).toBe(true);
    expect((await seedDemo(prisma)).created).toBe(false);
    const school = await prisma.organization.findUniqueOrThrow({ where: { slug: "kovalevskaya-oosh" } });
    const program = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: school.id } });
    const today = todayIn(school.timeZone, now());
    const [banks, facts] = await withDb({ organizationId: school.id }, async (tx) => [await loadBankFacts(tx, school.id, today), await loadProgramFacts(tx, school.id, program, today)] as const);
    expect(banks).toEqual({ menteesWithNeedsAndConsent: 3, mentorCandidatesWithConsent: 2, mentorsApprovedAndTrained: 2 });
    expect(facts.pairs).toEqual({ approvedByOrder: 2, approvedWithoutProgram: 0, activeWithoutFinalOrClosure: 2, feedbackCollected: false });
    // Stage 6 is in progress: final meetings and feedback are what is missing.
    expect(unmetExitConditions(facts).map((c) => c.code)).toEqual(expect.arrayContaining(["final-meetings", "feedback"]));
    expect(await prisma.meeting.count({ where: { organizationId: school.id } })).toBe(6);
  });
});
