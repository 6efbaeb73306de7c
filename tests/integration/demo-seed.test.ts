import { now } from "../../lib/clock";
import { todayIn } from "../../lib/domain/local-date";
import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { loadBankFacts, loadProgramFacts } from "../../lib/programs/facts";
import { unmetExitConditions } from "../../lib/domain/stages";
import { checkInn, checkOgrn } from "../../lib/domain/requisites";
import { seedDemo } from "../../prisma/seed";
import { DEMO_SCHOOLS } from "../../prisma/seed-district-table";
import { setupTestDatabase } from "../setup/database";
import type { TenantContext } from "../../lib/auth/tenant";
import { pairOrderDocument } from "../../lib/pairs/order-document";

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
    expect(facts.pairs).toEqual({ approvedByOrder: 2, approvedWithoutProgram: 0, programsNotApproved: 0, activeWithoutFinalOrClosure: 2, feedbackCollected: false });
    // Stage 6 is in progress: final meetings and feedback are what is missing.
    expect(unmetExitConditions(facts).map((c) => c.code)).toEqual(expect.arrayContaining(["final-meetings", "feedback"]));
    expect(await prisma.meeting.count({ where: { organizationId: school.id } })).toBe(6);
    // Its pairs order cites consents that exist: the participants' and the mentors' consents to additional duties.
    const order = await prisma.pairOrder.findFirstOrThrow({ where: { organizationId: school.id } });
    const director = await prisma.membership.findFirstOrThrow({ where: { organizationId: school.id, role: "DIRECTOR" } });
    const ctx = { user: { id: director.userId }, organization: { id: school.id, slug: school.slug }, roles: ["DIRECTOR"] } as unknown as TenantContext;
    const doc = await pairOrderDocument(ctx, order.id);
    expect(doc?.ok, doc && !doc.ok ? doc.missing.join("; ") : "").toBe(true);
    if (doc?.ok) expect(doc.document.appendix!.rows.every((r) => /согласие на доп\. работу от/.test(r.at(-1)!))).toBe(true);
  });

  it("gives every organization requisites with valid ИНН/ОГРН, and a kindergarten with a curator and no program yet", async () => {
    const prisma = db().prisma;
    await seedDemo(prisma);
    const orgs = await prisma.organization.findMany({ orderBy: { slug: "asc" } });
    const first = ["ds-rodnichok", "ds-solnyshko", "kovalevskaya-oosh", "levokumsky", "sosh-14", "sosh-20", "stavropolsky-krai"];
    // The district's other organizations come from the table of prisma/seed-district-table.ts (issue #19 item 5).
    expect(orgs.map((o) => o.slug).sort()).toEqual([...first, ...DEMO_SCHOOLS.map((s) => s.slug)].sort());
    for (const org of orgs) {
      expect(checkInn(org.inn ?? ""), org.slug).toMatchObject({ ok: true });
      expect(checkOgrn(org.ogrn ?? ""), org.slug).toMatchObject({ ok: true });
      for (const field of ["place", "address", "phone", "email", "headName"] as const) expect(org[field], `${org.slug}.${field}`).toBeTruthy();
    }
    expect(new Set(orgs.map((o) => o.inn)).size).toBe(orgs.length);
    const ds3 = orgs.find((o) => o.slug === "ds-rodnichok")!;
    expect(ds3).toMatchObject({ kind: "SCHOOL", schoolKind: "KINDERGARTEN", headPosition: null, headName: "Гончарова Светлана Викторовна" });
    const roles = await prisma.membership.findMany({ where: { organizationId: ds3.id }, select: { role: true, user: { select: { email: true } } }, orderBy: { role: "asc" } });
    expect(roles.map((m) => `${m.role} ${m.user.email}`)).toEqual(["DIRECTOR director@ds3.demo", "CURATOR curator@ds3.demo"]);
    expect(await prisma.mentoringProgram.count({ where: { organizationId: ds3.id } })).toBe(0);
  });
});
