import { describe, expect, it } from "vitest";
import { listMenteesPage, listMentorsPage, MenteeBankSearchInput } from "../../lib/banks/queries";
import { AuditSearchInput, listAuditPage } from "../../lib/members/queries";
import { listPairsPage, loadPairsPage, PairsSearchInput } from "../../lib/pairs/queries";
import { createMember, createPairRow, createPeopleRows, createProgramRow } from "../factories";
import { createStaffedSchool } from "../setup/factories";
import { tenantContext } from "../setup/call";
import { setupTestDatabase } from "../setup/database";
import { pad4 as pad } from "../setup/files";

// Issue #19 item 1: a school's large lists — the banks, the pairs, the audit log — come a page at a time from the
// database, filtered and sorted there, with the count of all that match; the same search finds nothing of another
// school's, and «%», «_», «\» are letters.
const db = setupTestDatabase();

/** A school (named «Школа» unless told) with its curator and head, and their request contexts. */
async function school(name = "Школа") {
  const s = await createStaffedSchool(db().prisma, { name });
  return { ...s, ctx: tenantContext(s, s.curator, ["CURATOR"]), asDirector: tenantContext(s, s.director, ["DIRECTOR"]) };
}

/** Teachers of the school with these last names (written as rows: the lists are what is tested); their ids in that order. */
const people = (organizationId: string, lastNames: string[]) => createPeopleRows(db().prisma, organizationId, lastNames.map((lastName) => ({ lastName })));

describe("the banks, a page at a time", () => {
  it("mentees: 250 rows, pages of 100, the counts of the whole bank, filters, orders, sensitive fields only for those who may", { timeout: 120_000 }, async () => {
    const s = await school();
    const names = [...Array.from({ length: 250 }, (_, i) => `Фамилия${pad(i)}`), "100%_Особая\\"];
    const ids = await people(s.id, names);
    await db().prisma.menteeProfile.createMany({
      data: ids.map((personId, i) => ({
        organizationId: s.id, personId, addedById: s.curator.id, category: "YOUNG_SPECIALIST" as const, source: "QUESTIONNAIRE" as const, difficulties: ["discipline"],
        status: i % 5 === 0 ? ("LEFT" as const) : ("WAITING" as const),
        approvedAt: i % 2 === 0 ? new Date("2026-01-10T00:00:00Z") : null,
      })),
    });
    const first = await listMenteesPage(s.ctx, {});
    expect(first).toMatchObject({ total: 251, page: 1, pages: 3, from: 0, to: 100, counts: { active: 200, left: 51 } });
    expect(first.rows).toHaveLength(100);
    // The default order: by status (waiting first), then by name.
    expect(first.rows[0]!.status).toBe("WAITING");
    expect(first.rows[0]!.person.lastName).toBe("Фамилия0001");
    expect(first.rows[0]!.difficulties).toEqual(["discipline"]);
    // A page past the last is the last; by name both ways.
    expect(await listMenteesPage(s.ctx, { page: 99 })).toMatchObject({ page: 3, from: 200, to: 251 });
    // («100%_Особая\» comes first: digits before letters.)
    const byName = await listMenteesPage(s.ctx, { sort: "name", page: 2 });
    expect(byName.rows.map((r) => r.person.lastName)).toEqual(Array.from({ length: 100 }, (_, i) => `Фамилия${pad(99 + i)}`));
    expect((await listMenteesPage(s.ctx, { sort: "-name" })).rows[0]!.person.lastName).toBe("Фамилия0249");
    // Filters: the status, the head's approval (awaiting = not approved and not left), a name.
    const left = await listMenteesPage(s.ctx, { status: "LEFT" });
    expect(left.total).toBe(51);
    expect(left.rows.every((r) => r.status === "LEFT")).toBe(true);
    expect((await listMenteesPage(s.ctx, { approval: "awaiting" })).total).toBe(100);
    expect((await listMenteesPage(s.ctx, { approval: "approved", status: "WAITING" })).total).toBe(100);
    expect((await listMenteesPage(s.ctx, { q: "фамилия0007 анна" })).rows.map((r) => r.person.lastName)).toEqual(["Фамилия0007"]);
    // «%», «_» and «\» are letters, not patterns: only the one name that has them.
    for (const q of ["%", "_", "\\", "100%_"]) expect((await listMenteesPage(s.ctx, { q })).rows.map((r) => r.person.lastName), q).toEqual(["100%_Особая\\"]);
    // The approved ones sorted by approval: those not approved first.
    expect((await listMenteesPage(s.ctx, { sort: "approval" })).rows[0]!.approvedAt).toBeNull();
    // The director sees the bank without the sensitive fields.
    const director = await listMenteesPage(s.asDirector, { q: "Фамилия0001" });
    expect(director).toMatchObject({ total: 1, sensitive: false });
    expect(director.rows[0]).toMatchObject({ category: null, difficulties: [], request: null });
  });

  it("mentors: pages, status and capacity orders, a name", async () => {
    const s = await school();
    const ids = await people(s.id, Array.from({ length: 120 }, (_, i) => `Наставник${pad(i)}`));
    const statuses = ["CANDIDATE", "TRAINED", "APPROVED", "LEFT"] as const;
    await db().prisma.mentorProfile.createMany({ data: ids.map((personId, i) => ({ organizationId: s.id, personId, addedById: s.curator.id, capacity: (i % 4) + 1, status: statuses[i % 4]! })) });
    const first = await listMentorsPage(s.ctx, {});
    expect(first).toMatchObject({ total: 120, pages: 2, counts: { active: 90, left: 30 } });
    expect(first.rows.map((r) => r.status).slice(0, 30)).toEqual(Array(30).fill("CANDIDATE"));
    expect((await listMentorsPage(s.ctx, { page: 2 })).rows).toHaveLength(20);
    const roomiest = await listMentorsPage(s.ctx, { sort: "-capacity" });
    expect(roomiest.rows.slice(0, 30).every((r) => r.capacity === 4)).toBe(true);
    expect((await listMentorsPage(s.ctx, { status: "APPROVED" })).rows.every((r) => r.status === "APPROVED")).toBe(true);
    expect((await listMentorsPage(s.ctx, { q: "наставник0119" })).rows.map((r) => r.person.lastName)).toEqual(["Наставник0119"]);
  });

  it("sees only its own school's bank entries, whatever the search", async () => {
    const a = await school("Своя школа");
    const b = await school("Чужая школа");
    const [own] = await people(a.id, ["Своя"]);
    const [foreign] = await people(b.id, ["Чужая"]);
    const mentee = (organizationId: string, personId: string, addedById: string) => ({ organizationId, personId, addedById, category: "GROWTH" as const, source: "CLASS_TEACHER" as const });
    await db().prisma.menteeProfile.createMany({ data: [mentee(a.id, own!, a.curator.id), mentee(b.id, foreign!, b.curator.id)] });
    await db().prisma.mentorProfile.createMany({ data: [{ organizationId: a.id, personId: own!, addedById: a.curator.id }, { organizationId: b.id, personId: foreign!, addedById: b.curator.id }] });
    expect((await listMenteesPage(a.ctx, {})).rows.map((r) => r.person.lastName)).toEqual(["Своя"]);
    expect(await listMenteesPage(a.ctx, { q: "Чужая" })).toMatchObject({ total: 0, rows: [] });
    expect((await listMentorsPage(a.ctx, {})).rows.map((r) => r.person.lastName)).toEqual(["Своя"]);
    expect((await listMentorsPage(a.ctx, {})).counts).toEqual({ active: 1, left: 0 });
  });

  it("reads its search from the address: empty is «any», anything else malformed is refused", () => {
    expect(MenteeBankSearchInput.parse({ q: "", approval: "", status: "", sort: "", page: "" })).toEqual({});
    expect(MenteeBankSearchInput.parse({ q: " Петров ", approval: "awaiting", status: "LEFT", sort: "-name", page: "2" })).toEqual({ q: "Петров", approval: "awaiting", status: "LEFT", sort: "-name", page: 2 });
    for (const bad of [{ status: "PAIRED'--" }, { sort: "person.lastName" }, { page: "abc" }, { page: "9999999" }]) expect(MenteeBankSearchInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe("the pairs list, a page at a time", () => {
  it("60 decided pairs in pages of 50, the proposed ones in the inbox only; filters by status and by either name; never another school's", { timeout: 120_000 }, async () => {
    const prisma = db().prisma;
    const s = await school();
    const program = await createProgramRow(prisma, s.id, { academicYear: 2025, title: "Программа", audience: "TEACHERS", stage: 6 });
    const mentorIds = await people(s.id, Array.from({ length: 66 }, (_, i) => `Наставник${pad(i)}`));
    const menteeIds = await people(s.id, [...Array.from({ length: 66 }, (_, i) => `Подопечный${pad(i)}`), "Ожидающий"]);
    await prisma.mentorProfile.createMany({ data: mentorIds.map((personId) => ({ organizationId: s.id, personId, addedById: s.curator.id, status: "APPROVED" as const })) });
    await prisma.menteeProfile.createMany({ data: menteeIds.map((personId) => ({ organizationId: s.id, personId, addedById: s.curator.id, category: "YOUNG_SPECIALIST" as const, source: "QUESTIONNAIRE" as const })) });
    const mentors = await prisma.mentorProfile.findMany({ where: { organizationId: s.id }, select: { id: true, person: { select: { lastName: true } } } });
    const mentees = await prisma.menteeProfile.findMany({ where: { organizationId: s.id }, select: { id: true, person: { select: { lastName: true } } } });
    const mentorOf = (i: number) => mentors.find((m) => m.person.lastName === `Наставник${pad(i)}`)!.id;
    const menteeOf = (i: number) => mentees.find((m) => m.person.lastName === `Подопечный${pad(i)}`)!.id;
    // 60 decided (ACTIVE, then COMPLETED every third), 6 proposed.
    for (let i = 0; i < 66; i++) {
      const status = i >= 60 ? "PROPOSED" : i % 3 === 0 ? "COMPLETED" : "ACTIVE";
      await createPairRow(prisma, { organizationId: s.id, programId: program.id, mentorId: mentorOf(i), proposedById: s.curator.id, status, menteeIds: [menteeOf(i)], createdAt: new Date(Date.UTC(2025, 8, 1, 0, i)) });
    }
    const first = await listPairsPage(s.ctx, program.id, {});
    expect(first).toMatchObject({ total: 60, page: 1, pages: 2, from: 0, to: 50 });
    expect(first.rows.every((p) => p.status !== "PROPOSED")).toBe(true);
    // The default order: as they were made.
    expect(first.rows[0]!.mentorName).toBe("Наставник0000 Анна");
    expect((await listPairsPage(s.ctx, program.id, { page: 7 })).rows.map((p) => p.mentorName)).toEqual(Array.from({ length: 10 }, (_, i) => `Наставник${pad(50 + i)} Анна`));
    expect((await listPairsPage(s.ctx, program.id, { sort: "-mentor" })).rows[0]!.mentorName).toBe("Наставник0059 Анна");
    expect((await listPairsPage(s.ctx, program.id, { status: "COMPLETED" })).total).toBe(20);
    // A mentee's name finds the pair; a proposed pair is not in this list even by name.
    expect((await listPairsPage(s.ctx, program.id, { q: "подопечный0042" })).rows.map((p) => p.menteeNames)).toEqual([["Подопечный0042 Анна"]]);
    expect((await listPairsPage(s.ctx, program.id, { q: "наставник0017" })).rows.map((p) => p.mentorName)).toEqual(["Наставник0017 Анна"]);
    expect((await listPairsPage(s.ctx, program.id, { q: "подопечный0061" })).total).toBe(0);
    expect((await listPairsPage(s.ctx, program.id, { q: "%" })).total).toBe(0);
    // The rest of the page: the inbox holds the proposed pairs; a mentee in a proposed or live pair of the program is
    // not waiting (those of the 20 completed pairs, still marked waiting here, are).
    const page = await loadPairsPage(s.ctx, { withMentors: true });
    expect(page!.proposed).toHaveLength(6);
    expect(page!.proposed.every((p) => p.status === "PROPOSED")).toBe(true);
    const waiting = page!.waiting.map((m) => m.name);
    expect(waiting).toHaveLength(21);
    expect(waiting).toContain("Ожидающий Анна");
    expect(waiting).toContain("Подопечный0003 Анна");
    expect(waiting).not.toContain("Подопечный0001 Анна");
    expect(waiting).not.toContain("Подопечный0061 Анна");
    // Another school, even given this program's id, sees none of its pairs.
    const other = await school("Чужая школа");
    expect(await listPairsPage(other.ctx, program.id, {})).toMatchObject({ total: 0, rows: [] });
    expect(await loadPairsPage(other.ctx, { withMentors: true })).toBeNull();
    expect(PairsSearchInput.safeParse({ status: "PROPOSED" }).success).toBe(false);
  });
});

describe("the audit log, a page at a time", () => {
  it("newest first in pages of 100; by action, by who, by days in the school's zone; never another school's", { timeout: 120_000 }, async () => {
    const prisma = db().prisma;
    const s = await school();
    const other = await school("Чужая школа");
    const ivanova = await createMember(prisma, s.id, ["CURATOR"], { name: "Иванова Ольга" });
    // 150 records a minute apart from 1 March 2026 21:00 UTC (2 March 00:00 in Moscow): every tenth an acceptance.
    const start = Date.UTC(2026, 2, 1, 21, 0);
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 150 }, (_, i) => ({
        organizationId: s.id, actorId: i % 10 === 0 ? ivanova.id : s.curator.id, action: i % 10 === 0 ? "invitation.accept" : "people.create", createdAt: new Date(start + i * 60_000), data: { n: i },
      })),
    });
    await prisma.auditEvent.createMany({ data: [{ organizationId: s.id, actorId: s.curator.id, action: "people.update", createdAt: new Date(Date.UTC(2026, 2, 1, 20, 59)) }] });
    await prisma.auditEvent.createMany({ data: [{ organizationId: other.id, actorId: other.curator.id, action: "pairs.approve", createdAt: new Date(start) }] });

    const first = await listAuditPage(s.ctx, {});
    expect(first).toMatchObject({ total: 151, page: 1, pages: 2, from: 0, to: 100 });
    expect(first.rows[0]!.data).toEqual({ n: 149 });
    expect(first.actions).toEqual(["invitation.accept", "people.create", "people.update"]);
    const oldest = await listAuditPage(s.ctx, { sort: "time" });
    expect(oldest.rows[0]!.action).toBe("people.update");
    expect((await listAuditPage(s.ctx, { page: 2 })).rows).toHaveLength(51);
    // By action and by who.
    const accepted = await listAuditPage(s.ctx, { action: "invitation.accept" });
    expect(accepted.total).toBe(15);
    expect(accepted.rows.every((e) => e.actor?.name === "Иванова Ольга")).toBe(true);
    expect((await listAuditPage(s.ctx, { q: "иванова" })).total).toBe(15);
    expect((await listAuditPage(s.ctx, { q: "%" })).total).toBe(0);
    // Days are the school's (Moscow): 1 March holds the record of 23:59 only; 2 March the 150 from midnight on.
    expect((await listAuditPage(s.ctx, { from: "2026-03-01", to: "2026-03-01" })).rows.map((e) => e.action)).toEqual(["people.update"]);
    expect((await listAuditPage(s.ctx, { from: "2026-03-02" })).total).toBe(150);
    expect((await listAuditPage(s.ctx, { to: "2026-03-02", from: "2026-03-03" })).total).toBe(0);
    // Another school's action is neither listed nor offered.
    expect((await listAuditPage(s.ctx, { action: "pairs.approve" })).total).toBe(0);
    expect((await listAuditPage(other.ctx, {})).rows.map((e) => e.action)).toEqual(["pairs.approve"]);
    for (const bad of [{ from: "2026-02-30" }, { to: "yesterday" }, { action: "x'; DROP" }, { sort: "-actor" }]) expect(AuditSearchInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
