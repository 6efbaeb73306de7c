import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { closePair } from "../../lib/pairs/actions";
import { revokeConsent } from "../../lib/people/actions";
import { cancelLeaving, recordLeaving, setHiredOn } from "../../lib/people/employment-actions";
import { produceReport } from "../../lib/monitoring/report";
import { loadSchoolFigures } from "../../lib/monitoring/school";
import { as, call, callOk, tenantContext } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { addStaff, createApprovedPairs, createConsent, createConsentedPerson, createMentee, createMentor, createSchool } from "../setup/factories";
import { day } from "../setup/dates";

// Issue #16 item 4: hire and leaving dates of a person's card, the rules of leaving, and the young specialists'
// retention on the school's dashboard and in its report. The story is dated in 2026/2027 (pinClock).

const db = setupTestDatabase();
pinClock();
const personRow = (id: string) => db().prisma.person.findUniqueOrThrow({ where: { id }, select: { active: true, inactiveReason: true, hiredOn: true, leftOn: true, leaveReason: true, leaveNote: true } });

describe("hire and leaving dates", () => {
  it("a hire date after today is refused; one is stored and cleared", async () => {
    const s = await createSchool(db().prisma);
    const personId = await createConsentedPerson(s);
    const future = await call(setHiredOn, as(s.curator), { org: s.slug, personId, hiredOn: "2026-12-05" });
    expect(!future.ok && future.error.fieldErrors?.hiredOn).toEqual(["Дата приёма не может быть позже сегодняшнего дня."]);
    await callOk(setHiredOn, as(s.curator), { org: s.slug, personId, hiredOn: "2026-08-28" });
    expect((await personRow(personId)).hiredOn).toEqual(day("2026-08-28"));
    await callOk(setHiredOn, as(s.curator), { org: s.slug, personId, hiredOn: "" });
    expect((await personRow(personId)).hiredOn).toBeNull();
  });

  it("a leaving is refused while the person is in a working pair, before the hire date, after today, or «Другое» without a note; nothing is written", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentor = await createMentor(s);
    const mentee = await createMentee(s);
    const [pairId] = await createApprovedPairs(s, [{ mentorId: mentor.mentorId, menteeIds: [mentee.menteeId] }]);
    await callOk(setHiredOn, as(s.curator), { org: s.slug, personId: mentee.personId, hiredOn: "2026-09-01" });
    const leave = (extra: Record<string, string> = {}) => call(recordLeaving, as(s.curator), { org: s.slug, personId: mentee.personId, leftOn: "2026-11-30", reason: "RELOCATION", ...extra });

    const inPair = await leave();
    expect(!inPair.ok && inPair.error.message).toBe("Человек состоит в действующих парах (1): сначала завершите или расформируйте их.");
    const pair = await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId }, select: { version: true } });
    await callOk(closePair, as(s.curator), { org: s.slug, pairId: pairId!, version: pair.version, outcome: "DISSOLVED", reason: "Наставляемая переезжает" });

    expect(await leave({ leftOn: "2026-08-31" })).toMatchObject({ ok: false, error: { fieldErrors: { leftOn: ["Дата выбытия не может быть раньше даты приёма."] } } });
    expect(await leave({ leftOn: "2026-12-05" })).toMatchObject({ ok: false, error: { fieldErrors: { leftOn: ["Дата выбытия не может быть позже сегодняшнего дня."] } } });
    expect(await leave({ reason: "OTHER" })).toMatchObject({ ok: false, error: { fieldErrors: { note: ["Поясните причину выбытия."] } } });
    expect(await personRow(mentee.personId)).toMatchObject({ active: true, leftOn: null });

    await callOk(recordLeaving, as(s.curator), { org: s.slug, personId: mentee.personId, leftOn: "2026-11-30", reason: "RELOCATION", note: "в Ставрополь" });
    expect(await personRow(mentee.personId)).toEqual({
      active: false,
      inactiveReason: "Выбыл(а) 30.11.2026: Переезд (в Ставрополь)",
      hiredOn: day("2026-09-01"),
      leftOn: day("2026-11-30"),
      leaveReason: "RELOCATION",
      leaveNote: "в Ставрополь",
    });
    // Out of the banks, as after a revoked consent.
    expect(await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: mentee.menteeId }, select: { status: true, leftReason: true } })).toEqual({ status: "LEFT", leftReason: "Выбыл(а) 30.11.2026: Переезд (в Ставрополь)" });
    expect(await leave()).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Выбытие уже отмечено." } });

    // Withdrawn (recorded by mistake): active again, the bank entry stays «выбыл».
    expect(await callOk(cancelLeaving, as(s.curator), { org: s.slug, personId: mentee.personId })).toEqual({ personId: mentee.personId, active: true });
    expect(await personRow(mentee.personId)).toMatchObject({ active: true, inactiveReason: null, leftOn: null, leaveReason: null });
    expect(await call(cancelLeaving, as(s.curator), { org: s.slug, personId: mentee.personId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("a person already out of work by a revoked consent stays out when a leaving is withdrawn; a mentor may not record one", async () => {
    const s = await createSchool(db().prisma);
    const personId = await createConsentedPerson(s, { purposes: [] });
    const consentId = await createConsent(s, personId, ["BANK"]);
    await callOk(revokeConsent, as(s.curator), { org: s.slug, consentId, revokedAt: "2026-11-01", reason: "Заявление" });
    await callOk(recordLeaving, as(s.curator), { org: s.slug, personId, leftOn: "2026-11-15", reason: "OWN_WISH" });
    expect((await personRow(personId)).inactiveReason).toBe("Согласие отозвано: Заявление");
    await callOk(cancelLeaving, as(s.curator), { org: s.slug, personId });
    expect(await personRow(personId)).toMatchObject({ active: false, inactiveReason: "Согласие отозвано: Заявление", leftOn: null });
    const mentorUser = await addStaff(db().prisma, s, ["MENTOR"]);
    expect(await call(recordLeaving, as(mentorUser), { org: s.slug, personId, leftOn: "2026-11-15", reason: "OWN_WISH" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
  });
});

describe("young specialists' retention", () => {
  it("counts the year's young teachers, the mentored who stayed and who left, and goes into the school's report", async () => {
    const s = await createSchool(db().prisma, { stage: 5 });
    const mentor = await createMentor(s);
    const stays = await createMentee(s);
    const leaves = await createMentee(s);
    const alone = await createConsentedPerson(s);
    const prisma = db().prisma;
    await prisma.person.updateMany({ where: { id: { in: [stays.personId, leaves.personId, alone] } }, data: { experienceYears: 1 } });
    const [, leaverPair] = await createApprovedPairs(s, [
      { mentorId: mentor.mentorId, menteeIds: [stays.menteeId] },
      { mentorId: mentor.mentorId, menteeIds: [leaves.menteeId] },
    ]);
    const version = (await prisma.pair.findUniqueOrThrow({ where: { id: leaverPair! } })).version;
    await callOk(closePair, as(s.curator), { org: s.slug, pairId: leaverPair!, version, outcome: "DISSOLVED", reason: "Уходит из профессии" });
    await callOk(recordLeaving, as(s.curator), { org: s.slug, personId: leaves.personId, leftOn: "2026-11-20", reason: "CHANGED_PROFESSION" });
    await callOk(setHiredOn, as(s.curator), { org: s.slug, personId: alone, hiredOn: "2026-10-01" });

    const figures = await withDb({ organizationId: s.id }, (tx) => loadSchoolFigures(tx, s.id, s.programId, day("2026-12-04")));
    expect(figures!.retention).toEqual({
      young: 3,
      mentored: 2,
      mentoredStayed: 1,
      retainedShare: 50,
      left: { mentored: 1, notMentored: 0, byReason: [{ reason: "CHANGED_PROFESSION", count: 1 }] },
      hired: 1,
      hiredMentored: 0,
    });

    // Left people are out of the coverage: two young specialists are still working, one of them with a mentor.
    expect(figures!.coverage).toMatchObject({ youngSpecialists: 2, youngSpecialistsCovered: 1 });

    // The district figures (district_school_figures(), decision 053) count the same: what the office sees.
    const [own] = await withDb({ organizationId: s.id }, (tx) => loadDistrictFigures(tx, s.id, 2026, day("2026-12-04")));
    expect(own!.results).toMatchObject({ youngWorked: 3, youngMentored: 2, youngMentoredStayed: 1, youngLeft: 1 });
    expect(own!).toMatchObject({ youngSpecialists: 2, youngSpecialistsCovered: 1 });

    const org = await prisma.organization.findUniqueOrThrow({ where: { id: s.id } });
    const report = await produceReport(tenantContext(org, s.director, ["DIRECTOR"]), 2026, day("2026-12-04"));
    const teachers = report.sections.find((x) => x.key === "teachers")!.table!.rows;
    expect(teachers.slice(-6)).toEqual([
      ["Молодых специалистов с наставником за год", 2],
      ["Из них продолжают работать", 1],
      ["Закрепление молодых специалистов с наставником, %", 50],
      ["Выбыло молодых специалистов (с наставником / без)", "1 / 0"],
      ["Причины выбытия", "Уход из профессии — 1"],
      ["Принято молодых специалистов за год / из них с наставником", "1 / 0"],
    ]);
  });
});
