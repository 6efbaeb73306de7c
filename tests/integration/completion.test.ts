import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import "../../lib/banks/actions";
import "../../lib/banks/duties-actions";
import "../../lib/banks/mentee-approval-actions";
import { deleteAward } from "../../lib/completion/actions";
import { withDb } from "../../lib/db";
import { unmetExitConditions } from "../../lib/domain/stages";
import { loadSchoolFigures } from "../../lib/monitoring/school";
import "../../lib/pairs/actions";
import "../../lib/surveys/actions";
import "../../lib/pairs/meeting-actions";
import "../../lib/pairs/personal-program-actions";
import "../../lib/people/actions";
import "../../lib/practices/actions";
import "../../lib/programs/actions";
import { loadCompletionFacts, loadProgramFacts } from "../../lib/programs/facts";
import { createMember, createOrganization } from "../factories";
import { as, call, callOk } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();
const run = <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => runAction<T>(ACTION_REGISTRY.get(name)!, userId, input);
const ok = async <T = Record<string, unknown>>(name: string, userId: string, input: unknown) => {
  const res = await run<T>(name, userId, input);
  if (!res.ok) throw new Error(`${name}: ${res.error.message} ${JSON.stringify(res.error.details ?? res.error.fieldErrors ?? "")}`);
  return res.data;
};

type School = { id: string; slug: string; curator: { id: string }; director: { id: string }; mentorUser: { id: string }; programId: string };

async function school(stage = 5): Promise<School> {
  const prisma = db().prisma;
  const org = await createOrganization(prisma);
  const curator = await createMember(prisma, org.id, ["CURATOR"]);
  const director = await createMember(prisma, org.id, ["DIRECTOR"]);
  const mentorUser = await createMember(prisma, org.id, ["MENTOR"]);
  const { programId } = await ok<{ programId: string }>("programs.create", curator.id, { org: org.slug, academicYear: 2026, audience: "BOTH", template: "school" });
  await prisma.mentoringProgram.update({ where: { id: programId }, data: { stage } });
  return { ...org, curator, director, mentorUser, programId };
}

let n = 0;
async function person(s: School, extra: Record<string, unknown> = {}) {
  n += 1;
  const { personId } = await ok<{ personId: string }>("people.create", s.curator.id, { org: s.slug, kind: "TEACHER", lastName: `Фамилия${n}`, firstName: "Имя", ...extra });
  await ok("consents.record", s.curator.id, { org: s.slug, personId, purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: "2026-09-05" });
  return personId;
}

async function mentee(s: School) {
  const personId = await person(s, { experienceYears: 1 });
  const { menteeId } = await ok<{ menteeId: string }>("mentees.add", s.curator.id, { org: s.slug, personId, category: "YOUNG_SPECIALIST", difficulties: ["DISCIPLINE"], source: "QUESTIONNAIRE" });
  // The head approves the mentee before they may be paired (decision 025).
  await ok("mentees.approve", s.director.id, { org: s.slug, menteeIds: [menteeId] });
  return { menteeId, personId };
}

async function mentor(s: School, capacity = 3) {
  const personId = await person(s, { experienceYears: 20 });
  const { mentorId } = await ok<{ mentorId: string }>("mentors.add", s.curator.id, { org: s.slug, personId, competencies: ["DISCIPLINE"], capacity: String(capacity) });
  await ok("mentors.recordTraining", s.curator.id, { org: s.slug, mentorId, kind: "SESSION", title: "Установочная сессия", finishedOn: "2026-10-01" });
  // The written consent to the additional duties, signed before the pairs order (pairs are approved with it only).
  await ok("mentors.recordDutiesConsent", s.curator.id, { org: s.slug, mentorId, givenAt: "2026-09-07" });
  await ok("mentors.approve", s.director.id, { org: s.slug, mentorId });
  return { mentorId, personId };
}

/** Proposes and approves one pair per mentee (by one order), as the curator and the director do. */
async function pairs(s: School, mentorId: string, menteeIds: string[]) {
  const { pairIds } = await ok<{ pairIds: string[] }>("pairs.propose", s.curator.id, {
    org: s.slug,
    programId: s.programId,
    pairs: menteeIds.map((id, i) => ({ mentorId, menteeIds: [id], form: "TEACHER_TEACHER", type: "TRADITIONAL", direction: `Направление ${i}` })),
  });
  await ok("pairs.approve", s.director.id, { org: s.slug, orderDate: "2026-10-10", pairs: pairIds.map((pairId) => ({ pairId, version: 1 })) });
  return pairIds;
}

const versionOf = async (pairId: string) => (await db().prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).version;
const close = async (s: School, pairId: string, outcome: "COMPLETED" | "DISSOLVED") =>
  ok("pairs.close", s.director.id, { org: s.slug, pairId, version: await versionOf(pairId), outcome, reason: outcome === "COMPLETED" ? "Программа выполнена" : "Перевод в другую школу" });

/** A questionnaire of the program, as the psychologist leaves it after closing (answers or none). */
async function questionnaire(s: School, kind: "SATISFACTION_MENTEE" | "SATISFACTION_MENTOR" | "ASSESSMENT_BEFORE" | "ASSESSMENT_AFTER", opts: { status?: "OPEN" | "CLOSED"; answeredBy?: string[]; programId?: string | null } = {}) {
  const prisma = db().prisma;
  const q = await prisma.questionnaire.create({
    data: {
      organizationId: s.id,
      programId: opts.programId === undefined ? s.programId : opts.programId,
      kind,
      title: kind,
      questions: [{ id: "overall", type: "scale", text: "Насколько вы удовлетворены?", required: true, scale: { min: 1, max: 5, minLabel: "", maxLabel: "" }, maps: "satisfaction" }],
      status: opts.status ?? "CLOSED",
      closedAt: opts.status === "OPEN" ? null : now(),
      createdById: s.curator.id,
    },
  });
  for (const personId of opts.answeredBy ?? []) {
    await prisma.surveyRecipient.create({ data: { organizationId: s.id, questionnaireId: q.id, personId, answers: { overall: 5 }, answeredAt: now() } });
  }
  return q.id;
}

/** The mark the action reports.markFinal leaves on the program (MentoringProgram.finalReportAt). */
async function markFinalReport(programId: string) {
  await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { finalReportAt: now() } });
}

const unmetCodes = async (s: School) =>
  withDb({ organizationId: s.id }, async (tx) => {
    const program = await tx.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId }, select: { id: true, stage: true, curatorId: true } });
    return unmetExitConditions(await loadProgramFacts(tx, s.id, program, todayIn(DEFAULT_TIME_ZONE, now()))).map((c) => c.code);
  });

describe("stage 7: the gate, then completion", () => {
  it("is unmet with each reason until each is fixed, then advancing completes the program", async () => {
    const prisma = db().prisma;
    const s = await school(5);
    const a = await mentee(s);
    const b = await mentee(s);
    const m = await mentor(s);
    const [p1, p2] = (await pairs(s, m.mentorId, [a.menteeId, b.menteeId])) as [string, string];
    await close(s, p1, "COMPLETED");
    await prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 7 } });
    await prisma.roadmapActivity.updateMany({ where: { programId: s.programId, stage: 7 }, data: { status: "DONE", evidence: "Протокол" } });

    const refused = await run("programs.advance", s.curator.id, { org: s.slug, programId: s.programId, expectedStage: 7 });
    expect(refused).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Нельзя перейти к следующему этапу: условия завершения этапа 7 не выполнены." } });
    if (refused.ok) return;
    expect(refused.error.details).toEqual([
      "Не закрыты пары программы (1): завершите или расформируйте их с указанием причины, предложенные — отклоните или отзовите.",
      "Не собрана анкета удовлетворённости наставляемых: нет закрытой анкеты программы с ответами.",
      "Не собрана анкета удовлетворённости наставников: нет закрытой анкеты программы с ответами.",
      "Не проведена оценка участников после программы: нет закрытой анкеты «после» с ответами для сравнения с оценкой «до».",
      "Не оформлен ни один кейс лучшей практики по итогам работы пар.",
      "Не отмечено поощрение участников (благодарственные письма, грамоты).",
      "Банк наставляемых не обновлён: после окончания пар «в паре» числятся наставляемые (1).",
      "Итоговый отчёт (аналитическая справка) о программе не сформирован.",
    ]);
    expect(await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).toMatchObject({ status: "ACTIVE", stage: 7, completedAt: null });
    expect(await prisma.stageTransition.count({ where: { programId: s.programId } })).toBe(0);

    // The open pair: dissolving it sends its mentee back to waiting (not stale).
    await close(s, p2, "DISSOLVED");
    expect(await unmetCodes(s)).not.toContain("pairs-open");
    expect((await prisma.menteeProfile.findUniqueOrThrow({ where: { id: b.menteeId } })).status).toBe("WAITING");

    // Satisfaction: an open questionnaire, one without answers or one of no program does not count.
    await questionnaire(s, "SATISFACTION_MENTEE", { status: "OPEN", answeredBy: [a.personId] });
    await questionnaire(s, "SATISFACTION_MENTEE", { answeredBy: [] });
    await questionnaire(s, "SATISFACTION_MENTEE", { programId: null, answeredBy: [a.personId] });
    expect(await unmetCodes(s)).toContain("satisfaction-mentees");
    await questionnaire(s, "SATISFACTION_MENTEE", { answeredBy: [a.personId, b.personId] });
    expect(await unmetCodes(s)).not.toContain("satisfaction-mentees");
    expect(await unmetCodes(s)).toContain("satisfaction-mentors");
    await questionnaire(s, "SATISFACTION_MENTOR", { answeredBy: [m.personId] });
    expect(await unmetCodes(s)).not.toContain("satisfaction-mentors");

    // Before/after: the «до» alone is not the comparison.
    await questionnaire(s, "ASSESSMENT_BEFORE", { answeredBy: [a.personId] });
    expect(await unmetCodes(s)).toContain("assessment");
    await questionnaire(s, "ASSESSMENT_AFTER", { answeredBy: [a.personId] });
    expect(await unmetCodes(s)).not.toContain("assessment");

    // Cases: a material does not count; a case from the completed pair does.
    await ok("practices.save", s.curator.id, { org: s.slug, kind: "MATERIAL", title: "Памятка наставнику", summary: "Памятка для первой встречи наставника" });
    expect(await unmetCodes(s)).toContain("cases");
    const dissolvedCase = await run("practices.save", s.curator.id, { org: s.slug, kind: "CASE", pairId: p2, title: "Кейс", summary: "Описание практики пары" });
    expect(dissolvedCase).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { pairId: ["Кейс оформляют по завершённой паре."] } } });
    const { practiceId } = await ok<{ practiceId: string }>("practices.save", s.curator.id, {
      org: s.slug,
      kind: "CASE",
      pairId: p1,
      title: "Адаптация молодого педагога через совместные уроки",
      summary: "Как пара учитель – учитель за полгода сняла трудности с дисциплиной на уроках",
      tags: "адаптация, молодой педагог",
    });
    expect(await prisma.bestPractice.findUniqueOrThrow({ where: { id: practiceId } })).toMatchObject({ kind: "CASE", programId: s.programId, pairId: p1, tags: ["адаптация", "молодой педагог"], body: null });
    expect(await unmetCodes(s)).not.toContain("cases");

    await ok("awards.record", s.director.id, { org: s.slug, programId: s.programId, personId: m.personId, kind: "LETTER_OF_THANKS", title: "За высокий профессионализм в наставничестве", awardedOn: "2027-05-25", basis: "Приказ № 45-о от 20.05.2027" });
    expect(await unmetCodes(s)).not.toContain("awards");

    // The banks: A's pair is completed but the bank still says «в паре».
    expect((await prisma.menteeProfile.findUniqueOrThrow({ where: { id: a.menteeId } })).status).toBe("PAIRED");
    expect(await ok("completion.updateBanks", s.curator.id, { org: s.slug, programId: s.programId })).toEqual({ left: 1, waiting: 0 });
    expect(await prisma.menteeProfile.findUniqueOrThrow({ where: { id: a.menteeId } })).toMatchObject({ status: "LEFT", leftReason: "Наставничество завершено: пара программы 2026/2027 завершена" });
    expect(await unmetCodes(s)).toEqual(["final-report"]);

    await markFinalReport(s.programId);
    expect(await unmetCodes(s)).toEqual([]);

    const completed = await ok<{ stage: number; completed: boolean }>("programs.advance", s.curator.id, { org: s.slug, programId: s.programId, expectedStage: 7 });
    expect(completed).toEqual({ stage: 7, completed: true });
    const program = await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } });
    expect(program.status).toBe("COMPLETED");
    expect(program.completedAt).toBeInstanceOf(Date);
    expect(await prisma.stageTransition.findMany({ where: { programId: s.programId }, select: { kind: true, fromStage: true, toStage: true } })).toEqual([{ kind: "COMPLETE", fromStage: 7, toStage: 7 }]);
    // Completed: nothing more to advance.
    expect(await run("programs.advance", s.curator.id, { org: s.slug, programId: s.programId, expectedStage: 7 })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Программа завершена: её данные доступны только для чтения." } });
  });
});

describe("a completed program is read-only", () => {
  it("refuses writes to its roadmap, passport, pairs, personalized programs, meetings and awards, and writes nothing; it stays reportable", async () => {
    const prisma = db().prisma;
    const s = await school(5);
    const a = await mentee(s);
    const b = await mentee(s);
    const m = await mentor(s);
    const [working] = (await pairs(s, m.mentorId, [a.menteeId])) as [string];
    const { pairIds } = await ok<{ pairIds: string[] }>("pairs.propose", s.curator.id, { org: s.slug, programId: s.programId, pairs: [{ mentorId: m.mentorId, menteeIds: [b.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    const proposed = pairIds[0]!;
    await ok("personalPrograms.fromTemplate", s.curator.id, { org: s.slug, pairId: working, startsOn: "2026-10-15", endsOn: "2027-05-31" });
    const personalProgram = await prisma.personalProgram.findFirstOrThrow({ where: { pairId: working }, include: { items: true } });
    const meeting = await prisma.meeting.create({ data: { organizationId: s.id, pairId: working, kind: "INTRO", heldOn: new Date("2026-10-20T00:00:00Z"), attendeeIds: [a.menteeId], loggedById: s.curator.id } });
    await prisma.pair.update({ where: { id: working }, data: { status: "ACTIVE" } });
    const { awardId } = await ok<{ awardId: string }>("awards.record", s.curator.id, { org: s.slug, programId: s.programId, personId: m.personId, kind: "CERTIFICATE", title: "Грамота наставнику", awardedOn: "2027-05-20" });
    const activity = await prisma.roadmapActivity.findFirstOrThrow({ where: { programId: s.programId } });

    // The director completes it anyway (stage 7, with a written reason).
    await prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 7 } });
    await ok("programs.override", s.director.id, { org: s.slug, programId: s.programId, expectedStage: 7, reason: "Итоги подведены на педагогическом совете" });
    expect((await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).status).toBe("COMPLETED");

    const snapshot = async () => ({
      pairs: await prisma.pair.findMany({ where: { programId: s.programId }, select: { id: true, status: true, version: true }, orderBy: { id: "asc" } }),
      meetings: await prisma.meeting.count({ where: { organizationId: s.id } }),
      items: await prisma.planItem.count({ where: { organizationId: s.id } }),
      personalProgram: (await prisma.personalProgram.findUniqueOrThrow({ where: { id: personalProgram.id } })).goals,
      awards: await prisma.award.count({ where: { organizationId: s.id } }),
      activities: await prisma.roadmapActivity.count({ where: { programId: s.programId } }),
      title: (await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } })).title,
      audit: await prisma.auditEvent.count({ where: { organizationId: s.id } }),
      acts: await prisma.localAct.count({ where: { organizationId: s.id } }),
      questionnaires: await prisma.questionnaire.count({ where: { organizationId: s.id } }),
    });
    const before = await snapshot();
    const attempts: [string, string, Record<string, unknown>][] = [
      ["pairs.close", s.director.id, { pairId: working, version: await versionOf(working), outcome: "COMPLETED", reason: "Программа выполнена" }],
      ["pairs.reject", s.director.id, { pairId: proposed, version: 1, comment: "Не нужна" }],
      ["pairs.withdraw", s.curator.id, { pairId: proposed, version: 1 }],
      ["pairs.propose", s.curator.id, { programId: s.programId, pairs: [{ mentorId: m.mentorId, menteeIds: [b.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] }],
      ["meetings.log", s.curator.id, { pairId: working, kind: "FINAL", heldOn: "2026-11-01", attendeeIds: [a.menteeId] }],
      ["meetings.delete", s.curator.id, { meetingId: meeting.id }],
      ["personalPrograms.save", s.curator.id, { pairId: working, startsOn: "2026-10-15", endsOn: "2027-05-31", direction: "Дисциплина", goals: "Новые цели", difficulties: [], expectedResults: "Результаты", workingMode: "IN_PERSON" }],
      ["personalPrograms.saveItem", s.curator.id, { pairId: working, title: "Ещё пункт", dueOn: "2026-12-01" }],
      ["personalPrograms.deleteItem", s.curator.id, { pairId: working, itemId: personalProgram.items[0]!.id }],
      ["roadmap.saveActivity", s.curator.id, { programId: s.programId, stage: 7, title: "Новое мероприятие", dueText: "май", responsibleText: "Куратор" }],
      ["roadmap.setStatus", s.curator.id, { activityId: activity.id, status: "CANCELLED" }],
      ["programs.updatePassport", s.curator.id, { programId: s.programId, title: "Новое название", audience: "BOTH" }],
      ["awards.record", s.curator.id, { programId: s.programId, personId: m.personId, kind: "CERTIFICATE", title: "Ещё грамота", awardedOn: "2027-05-21" }],
      ["awards.delete", s.curator.id, { awardId }],
      ["acts.register", s.curator.id, { programId: s.programId, kind: "OTHER", number: "99-од", date: "2027-05-25", title: "Ещё один приказ" }],
      ["surveys.create", s.curator.id, { kind: "SATISFACTION_MENTEE", programId: s.programId }],
    ];
    for (const [name, userId, input] of attempts) {
      const res = await run(name, userId, { org: s.slug, ...input });
      expect(res, name).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Программа завершена: её данные доступны только для чтения." } });
    }
    expect(await snapshot()).toEqual(before);

    // Still reportable: its figures and its completion facts are read as before.
    const figures = await withDb({ organizationId: s.id }, (tx) => loadSchoolFigures(tx, s.id, s.programId, todayIn(DEFAULT_TIME_ZONE, now())));
    expect(figures?.program.status).toBe("COMPLETED");
    expect(figures?.pairs.byStatus).toEqual([
      { key: "PROPOSED", count: 1 },
      { key: "ACTIVE", count: 1 },
    ]);
    expect(await withDb({ organizationId: s.id }, (tx) => loadCompletionFacts(tx, s.id, s.programId))).toMatchObject({ openPairs: 2, awards: 1, finalReportProduced: false });
  });
});

describe("awards", () => {
  it("validates the person, the wording and the date, and is for the completion managers only", async () => {
    const prisma = db().prisma;
    const s = await school(7);
    const a = await mentee(s);
    const outsider = await person(s); // of the school, in no bank
    const other = await school(7);
    const stranger = await mentee(other);
    const input = { org: s.slug, programId: s.programId, personId: a.personId, kind: "LETTER_OF_THANKS", title: "Благодарность за участие", awardedOn: "2027-05-25" };

    expect(await run("awards.record", s.curator.id, { ...input, title: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { title: ["Укажите формулировку поощрения."] } } });
    expect(await run("awards.record", s.curator.id, { ...input, personId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { personId: ["Выберите участника."] } } });
    expect(await run("awards.record", s.curator.id, { ...input, awardedOn: "25.05.2027" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { awardedOn: ["Введите дату в формате ДД.ММ.ГГГГ."] } } });
    expect(await run("awards.record", s.curator.id, { ...input, kind: "MEDAL" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const notParticipant = { ok: false, error: { code: "VALIDATION", fieldErrors: { personId: ["Поощрить можно наставника или наставляемого из банков школы."] } } };
    expect(await run("awards.record", s.curator.id, { ...input, personId: outsider })).toMatchObject(notParticipant);
    expect(await run("awards.record", s.curator.id, { ...input, personId: stranger.personId })).toMatchObject(notParticipant);
    expect(await run("awards.record", s.curator.id, { ...input, awardedOn: "2027-09-01" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { awardedOn: ["Дата поощрения должна приходиться на учебный год программы."] } },
    });
    expect(await run("awards.record", s.curator.id, { ...input, programId: other.programId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await run("awards.record", s.mentorUser.id, input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.award.count({ where: { organizationId: s.id } })).toBe(0);

    const { awardId } = await ok<{ awardId: string }>("awards.record", s.curator.id, { ...input, basis: "  Приказ № 12 от 24.05.2027 " });
    expect(await prisma.award.findUniqueOrThrow({ where: { id: awardId } })).toMatchObject({
      organizationId: s.id,
      programId: s.programId,
      personId: a.personId,
      kind: "LETTER_OF_THANKS",
      basis: "Приказ № 12 от 24.05.2027",
      createdById: s.curator.id,
    });
    // A person who left the bank after the program may still be thanked.
    await prisma.menteeProfile.update({ where: { id: a.menteeId }, data: { status: "LEFT", leftReason: "Наставничество завершено" } });
    await ok("awards.record", s.director.id, { ...input, kind: "CERTIFICATE", title: "Грамота" });
    // Another school's curator cannot delete it; its own can.
    expect(await call(deleteAward, as(other.curator), { org: other.slug, awardId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await callOk(deleteAward, as(s.curator), { org: s.slug, awardId });
    expect(await prisma.award.count({ where: { organizationId: s.id } })).toBe(1);
  });
});

describe("updating the banks", () => {
  it("lets completed pairs' mentees leave (unless kept waiting), dissolved pairs' mentees wait, and leaves working ones alone", async () => {
    const prisma = db().prisma;
    const s = await school(5);
    const [a, b, c, d, e] = [await mentee(s), await mentee(s), await mentee(s), await mentee(s), await mentee(s)];
    const m = await mentor(s, 5);
    const [pa, pb, pc, pd] = (await pairs(s, m.mentorId, [a.menteeId, b.menteeId, c.menteeId, d.menteeId])) as [string, string, string, string];
    await close(s, pa, "COMPLETED");
    await close(s, pb, "COMPLETED");
    await close(s, pd, "COMPLETED");
    // C's pair was dissolved, but the bank says «в паре» (as a school's data imported from elsewhere may).
    await close(s, pc, "DISSOLVED");
    await prisma.menteeProfile.update({ where: { id: c.menteeId }, data: { status: "PAIRED" } });
    // D goes on in another working pair: still «в паре», rightly.
    const [dAgain] = (await pairs(s, m.mentorId, [d.menteeId])) as [string];
    expect(await withDb({ organizationId: s.id }, (tx) => loadCompletionFacts(tx, s.id, s.programId))).toMatchObject({ menteesNotUpdated: 3 });

    // Someone of another school asks: not found, nothing changes.
    const other = await school(7);
    expect(await run("completion.updateBanks", other.curator.id, { org: other.slug, programId: s.programId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await run("completion.updateBanks", s.mentorUser.id, { org: s.slug, programId: s.programId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(await ok("completion.updateBanks", s.curator.id, { org: s.slug, programId: s.programId, keepWaiting: [b.menteeId, e.menteeId] })).toEqual({ left: 1, waiting: 2 });
    const status = async (id: string) => prisma.menteeProfile.findUniqueOrThrow({ where: { id }, select: { status: true, leftReason: true } });
    expect(await status(a.menteeId)).toEqual({ status: "LEFT", leftReason: "Наставничество завершено: пара программы 2026/2027 завершена" });
    expect(await status(b.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await status(c.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await status(d.menteeId)).toEqual({ status: "PAIRED", leftReason: null });
    expect(await status(e.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await withDb({ organizationId: s.id }, (tx) => loadCompletionFacts(tx, s.id, s.programId))).toMatchObject({ menteesNotUpdated: 0 });
    // Once more: nothing left to update.
    expect(await ok("completion.updateBanks", s.curator.id, { org: s.slug, programId: s.programId })).toEqual({ left: 0, waiting: 0 });
    expect(dAgain).toBeTruthy();
    // A mentee who left comes back into the same entry when added again.
    await ok("mentees.add", s.curator.id, { org: s.slug, personId: a.personId, category: "GROWTH", difficulties: ["DIGITAL"], source: "QUESTIONNAIRE" });
    expect(await status(a.menteeId)).toEqual({ status: "WAITING", leftReason: null });
  });
});
