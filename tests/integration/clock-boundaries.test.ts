import { afterEach, describe, expect, it } from "vitest";
import { organizationToday } from "../../lib/auth/tenant";
import { now, resetClock, setClock } from "../../lib/clock";
import { withDb } from "../../lib/db";
import { isoDate } from "../../lib/domain/local-date";
import { updateOrganizationProfile } from "../../lib/organization/actions";
import { logMeeting } from "../../lib/pairs/meeting-actions";
import { saveActivity } from "../../lib/programs/actions";
import { saveNews } from "../../lib/publication/actions";
import { findProgram, listRoadmap } from "../../lib/programs/queries";
import { generateReminders } from "../../lib/reminders/generate";
import { reminderText } from "../../lib/reminders/text";
import { createMember, createOrganization, createPairRow, createPersonRow } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { createProgramOf, createStaffedSchool } from "../setup/factories";
import { as, call, callOk, tenantContext } from "../setup/call";
import { day } from "../setup/dates";

// Issue #21 items 2 and 3 through the real actions and queries: the clock is set in code to boundary
// instants, and the organization's zone decides "today" — 1 September 08:00 in Vladivostok is still
// 31 August in UTC; 31 August 23:30 in Kaliningrad is already 1 September in Moscow.

const db = setupTestDatabase();

/** A school in `timeZone` (inherited from its municipality) with its curator, head and programs of the given years. */
async function school(timeZone: string, years: number[]) {
  const district = await createOrganization(db().prisma, { kind: "MUNICIPALITY", timeZone });
  const s = await createStaffedSchool(db().prisma, { parentId: district.id });
  const programs: Record<number, string> = {};
  for (const academicYear of years) programs[academicYear] = await createProgramOf(s, { year: academicYear });
  return { ...s, programs };
}

afterEach(() => resetClock());

describe("a new organization's zone", () => {
  it("is inherited from its municipality, Europe/Moscow by default; the head changes it, others may not", async () => {
    const prisma = db().prisma;
    const vladivostok = await school("Asia/Vladivostok", []);
    expect(vladivostok.timeZone).toBe("Asia/Vladivostok");
    expect((await createOrganization(prisma)).timeZone).toBe("Europe/Moscow");

    const director = vladivostok.director;
    // The zone is part of the organization's profile (organization.updateProfile, docs/decisions/019).
    const profile = (timeZone: string) => ({ org: vladivostok.slug, name: vladivostok.name, timeZone });
    expect(await call(updateOrganizationProfile, as(director), profile("Europe/Moscow/Nowhere"))).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(updateOrganizationProfile, as(vladivostok.curator), profile("Asia/Kamchatka"))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: vladivostok.id } })).timeZone).toBe("Asia/Vladivostok");
    expect(await callOk(updateOrganizationProfile, as(director), profile("Asia/Kamchatka"))).toEqual({ changed: ["timeZone"] });
    expect((await prisma.organization.findUniqueOrThrow({ where: { id: vladivostok.id } })).timeZone).toBe("Asia/Kamchatka");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { organizationId: vladivostok.id, action: "organization.updateProfile" } });
    expect(audit.data).toEqual({ timeZone: { from: "Asia/Vladivostok", to: "Asia/Kamchatka" } });
  });
});

describe("the academic year and the current program", () => {
  it("1 September 08:00 in Vladivostok (31 August 22:00 UTC): the new year's program is current there", async () => {
    const s = await school("Asia/Vladivostok", [2025, 2026]);
    setClock("2026-09-01T08:00:00+10:00");
    expect(now().toISOString().slice(0, 10)).toBe("2026-08-31");
    expect(isoDate(organizationToday(tenantContext(s, s.curator, ["CURATOR"])))).toBe("2026-09-01");
    expect((await findProgram(tenantContext(s, s.curator, ["CURATOR"]))).program?.academicYear).toBe(2026);
  });

  it("31 August 23:30 in Kaliningrad (already 1 September in Moscow): last year's program is still current there", async () => {
    const kaliningrad = await school("Europe/Kaliningrad", [2025, 2026]);
    const moscow = await school("Europe/Moscow", [2025, 2026]);
    setClock("2026-08-31T23:30:00+02:00");
    expect((await findProgram(tenantContext(kaliningrad, kaliningrad.curator, ["CURATOR"]))).program?.academicYear).toBe(2025);
    expect((await findProgram(tenantContext(moscow, moscow.curator, ["CURATOR"]))).program?.academicYear).toBe(2026);
  });

  it("31 December → 1 January and 30 June stay in the same academic year", async () => {
    const s = await school("Europe/Moscow", [2025, 2026, 2027]);
    for (const instant of ["2026-12-31T23:59:00+03:00", "2027-01-01T00:01:00+03:00", "2027-06-30T12:00:00+03:00", "2027-08-31T23:59:00+03:00"]) {
      setClock(instant);
      expect((await findProgram(tenantContext(s, s.curator, ["CURATOR"]))).program?.academicYear, instant).toBe(2026);
    }
    setClock("2027-09-01T00:01:00+03:00");
    expect((await findProgram(tenantContext(s, s.curator, ["CURATOR"]))).program?.academicYear).toBe(2027);
  });
});

describe("due texts and overdue marks", () => {
  it("«сентябрь» is September of the program's year; it is overdue from 1 October on the school's calendar", async () => {
    const vladivostok = await school("Asia/Vladivostok", [2026]);
    const kaliningrad = await school("Europe/Kaliningrad", [2026]);
    for (const s of [vladivostok, kaliningrad]) {
      await callOk(saveActivity, as(s.curator), { org: s.slug, programId: s.programs[2026]!, stage: "1", title: "Педагогический совет", dueText: "сентябрь", responsibleText: "Заместитель директора" });
    }
    const activity = await db().prisma.roadmapActivity.findFirstOrThrow({ where: { organizationId: vladivostok.id, title: "Педагогический совет" } });
    expect(isoDate(activity.dueEnd!)).toBe("2026-09-30");
    const overdue = async (s: Awaited<ReturnType<typeof school>>) => {
      const ctx = tenantContext(s, s.curator, ["CURATOR"]);
      const { program } = await findProgram(ctx, 2026);
      const { activities } = await listRoadmap(ctx, program!, {});
      return activities.find((a) => a.title === "Педагогический совет")!.overdue;
    };
    // 1 October 00:30 in Vladivostok is 30 September 14:30 UTC, 16:30 in Kaliningrad.
    setClock("2026-10-01T00:30:00+10:00");
    expect(await overdue(vladivostok)).toBe(true);
    expect(await overdue(kaliningrad)).toBe(false);
    // 30 September 23:30 in Kaliningrad: the last day of the period, not overdue; ten minutes later... still 30 September there.
    setClock("2026-09-30T23:30:00+02:00");
    expect(await overdue(kaliningrad)).toBe(false);
    setClock("2026-10-01T00:00:00+02:00");
    expect(await overdue(kaliningrad)).toBe(true);
  });
});

describe("«not in the future» and reminders on the school's day", () => {
  async function schoolWithPair(timeZone: string) {
    const s = await school(timeZone, [2026]);
    const prisma = db().prisma;
    const organizationId = s.id;
    const mentorUser = await createMember(prisma, organizationId, ["MENTOR"]);
    const personOf = (lastName: string, userId: string | null) => createPersonRow(prisma, organizationId, { lastName, userId });
    const mentorProfile = await prisma.mentorProfile.create({ data: { organizationId, personId: (await personOf("Наставникова", mentorUser.id)).id, status: "APPROVED", capacity: 2, addedById: s.curator.id } });
    const menteeProfile = await prisma.menteeProfile.create({
      data: { organizationId, personId: (await personOf("Молодых", null)).id, category: "YOUNG_SPECIALIST", source: "QUESTIONNAIRE", status: "PAIRED", addedById: s.curator.id },
    });
    const pair = await createPairRow(prisma, { organizationId, programId: s.programs[2026]!, mentorId: mentorProfile.id, menteeIds: [menteeProfile.id], status: "APPROVED", proposedById: s.curator.id, decidedAt: day("2026-08-20") });
    return { ...s, mentorUser, pairId: pair.id, menteeId: menteeProfile.id };
  }

  it("a meeting dated today in Vladivostok is accepted at 08:00 on 1 September while UTC is still 31 August; tomorrow is refused", async () => {
    const s = await schoolWithPair("Asia/Vladivostok");
    setClock("2026-09-01T08:00:00+10:00");
    const meeting = (heldOn: string) => call(logMeeting, as(s.mentorUser), { org: s.slug, pairId: s.pairId, kind: "INTRO", heldOn, attendeeIds: [s.menteeId] });
    expect(await meeting("2026-09-02")).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { heldOn: [expect.stringMatching(/будущем/)] } } });
    expect(await meeting("2026-09-01")).toMatchObject({ ok: true });
    const stored = await db().prisma.meeting.findFirstOrThrow({ where: { pairId: s.pairId } });
    // A calendar date stays the date written, never shifted by a zone.
    expect(stored.heldOn.toISOString()).toBe("2026-09-01T00:00:00.000Z");
  });

  it("31 August 23:30 in Kaliningrad: 1 September is still tomorrow there", async () => {
    const s = await schoolWithPair("Europe/Kaliningrad");
    setClock("2026-08-31T23:30:00+02:00");
    expect(await call(logMeeting, as(s.mentorUser), { org: s.slug, pairId: s.pairId, kind: "INTRO", heldOn: "2026-09-01", attendeeIds: [s.menteeId] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(logMeeting, as(s.mentorUser), { org: s.slug, pairId: s.pairId, kind: "INTRO", heldOn: "2026-08-31", attendeeIds: [s.menteeId] })).toMatchObject({ ok: true });
  });

  it("an activity due 31 August is overdue for a Vladivostok school at 08:00 on 1 September, and due today for a Kaliningrad one at 23:30 on 31 August", async () => {
    const prisma = db().prisma;
    // A reminder as its Russian reader reads it (stored as values, worded when read).
    const reportReminders = async (organizationId: string) =>
      (await prisma.reminder.findMany({ where: { organizationId } })).map((r) => ({ ...r, ...reminderText(r, "ru") })).filter((r) => r.title.includes("Отчёт за год"));
    const reminderKeys = async (s: Awaited<ReturnType<typeof school>>) => {
      await withDb({ organizationId: s.id }, (tx) => generateReminders(tx, { id: s.id, slug: s.slug, timeZone: s.timeZone }, now()));
      // Only this activity's reminders (the program's template roadmap has its own deadlines).
      return (await reportReminders(s.id)).map((r) => r.dedupeKey.replace(/:[0-9a-f-]{36}:/, ":*:"));
    };
    const withActivity = async (timeZone: string) => {
      const s = await school(timeZone, [2025]);
      await prisma.roadmapActivity.create({
        data: { organizationId: s.id, programId: s.programs[2025]!, academicYear: 2025, stage: 1, title: "Отчёт за год", dueText: "до 31.08", dueEnd: day("2026-08-31"), responsibleUserId: s.curator.id },
      });
      return s;
    };
    const vladivostok = await withActivity("Asia/Vladivostok");
    const kaliningrad = await withActivity("Europe/Kaliningrad");
    setClock("2026-09-01T08:00:00+10:00");
    expect(await reminderKeys(vladivostok)).toEqual(["activity-overdue:*:2026-08-31"]);
    setClock("2026-08-31T23:30:00+02:00");
    expect(await reminderKeys(kaliningrad)).toEqual(["activity-due:*:2026-08-31"]);
    const [due] = await reportReminders(kaliningrad.id);
    expect(due!.body).toMatch(/срок истекает сегодня/);
  });
});

describe("a news item dated today", () => {
  it("is public from the start of that day on the school's clock: at 00:30 on 1 January in Moscow (21:30 UTC on 31 December)", async () => {
    const s = await school("Europe/Moscow", []);
    setClock("2027-01-01T00:30:00+03:00");
    const { newsId } = await callOk(saveNews, as(s.curator), { org: s.slug, title: "С Новым годом!", body: "Поздравляем наставников.", publishedAt: "2027-01-01" });
    const stored = await db().prisma.news.findUniqueOrThrow({ where: { id: newsId }, select: { publishedAt: true } });
    expect(stored.publishedAt).toEqual(new Date("2026-12-31T21:00:00Z"));
    expect(stored.publishedAt!.getTime()).toBeLessThanOrEqual(now().getTime());
    // The same day typed again keeps the moment; tomorrow is scheduled from tomorrow's start in Moscow.
    await callOk(saveNews, as(s.curator), { org: s.slug, newsId, title: "С Новым годом!", body: "Поправлено.", publishedAt: "2027-01-01" });
    expect((await db().prisma.news.findUniqueOrThrow({ where: { id: newsId } })).publishedAt).toEqual(new Date("2026-12-31T21:00:00Z"));
    await callOk(saveNews, as(s.curator), { org: s.slug, newsId, title: "С Новым годом!", body: "Завтра.", publishedAt: "2027-01-02" });
    expect((await db().prisma.news.findUniqueOrThrow({ where: { id: newsId } })).publishedAt).toEqual(new Date("2027-01-01T21:00:00Z"));
  });
});
