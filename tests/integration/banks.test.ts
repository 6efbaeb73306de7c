import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { beforeAll, describe, expect, it } from "vitest";
import { addMentee, addMentor, approveMentor, leaveMenteeBank, leaveMentorBank, recordTraining, setDistrictVisibility, updateMentee } from "../../lib/banks/actions";
import { listMentees } from "../../lib/banks/queries";
import { withDb } from "../../lib/db";
import { revokeConsent } from "../../lib/people/actions";
import { advanceStage } from "../../lib/programs/actions";
import { loadBankFacts } from "../../lib/programs/facts";
import { createMember, createOrganization } from "../factories";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { as, call, tenantContext } from "../setup/call";
import { addStaff, createConsent, createConsentedPerson, createSchool, createStaffedSchool, type PersonOptions, type Staffed } from "../setup/factories";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();

let school: Staffed;
let other: { id: string; slug: string };
let curator: Staffed["curator"];
let director: Staffed["director"];
let mentorUser: { id: string };
let otherCurator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  school = await createStaffedSchool(prisma);
  ({ curator, director } = school);
  other = await createOrganization(prisma);
  mentorUser = await addStaff(prisma, school, ["MENTOR"]);
  otherCurator = await createMember(prisma, other.id, ["CURATOR"]);
});

// Each person is arranged without a consent (purposes: []) and given the one the test is about.
const person = (fields: PersonOptions = {}) => createConsentedPerson(school, { purposes: [], ...fields });
const consent = (personId: string, purposes: Parameters<typeof createConsent>[2], details: Parameters<typeof createConsent>[3] = {}) => createConsent(school, personId, purposes, details);

const facts = () => withDb({ organizationId: school.id }, (tx) => loadBankFacts(tx, school.id, todayIn(DEFAULT_TIME_ZONE, now())));

describe("mentee bank", () => {
  it("refuses a person without a bank consent, with the reason, and writes nothing", async () => {
    const id = await person();
    await consent(id, ["SURVEYS"]);
    const before = await db().prisma.menteeProfile.count();
    const res = await call(addMentee, as(curator), { org: school.slug, personId: id, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE" });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!res.ok) expect(res.error.details?.[0]).toContain("нет согласия на цель «включение в банк наставников / наставляемых»");
    expect(await db().prisma.menteeProfile.count()).toBe(before);
  });

  it("refuses a minor whose only consent is an expired one, and a student category for a teacher", async () => {
    const student = await person({ kind: "STUDENT", birthDate: "2012-03-01", grade: "8А" });
    await consent(student, ["BANK"], { givenBy: "REPRESENTATIVE", representativeName: "Петрова О. И., мать", validUntil: "2026-10-01" });
    const expired = await call(addMentee, as(curator), { org: school.slug, personId: student, category: "LOW_RESULTS", difficulties: ["STUDY_SKILLS"], source: "CLASS_TEACHER" });
    expect(expired).toMatchObject({ ok: false });
    if (!expired.ok) expect(expired.error.details?.[0]).toContain("срок действия согласия истёк");

    const teacher = await person();
    await consent(teacher, ["BANK"]);
    const wrong = await call(addMentee, as(curator), { org: school.slug, personId: teacher, category: "GIFTED", difficulties: [], source: "QUESTIONNAIRE" });
    expect(wrong).toMatchObject({ ok: false, error: { fieldErrors: { category: [expect.stringContaining("категория не подходит")] } } });
    expect(await db().prisma.menteeProfile.count({ where: { personId: { in: [student, teacher] } } })).toBe(0);
  });

  it("adds a consenting teacher once, counts them for stage 2 only with needs, and hides sensitive fields from the director", async () => {
    const start = await facts();
    const id = await person();
    await consent(id, ["BANK", "PAIRS", "SURVEYS"]);
    const res = await call(addMentee, as(curator), { org: school.slug, personId: id, category: "YOUNG_SPECIALIST", difficulties: [], request: "", source: "QUESTIONNAIRE" });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    // In the bank but with no needs recorded: not counted for the stage 2 gate.
    expect((await facts()).menteesWithNeedsAndConsent).toBe(start.menteesWithNeedsAndConsent);
    expect(await call(addMentee, as(curator), { org: school.slug, personId: id, category: "YOUNG_SPECIALIST", difficulties: [], source: "QUESTIONNAIRE" })).toMatchObject({
      ok: false,
      error: { code: "CONFLICT", message: "Этот человек уже в банке." },
    });
    const upd = await call(updateMentee, as(curator), { org: school.slug, menteeId: res.data.menteeId, category: "BURNOUT", difficulties: ["STRESS", "DISCIPLINE"], request: "Трудно с 7Б", source: "PSYCHOLOGIST" });
    expect(upd.ok).toBe(true);
    expect(await db().prisma.menteeProfile.findUniqueOrThrow({ where: { id: res.data.menteeId } })).toMatchObject({ category: "BURNOUT", difficulties: ["STRESS", "DISCIPLINE"], request: "Трудно с 7Б", source: "PSYCHOLOGIST", status: "WAITING" });
    expect((await facts()).menteesWithNeedsAndConsent).toBe(start.menteesWithNeedsAndConsent + 1);

    const asDirector = await listMentees(tenantContext(school, director, ["DIRECTOR"]));
    const row = asDirector.rows.find((r) => r.id === res.data.menteeId)!;
    expect(asDirector.sensitive).toBe(false);
    expect(row).toMatchObject({ category: null, difficulties: [], request: null });
    expect(JSON.stringify(asDirector)).not.toContain("Трудно с 7Б");
    const asCurator = await listMentees(tenantContext(school, curator, ["CURATOR"]));
    expect(asCurator.rows.find((r) => r.id === res.data.menteeId)).toMatchObject({ category: "BURNOUT", request: "Трудно с 7Б" });
  });

  it("a revoked bank consent takes the person out of the bank and out of the stage count", async () => {
    const id = await person();
    const consentId = await consent(id, ["BANK"]);
    const added = await call(addMentee, as(curator), { org: school.slug, personId: id, category: "NEW_PLACE", difficulties: ["COLLECTIVE"], source: "QUESTIONNAIRE" });
    expect(added.ok).toBe(true);
    const counted = (await facts()).menteesWithNeedsAndConsent;
    const revoked = await call(revokeConsent, as(curator), { org: school.slug, consentId, revokedAt: "2026-10-10", reason: "Заявление об отзыве" });
    expect(revoked).toMatchObject({ ok: true, data: { personActive: false } });
    expect(await db().prisma.menteeProfile.findFirstOrThrow({ where: { personId: id } })).toMatchObject({ status: "LEFT", leftReason: "Согласие отозвано: Заявление об отзыве" });
    expect((await facts()).menteesWithNeedsAndConsent).toBe(counted - 1);
    // A publication-only consent does not bring the person back into active work.
    await consent(id, ["PUBLICATION"], { givenAt: "2026-10-11", publicFields: ["NAME"] });
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    // A new bank consent does; the person can then re-enter the same bank entry.
    await consent(id, ["BANK"], { givenAt: "2026-10-12" });
    expect((await db().prisma.person.findUniqueOrThrow({ where: { id } })).active).toBe(true);
    const back = await call(addMentee, as(curator), { org: school.slug, personId: id, category: "NEW_PLACE", difficulties: ["COLLECTIVE"], source: "CLASS_TEACHER" });
    expect(back).toMatchObject({ ok: true, data: { menteeId: added.ok ? added.data.menteeId : "" } });
  });

  it("is closed to a mentor and to another school (application), and RLS hides it from the other tenant", async () => {
    const id = await person();
    await consent(id, ["BANK"]);
    expect(await call(addMentee, as(mentorUser), { org: school.slug, personId: id, category: "GROWTH", difficulties: ["METHODS"], source: "QUESTIONNAIRE" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(addMentee, as(otherCurator), { org: school.slug, personId: id, category: "GROWTH", difficulties: ["METHODS"], source: "QUESTIONNAIRE" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // The other school's curator naming this school's person in their own school: not found.
    expect(await call(addMentee, as(otherCurator), { org: other.slug, personId: id, category: "GROWTH", difficulties: ["METHODS"], source: "QUESTIONNAIRE" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const added = await call(addMentee, as(curator), { org: school.slug, personId: id, category: "GROWTH", difficulties: ["METHODS"], source: "QUESTIONNAIRE" });
    expect(added.ok).toBe(true);
    const seen = await withDb({ organizationId: other.id }, async (tx) => ({
      mentees: await tx.menteeProfile.count(),
      mentors: await tx.mentorProfile.count(),
      trainings: await tx.mentorTraining.count(),
    }));
    expect(seen).toEqual({ mentees: 0, mentors: 0, trainings: 0 });
    const leave = await call(leaveMenteeBank, as(otherCurator), { org: other.slug, entryId: added.ok ? added.data.menteeId : "", reason: "Чужая запись" });
    expect(leave).toMatchObject({ ok: false });
    expect((await db().prisma.menteeProfile.findFirstOrThrow({ where: { personId: id } })).status).toBe("WAITING");
  });
});

describe("mentor bank", () => {
  async function candidate() {
    const id = await person();
    await consent(id, ["BANK", "PAIRS"]);
    const res = await call(addMentor, as(curator), { org: school.slug, personId: id, competencies: ["METHODS", "DISCIPLINE"], achievements: "Победитель конкурса «Учитель года — 2019»", capacity: "2" });
    if (!res.ok) throw new Error(res.error.message);
    return res.data.mentorId;
  }

  it("candidate → trained → approved by the director, and the stage 3–4 counts follow", async () => {
    const start = await facts();
    const mentorId = await candidate();
    expect((await facts()).mentorCandidatesWithConsent).toBe(start.mentorCandidatesWithConsent + 1);

    // Not trained yet: the director cannot approve; the curator may not approve at all.
    const early = await call(approveMentor, as(director), { org: school.slug, mentorId });
    expect(early).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    if (!early.ok) expect(early.error.details?.[0]).toContain("ещё не прошёл обучение");
    expect(await call(approveMentor, as(curator), { org: school.slug, mentorId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const training = await call(recordTraining, as(curator), { org: school.slug, mentorId, kind: "SESSION", title: "Установочная сессия для наставников", finishedOn: "2026-10-02", hours: "6" });
    expect(training.ok).toBe(true);
    expect((await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).status).toBe("TRAINED");
    expect((await facts()).mentorsApprovedAndTrained).toBe(start.mentorsApprovedAndTrained);

    const [a, b] = await Promise.all([
      call(approveMentor, as(director), { org: school.slug, mentorId }),
      call(approveMentor, as(director), { org: school.slug, mentorId }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect(await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ status: "APPROVED", approvedById: director.id });
    expect(await db().prisma.auditEvent.count({ where: { action: "mentors.approve", targetId: mentorId } })).toBe(1);
    expect((await facts()).mentorsApprovedAndTrained).toBe(start.mentorsApprovedAndTrained + 1);
  });

  it("validates capacity, dates and tags in Russian and writes nothing", async () => {
    const id = await person();
    await consent(id, ["BANK"]);
    const bad = await call(addMentor, as(curator), { org: school.slug, personId: id, competencies: ["HACKING"], capacity: "0" });
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { capacity: ["Укажите число от 1 до 10."] } } });
    expect(await db().prisma.mentorProfile.count({ where: { personId: id } })).toBe(0);
    const mentorId = await candidate();
    const future = await call(recordTraining, as(curator), { org: school.slug, mentorId, kind: "COURSE", title: "Курсы", finishedOn: "2099-01-01" });
    expect(future).toMatchObject({ ok: false, error: { fieldErrors: { finishedOn: ["Дата не может быть в будущем."] } } });
    expect(await db().prisma.mentorTraining.count({ where: { mentorId } })).toBe(0);
  });

  it("district visibility needs a date and a valid consent; leaving the bank clears it", async () => {
    const mentorId = await candidate();
    expect(await call(setDistrictVisibility, as(curator), { org: school.slug, mentorId, visible: "yes", agreedOn: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { agreedOn: ["Укажите дату согласия."] } },
    });
    expect((await call(setDistrictVisibility, as(curator), { org: school.slug, mentorId, visible: "yes", agreedOn: "2026-10-01" })).ok).toBe(true);
    expect((await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).districtVisibleSince?.toISOString().slice(0, 10)).toBe("2026-10-01");
    expect((await call(leaveMentorBank, as(curator), { org: school.slug, entryId: mentorId, reason: "Уволилась" })).ok).toBe(true);
    expect(await db().prisma.mentorProfile.findUniqueOrThrow({ where: { id: mentorId } })).toMatchObject({ status: "LEFT", leftReason: "Уволилась", districtVisibleSince: null });
    expect(await call(approveMentor, as(director), { org: school.slug, mentorId })).toMatchObject({ ok: false });
  });
});

describe("stage gates 2–4 read the banks", () => {
  it("a program moves from stage 2 to 5 only as the banks fill", async () => {
    const prisma = db().prisma;
    // A fresh school so the counts start at zero.
    const s = await createSchool(prisma, { stage: 2 });
    const { programId } = s;
    const [cur, dir] = [s.curator, s.director];
    // One-off roadmap activities are a separate condition; mark them done to test the banks alone.
    await prisma.roadmapActivity.updateMany({ where: { programId }, data: { status: "DONE", evidence: "Протокол" } });
    const advance = (stage: number) => call(advanceStage, as(cur), { org: s.slug, programId, expectedStage: stage });
    const add = (last: string) => createConsentedPerson(s, { lastName: last, firstName: "Ольга", purposes: ["BANK"] });

    const blocked2 = await advance(2);
    expect(blocked2).toMatchObject({ ok: false });
    if (!blocked2.ok) expect(blocked2.error.details).toContain("Нет ни одного наставляемого с записанными запросами и действующим согласием на обработку персональных данных.");
    const mentee = await add("Молодая");
    expect((await call(addMentee, as(cur), { org: s.slug, personId: mentee, category: "YOUNG_SPECIALIST", difficulties: ["LESSON_PLANNING"], source: "QUESTIONNAIRE" })).ok).toBe(true);
    expect(await advance(2)).toMatchObject({ ok: true, data: { stage: 3 } });

    expect(await advance(3)).toMatchObject({ ok: false });
    const mentorPerson = await add("Опытная");
    const m = await call(addMentor, as(cur), { org: s.slug, personId: mentorPerson, competencies: ["LESSON_PLANNING"], capacity: "1" });
    if (!m.ok) throw new Error(m.error.message);
    expect(await advance(3)).toMatchObject({ ok: true, data: { stage: 4 } });

    const blocked4 = await advance(4);
    if (!blocked4.ok) expect(blocked4.error.details).toContain("Нет ни одного наставника, утверждённого руководителем и прошедшего обучение.");
    expect(blocked4.ok).toBe(false);
    expect((await call(recordTraining, as(cur), { org: s.slug, mentorId: m.data.mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: "2026-10-05" })).ok).toBe(true);
    expect((await call(approveMentor, as(dir), { org: s.slug, mentorId: m.data.mentorId })).ok).toBe(true);
    expect(await advance(4)).toMatchObject({ ok: true, data: { stage: 5 } });
    expect((await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).stage).toBe(5);
  });
});
