import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../../lib/domain/local-date";
import { describe, expect, it } from "vitest";
import { addMentee } from "../../lib/banks/actions";
import { deleteAward, recordAward, updateBanks } from "../../lib/completion/actions";
import { withDb } from "../../lib/db";
import { unmetExitConditions } from "../../lib/domain/stages";
import { loadSchoolFigures } from "../../lib/monitoring/school";
import { closePair, proposePairs, rejectPair, withdrawPair } from "../../lib/pairs/actions";
import { deletePlanItem, programFromTemplate, savePersonalProgram, savePlanItem } from "../../lib/pairs/personal-program-actions";
import { savePractice } from "../../lib/practices/actions";
import { advanceStage, passGateAnyway, registerAct, saveActivity, setActivityStatus, updatePassport } from "../../lib/programs/actions";
import { loadCompletionFacts, loadProgramFacts } from "../../lib/programs/facts";
import { as, call, callOk, type InputOf } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { createApprovedPairs, createConsentedPerson, createMentee, createMentor, createSchoolWithMentor, type PersonOptions, type School } from "../setup/factories";
import { createSurvey } from "../../lib/surveys/actions";
import { deleteMeeting, logMeeting } from "../../lib/pairs/meeting-actions";
import { pairVersion } from "../setup/rows";

const db = setupTestDatabase();
// A dated story (consents, trainings, orders, meetings of autumn 2026): its own clock, see tests/setup/clock.ts.
pinClock();

// The story's people consent to the surveys too (the satisfaction questionnaires of stage 7).
const PURPOSES: PersonOptions["purposes"] = ["BANK", "PAIRS", "SURVEYS"];
const mentee = (s: School) => createMentee(s, { person: { purposes: PURPOSES } });
/** One pair per mentee with the mentor, each in its own direction, approved by one order. */
const pairs = (s: School, mentorId: string, menteeIds: string[]) => createApprovedPairs(s, menteeIds.map((id, i) => ({ mentorId, menteeIds: [id], direction: `Направление ${i}` })));

const close = async (s: School, pairId: string, outcome: "COMPLETED" | "DISSOLVED") =>
  callOk(closePair, as(s.director), { org: s.slug, pairId, version: await pairVersion(db().prisma, pairId), outcome, reason: outcome === "COMPLETED" ? "Программа выполнена" : "Перевод в другую школу" });

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
    const s = await createSchoolWithMentor(db().prisma, { stage: 5 });
    const a = await mentee(s);
    const b = await mentee(s);
    const m = await createMentor(s, { capacity: "3", person: { purposes: PURPOSES } });
    const [p1, p2] = (await pairs(s, m.mentorId, [a.menteeId, b.menteeId])) as [string, string];
    await close(s, p1, "COMPLETED");
    await prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 7 } });
    await prisma.roadmapActivity.updateMany({ where: { programId: s.programId, stage: 7 }, data: { status: "DONE", evidence: "Протокол" } });

    const refused = await call(advanceStage, as(s.curator), { org: s.slug, programId: s.programId, expectedStage: 7 });
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
    await callOk(savePractice, as(s.curator), { org: s.slug, kind: "MATERIAL", title: "Памятка наставнику", summary: "Памятка для первой встречи наставника" });
    expect(await unmetCodes(s)).toContain("cases");
    const dissolvedCase = await call(savePractice, as(s.curator), { org: s.slug, kind: "CASE", pairId: p2, title: "Кейс", summary: "Описание практики пары" });
    expect(dissolvedCase).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { pairId: ["Кейс оформляют по завершённой паре."] } } });
    const { practiceId } = await callOk(savePractice, as(s.curator), {
      org: s.slug,
      kind: "CASE",
      pairId: p1,
      title: "Адаптация молодого педагога через совместные уроки",
      summary: "Как пара учитель – учитель за полгода сняла трудности с дисциплиной на уроках",
      tags: "адаптация, молодой педагог",
    });
    expect(await prisma.bestPractice.findUniqueOrThrow({ where: { id: practiceId } })).toMatchObject({ kind: "CASE", programId: s.programId, pairId: p1, tags: ["адаптация", "молодой педагог"], body: null });
    expect(await unmetCodes(s)).not.toContain("cases");

    await callOk(recordAward, as(s.director), { org: s.slug, programId: s.programId, personId: m.personId, kind: "LETTER_OF_THANKS", title: "За высокий профессионализм в наставничестве", awardedOn: "2027-05-25", basis: "Приказ № 45-о от 20.05.2027" });
    expect(await unmetCodes(s)).not.toContain("awards");

    // The banks: A's pair is completed but the bank still says «в паре».
    expect((await prisma.menteeProfile.findUniqueOrThrow({ where: { id: a.menteeId } })).status).toBe("PAIRED");
    expect(await callOk(updateBanks, as(s.curator), { org: s.slug, programId: s.programId })).toEqual({ left: 1, waiting: 0 });
    expect(await prisma.menteeProfile.findUniqueOrThrow({ where: { id: a.menteeId } })).toMatchObject({ status: "LEFT", leftReason: "Наставничество завершено: пара программы 2026/2027 завершена" });
    expect(await unmetCodes(s)).toEqual(["final-report"]);

    await markFinalReport(s.programId);
    expect(await unmetCodes(s)).toEqual([]);

    const completed = await callOk(advanceStage, as(s.curator), { org: s.slug, programId: s.programId, expectedStage: 7 });
    expect(completed).toEqual({ stage: 7, completed: true });
    const program = await prisma.mentoringProgram.findUniqueOrThrow({ where: { id: s.programId } });
    expect(program.status).toBe("COMPLETED");
    expect(program.completedAt).toBeInstanceOf(Date);
    expect(await prisma.stageTransition.findMany({ where: { programId: s.programId }, select: { kind: true, fromStage: true, toStage: true } })).toEqual([{ kind: "COMPLETE", fromStage: 7, toStage: 7 }]);
    // Completed: nothing more to advance.
    expect(await call(advanceStage, as(s.curator), { org: s.slug, programId: s.programId, expectedStage: 7 })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "Программа завершена: её данные доступны только для чтения." } });
  });
});

describe("a completed program is read-only", () => {
  it("refuses writes to its roadmap, passport, pairs, personalized programs, meetings and awards, and writes nothing; it stays reportable", async () => {
    const prisma = db().prisma;
    const s = await createSchoolWithMentor(db().prisma, { stage: 5 });
    const a = await mentee(s);
    const b = await mentee(s);
    const m = await createMentor(s, { capacity: "3", person: { purposes: PURPOSES } });
    const [working] = (await pairs(s, m.mentorId, [a.menteeId])) as [string];
    const { pairIds } = await callOk(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: [{ mentorId: m.mentorId, menteeIds: [b.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });
    const proposed = pairIds[0]!;
    await callOk(programFromTemplate, as(s.curator), { org: s.slug, pairId: working, startsOn: "2026-10-15", endsOn: "2027-05-31" });
    const personalProgram = await prisma.personalProgram.findFirstOrThrow({ where: { pairId: working }, include: { items: true } });
    const meeting = await prisma.meeting.create({ data: { organizationId: s.id, pairId: working, kind: "INTRO", heldOn: new Date("2026-10-20T00:00:00Z"), attendeeIds: [a.menteeId], loggedById: s.curator.id } });
    await prisma.pair.update({ where: { id: working }, data: { status: "ACTIVE" } });
    const { awardId } = await callOk(recordAward, as(s.curator), { org: s.slug, programId: s.programId, personId: m.personId, kind: "CERTIFICATE", title: "Грамота наставнику", awardedOn: "2027-05-20" });
    const activity = await prisma.roadmapActivity.findFirstOrThrow({ where: { programId: s.programId } });

    // The director completes it anyway (stage 7, with a written reason).
    await prisma.mentoringProgram.update({ where: { id: s.programId }, data: { stage: 7 } });
    await callOk(passGateAnyway, as(s.director), { org: s.slug, programId: s.programId, expectedStage: 7, reason: "Итоги подведены на педагогическом совете" });
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
    // Each attempt as the role that may do it otherwise, named for the failure message.
    const workingVersion = await pairVersion(db().prisma, working);
    const attempts: [string, () => Promise<unknown>][] = [
      ["pairs.close", () => call(closePair, as(s.director), { org: s.slug, pairId: working, version: workingVersion, outcome: "COMPLETED", reason: "Программа выполнена" })],
      ["pairs.reject", () => call(rejectPair, as(s.director), { org: s.slug, pairId: proposed, version: 1, comment: "Не нужна" })],
      ["pairs.withdraw", () => call(withdrawPair, as(s.curator), { org: s.slug, pairId: proposed, version: 1 })],
      ["pairs.propose", () => call(proposePairs, as(s.curator), { org: s.slug, programId: s.programId, pairs: [{ mentorId: m.mentorId, menteeIds: [b.menteeId], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] })],
      ["meetings.log", () => call(logMeeting, as(s.curator), { org: s.slug, pairId: working, kind: "FINAL", heldOn: "2026-11-01", attendeeIds: [a.menteeId] })],
      ["meetings.delete", () => call(deleteMeeting, as(s.curator), { org: s.slug, meetingId: meeting.id })],
      ["personalPrograms.save", () => call(savePersonalProgram, as(s.curator), { org: s.slug, pairId: working, startsOn: "2026-10-15", endsOn: "2027-05-31", direction: "Дисциплина", goals: "Новые цели", difficulties: [], expectedResults: "Результаты", workingMode: "IN_PERSON" })],
      ["personalPrograms.saveItem", () => call(savePlanItem, as(s.curator), { org: s.slug, pairId: working, title: "Ещё пункт", dueOn: "2026-12-01" })],
      ["personalPrograms.deleteItem", () => call(deletePlanItem, as(s.curator), { org: s.slug, pairId: working, itemId: personalProgram.items[0]!.id })],
      ["roadmap.saveActivity", () => call(saveActivity, as(s.curator), { org: s.slug, programId: s.programId, stage: 7, title: "Новое мероприятие", dueText: "май", responsibleText: "Куратор" })],
      ["roadmap.setStatus", () => call(setActivityStatus, as(s.curator), { org: s.slug, activityId: activity.id, status: "CANCELLED" })],
      ["programs.updatePassport", () => call(updatePassport, as(s.curator), { org: s.slug, programId: s.programId, title: "Новое название", audience: "BOTH" })],
      ["awards.record", () => call(recordAward, as(s.curator), { org: s.slug, programId: s.programId, personId: m.personId, kind: "CERTIFICATE", title: "Ещё грамота", awardedOn: "2027-05-21" })],
      ["awards.delete", () => call(deleteAward, as(s.curator), { org: s.slug, awardId })],
      ["acts.register", () => call(registerAct, as(s.curator), { org: s.slug, programId: s.programId, kind: "OTHER", number: "99-од", date: "2027-05-25", title: "Ещё один приказ" })],
      ["surveys.create", () => call(createSurvey, as(s.curator), { org: s.slug, kind: "SATISFACTION_MENTEE", programId: s.programId })],
    ];
    for (const [name, attempt] of attempts) {
      const res = await attempt();
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
    const s = await createSchoolWithMentor(db().prisma, { stage: 7 });
    const a = await mentee(s);
    const outsider = await createConsentedPerson(s, { purposes: PURPOSES }); // of the school, in no bank
    const other = await createSchoolWithMentor(db().prisma, { stage: 7 });
    const stranger = await mentee(other);
    const input: InputOf<typeof recordAward> = { org: s.slug, programId: s.programId, personId: a.personId, kind: "LETTER_OF_THANKS", title: "Благодарность за участие", awardedOn: "2027-05-25" };

    expect(await call(recordAward, as(s.curator), { ...input, title: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { title: ["Укажите формулировку поощрения."] } } });
    expect(await call(recordAward, as(s.curator), { ...input, personId: "" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { personId: ["Выберите участника."] } } });
    expect(await call(recordAward, as(s.curator), { ...input, awardedOn: "25.05.2027" })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { awardedOn: ["Введите дату в формате ДД.ММ.ГГГГ."] } } });
    expect(await call(recordAward, as(s.curator), { ...input, kind: "MEDAL" as never })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const notParticipant = { ok: false, error: { code: "VALIDATION", fieldErrors: { personId: ["Поощрить можно наставника или наставляемого из банков школы."] } } };
    expect(await call(recordAward, as(s.curator), { ...input, personId: outsider })).toMatchObject(notParticipant);
    expect(await call(recordAward, as(s.curator), { ...input, personId: stranger.personId })).toMatchObject(notParticipant);
    expect(await call(recordAward, as(s.curator), { ...input, awardedOn: "2027-09-01" })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", fieldErrors: { awardedOn: ["Дата поощрения должна приходиться на учебный год программы."] } },
    });
    expect(await call(recordAward, as(s.curator), { ...input, programId: other.programId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(recordAward, as(s.mentorUser), input)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await prisma.award.count({ where: { organizationId: s.id } })).toBe(0);

    const { awardId } = await callOk(recordAward, as(s.curator), { ...input, basis: "  Приказ № 12 от 24.05.2027 " });
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
    await callOk(recordAward, as(s.director), { ...input, kind: "CERTIFICATE", title: "Грамота" });
    // Another school's curator cannot delete it; its own can.
    expect(await call(deleteAward, as(other.curator), { org: other.slug, awardId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await callOk(deleteAward, as(s.curator), { org: s.slug, awardId });
    expect(await prisma.award.count({ where: { organizationId: s.id } })).toBe(1);
  });
});

describe("updating the banks", () => {
  it("lets completed pairs' mentees leave (unless kept waiting), dissolved pairs' mentees wait, and leaves working ones alone", async () => {
    const prisma = db().prisma;
    const s = await createSchoolWithMentor(db().prisma, { stage: 5 });
    const [a, b, c, d, e] = [await mentee(s), await mentee(s), await mentee(s), await mentee(s), await mentee(s)];
    const m = await createMentor(s, { capacity: "5", person: { purposes: PURPOSES } });
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
    const other = await createSchoolWithMentor(db().prisma, { stage: 7 });
    expect(await call(updateBanks, as(other.curator), { org: other.slug, programId: s.programId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(updateBanks, as(s.mentorUser), { org: s.slug, programId: s.programId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    expect(await callOk(updateBanks, as(s.curator), { org: s.slug, programId: s.programId, keepWaiting: [b.menteeId, e.menteeId] })).toEqual({ left: 1, waiting: 2 });
    const status = async (id: string) => prisma.menteeProfile.findUniqueOrThrow({ where: { id }, select: { status: true, leftReason: true } });
    expect(await status(a.menteeId)).toEqual({ status: "LEFT", leftReason: "Наставничество завершено: пара программы 2026/2027 завершена" });
    expect(await status(b.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await status(c.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await status(d.menteeId)).toEqual({ status: "PAIRED", leftReason: null });
    expect(await status(e.menteeId)).toEqual({ status: "WAITING", leftReason: null });
    expect(await withDb({ organizationId: s.id }, (tx) => loadCompletionFacts(tx, s.id, s.programId))).toMatchObject({ menteesNotUpdated: 0 });
    // Once more: nothing left to update.
    expect(await callOk(updateBanks, as(s.curator), { org: s.slug, programId: s.programId })).toEqual({ left: 0, waiting: 0 });
    expect(dAgain).toBeTruthy();
    // A mentee who left comes back into the same entry when added again.
    await callOk(addMentee, as(s.curator), { org: s.slug, personId: a.personId, category: "GROWTH", difficulties: ["DIGITAL"], source: "QUESTIONNAIRE" });
    expect(await status(a.menteeId)).toEqual({ status: "WAITING", leftReason: null });
  });
});
