import { describe, expect, it } from "vitest";
import { now } from "../../lib/clock";
import { withDb } from "../../lib/db";
import { readPage, type TenantContext } from "../../lib/auth/tenant";
import { bankRefusal } from "../../lib/domain/banks";
import { isMinorOn } from "../../lib/domain/consent";
import { todayIn } from "../../lib/domain/local-date";
import { unmetExitConditions } from "../../lib/domain/stages";
import { loadHome } from "../../lib/home/queries";
import { getDistrictDashboard } from "../../lib/monitoring/queries";
import { loadProgramFacts } from "../../lib/programs/facts";
import { DEMO_LOGINS, seedDemo } from "../../prisma/seed";
import { DEMO_SCHOOLS } from "../../prisma/seed-district-table";
import { tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();

// Issue #19 item 5: the demo district of about twenty organizations. Every generated school's program is where
// the stage rules would have let it get: the exit condition of each stage it has passed holds on its data.
describe("the demo district", () => {
  it("has about twenty organizations at every stage; each program passed its earlier stages by the rules; last year's programs completed", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const district = await prisma.organization.findUniqueOrThrow({ where: { slug: "levokumsky" } });
    const schools = await prisma.organization.findMany({ where: { parentId: district.id }, include: { programs: true } });
    expect(schools.length).toBe(5 + DEMO_SCHOOLS.length);
    expect(new Set(schools.map((s) => s.schoolKind))).toEqual(new Set(["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"]));
    const today = todayIn(district.timeZone, now());
    const year = Math.max(...schools.flatMap((s) => s.programs.map((p) => p.academicYear)));
    const stages = schools.map((s) => s.programs.find((p) => p.academicYear === year)?.stage ?? 0);
    for (let stage = 0; stage <= 7; stage++) expect(stages, `stage ${stage}`).toContain(stage);

    for (const row of DEMO_SCHOOLS.filter((s) => s.stage > 0)) {
      const school = schools.find((s) => s.slug === row.slug)!;
      for (const program of school.programs) {
        const passed = program.status === "COMPLETED" ? 7 : program.stage - 1;
        expect(program.stage, row.slug).toBe(program.academicYear === year ? row.stage : 7);
        for (let stage = 1; stage <= passed; stage++) {
          const facts = await withDb({ organizationId: school.id }, (tx) => loadProgramFacts(tx, school.id, { ...program, stage }, today));
          expect(unmetExitConditions(facts), `${row.slug} ${program.academicYear}: stage ${stage}`).toEqual([]);
        }
      }
      expect(school.programs.some((p) => p.status === "COMPLETED"), row.slug).toBe(Boolean(row.lastYear));
    }

    // Everyone in a bank is there by a valid consent — a minor's given by a named legal representative.
    const entries = await prisma.person.findMany({
      where: { organizationId: { in: schools.map((s) => s.id) }, OR: [{ menteeProfile: { status: { not: "LEFT" } } }, { mentorProfile: { isNot: null } }] },
      include: { consents: true },
    });
    const minors = entries.filter((p) => isMinorOn({ birthDate: p.birthDate, flaggedMinor: p.minor }, today));
    expect(minors.length).toBeGreaterThan(0);
    for (const p of entries) expect(bankRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active, kind: p.kind }, p.consents, today), p.lastName).toBeNull();
    for (const p of minors) expect(p.consents.every((c) => c.givenBy === "REPRESENTATIVE" && c.representativeName)).toBe(true);

    // The methodist's dashboard: every organization, some lagging for their overdue activities, satisfaction from answers.
    const methodist = await prisma.membership.findFirstOrThrow({ where: { organizationId: district.id, role: "METHODIST" }, include: { user: true } });
    const ctx = tenantContext(district, methodist.user, ["METHODIST"]);
    const dashboard = await getDistrictDashboard(ctx, year);
    expect(dashboard.schools.length).toBe(schools.length);
    expect(dashboard.schools.filter((s) => s.reasons.some((r) => r.code === "overdue")).length).toBeGreaterThan(2);
    expect(dashboard.schools.filter((s) => !s.lagging).length + dashboard.schools.filter((s) => s.lagging).length).toBe(schools.length);
  });

  it("lands every demo mentor and mentee of a working school on their pair, with a program, meetings and a questionnaire to answer", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const home = async (email: string, slug: string, role: "MENTOR" | "MENTEE") => {
      const user = await prisma.user.findUniqueOrThrow({ where: { email } });
      const org = await prisma.organization.findUniqueOrThrow({ where: { slug } });
      const ctx: TenantContext = tenantContext(org, user, [role]);
      return readPage(ctx, (read) => loadHome(read));
    };
    const participants = DEMO_LOGINS.filter((l) => (l.roles.includes("MENTOR") || l.roles.includes("MENTEE")) && l.organization !== "sosh-20" && !l.roles.includes("CURATOR"));
    expect(participants.map((l) => l.email).sort()).toEqual(["mentee@kovalevskaya.demo", "mentee@sosh1.demo", "mentor@kovalevskaya.demo", "mentor@sosh1.demo"]);
    for (const login of participants) {
      const role = login.roles.includes("MENTOR") ? "MENTOR" : "MENTEE";
      const seen = await home(login.email, login.organization, role);
      expect(seen.myPairs!.linked, login.email).toBe(true);
      const working = seen.myPairs!.pairs.find((p) => p.status === "ACTIVE");
      expect(working, login.email).toBeDefined();
      expect(working!.lastMeetingOn, login.email).not.toBeNull();
      const personal = await prisma.personalProgram.findFirstOrThrow({ where: { pairId: working!.id } });
      expect(personal.status, login.email).toBe("APPROVED");
    }
    // СОШ № 1's pair: the mid-year feedback waits for both; the mentor also sees last year's completed pair.
    const mentor = await home("mentor@sosh1.demo", "sosh-1", "MENTOR");
    const mentee = await home("mentee@sosh1.demo", "sosh-1", "MENTEE");
    expect(mentor.myPairs!.pairs.find((p) => p.status === "ACTIVE")!.others).toEqual(["Кириенко Алина Сергеевна"]);
    expect(mentor.myPairs!.pairs.map((p) => p.status).sort()).toEqual(["ACTIVE", "COMPLETED"]);
    for (const seen of [mentor, mentee]) expect(seen.mySurveys!.map((s) => s.title)).toEqual(["Обратная связь участников: первое полугодие"]);
    const answered = await prisma.surveyRecipient.count({ where: { person: { user: { email: "mentee@sosh1.demo" } }, answeredAt: { not: null } } });
    expect(answered).toBeGreaterThan(0);

    // СОШ №20 is at stage 2: its mentor and mentee accounts are linked to their cards, with no pair yet.
    for (const [email, role] of [["mentor@sosh20.demo", "MENTOR"], ["mentee@sosh20.demo", "MENTEE"]] as const) {
      const seen = await home(email, "sosh-20", role);
      expect(seen.myPairs, email).toEqual({ linked: true, pairs: [] });
    }
  });
});
