import type { DemoSchool } from "./seed-district-table";
import { id, type DemoRows, type StoryClock } from "./seed-rows";
import type { StoryStaff } from "./seed-school-story";
import { writeSurvey } from "./seed-surveys";

// Stages 5–7 of a generated demo school: the pairs, the head's order securing them, their personalized programs
// with plan items and meeting schedules, the meetings held, the questionnaires of the participants.

export type StoryPair = { mentor: string; mentees: string[]; form: "TEACHER_TEACHER" | "TEACHER_STUDENT" | "STUDENT_STUDENT"; difficulties: string[] };
type Ids = { organizationId: string; programId: string };

const DIRECTIONS: Record<StoryPair["form"], string> = {
  TEACHER_TEACHER: "Адаптация молодого педагога: планирование занятий, дисциплина, работа с родителями",
  TEACHER_STUDENT: "Повышение учебной мотивации и успеваемости",
  STUDENT_STUDENT: "Подготовка к олимпиаде и проектной работе",
};
const ITEMS = ["Знакомство с организацией, нормативной базой и коллективом", "Посещение занятий наставника", "Совместное планирование занятий", "Открытое занятие наставляемого"];

/** Fractions of the year so far: the order, the programs, then the meetings of the schedule. */
const ORDER_AT = 0.5;
const MEETINGS = [
  { kind: "INTRO", at: 0.56, topic: "Знакомство" },
  { kind: "TRIAL", at: 0.64, topic: "Пробная рабочая встреча" },
  { kind: "PLANNING", at: 0.72, topic: "Планирование работы" },
  { kind: "REGULAR", at: 0.8, topic: "Разбор посещённого занятия" },
] as const;

/** Returns the «до» assessment's id (null before stage 6). */
export function writePairs(rows: DemoRows, school: DemoSchool, ids: Ids, staff: StoryStaff, clock: StoryClock, pairs: StoryPair[], people: { mentors: string[]; mentees: string[] }): string | null {
  const { organizationId } = ids;
  const S = school.stage;
  const proposed = S === 5 && school.stage5 === "proposed";
  const drafts = S === 5 && school.stage5 === "drafts";
  const completed = S >= 7;
  const programEnd = completed ? clock.at(0.87) : new Date(Date.UTC(clock.year + 1, 4, 31));

  let orderId: string | null = null;
  if (!proposed) {
    const localActId = id();
    orderId = id();
    const date = clock.at(ORDER_AT);
    // Orders are numbered within the calendar year: last year's program may have had one this year already.
    const sequence = rows.order.filter((o) => o.organizationId === organizationId && o.year === date.getUTCFullYear()).length + 1;
    const number = `${sequence}-НП`;
    rows.act.push({ id: localActId, ...ids, kind: "PAIRS_ORDER", number, date, title: "О закреплении наставнических пар / групп", status: "APPROVED", registeredById: staff.curatorId, approvedById: staff.directorId, approvedAt: clock.instant(ORDER_AT) });
    rows.order.push({ id: orderId, ...ids, year: date.getUTCFullYear(), sequence, number, date, localActId, createdById: staff.directorId });
  }

  for (const p of pairs) {
    const pairId = id();
    rows.pair.push({
      id: pairId,
      ...ids,
      mentorId: p.mentor,
      form: p.form,
      type: "TRADITIONAL",
      direction: DIRECTIONS[p.form],
      status: proposed ? "PROPOSED" : drafts ? "APPROVED" : completed ? "COMPLETED" : "ACTIVE",
      version: proposed ? 1 : completed ? 4 : 3,
      proposedById: staff.curatorId,
      ...(proposed ? {} : { decidedById: staff.directorId, decidedAt: clock.instant(ORDER_AT), orderId, startsOn: clock.at(ORDER_AT) }),
      ...(completed ? { endsOn: programEnd, closedAt: clock.instant(0.87), closedReason: "Персонализированная программа выполнена" } : {}),
    });
    for (const menteeId of p.mentees) rows.pairMentee.push({ organizationId, pairId, menteeId });
    if (proposed) continue;
    for (const menteeId of p.mentees) {
      const entry = rows.mentee.find((m) => m.id === menteeId);
      if (entry) entry.status = "PAIRED";
    }

    const personalId = id();
    const startsOn = clock.at(ORDER_AT + 0.02);
    rows.personal.push({
      id: personalId,
      organizationId,
      pairId,
      startsOn,
      endsOn: programEnd,
      direction: DIRECTIONS[p.form],
      goals: p.form === "TEACHER_TEACHER" ? "Успешная адаптация молодого педагога, освоение практических приёмов ведения занятий" : "Рост учебной мотивации и результатов обучающегося",
      tasks: "1. Выявить затруднения и составить план.\n2. Освоить приёмы планирования и проведения занятий.\n3. Подвести итоги и наметить дальнейшее развитие.",
      workingMode: p.form === "STUDENT_STUDENT" ? "MIXED" : "IN_PERSON",
      difficulties: p.difficulties,
      intermediateResults: "Составлен план, проведён самоанализ посещённых занятий",
      expectedResults: "Наставляемый уверенно решает задачи, с которыми пришёл в программу",
      ...(completed ? { achievedResults: "Задачи программы решены: наставляемый провёл открытое занятие, затруднения сняты" } : {}),
      // A working pair works by a program the curator approved (decision 028); at stage 5 «drafts» it waits.
      ...(drafts ? { status: "DRAFT" } : { status: "APPROVED", approvedVersion: 1, approvedAt: clock.instant(ORDER_AT + 0.04), approvedById: staff.curatorId }),
    });
    const span = programEnd.getTime() - startsOn.getTime();
    ITEMS.forEach((title, i) => {
      const done = completed || (S === 6 && i === 0);
      rows.planItem.push({ organizationId, personalProgramId: personalId, title, dueOn: new Date(startsOn.getTime() + Math.round(((i + 1) / ITEMS.length) * span / 86_400_000) * 86_400_000), status: done ? "DONE" : "PLANNED", result: done ? "Выполнено" : null, position: i });
    });
    if (drafts) continue;
    // The schedule: the meetings held so far linked to their records, the final one planned (or held).
    for (const m of MEETINGS) {
      const meetingId = id();
      rows.meeting.push({ id: meetingId, organizationId, pairId, kind: m.kind, heldOn: clock.at(m.at), attendeeIds: p.mentees, loggedById: staff.curatorId });
      rows.planned.push({ organizationId, personalProgramId: personalId, plannedOn: clock.at(m.at), kind: m.kind, topic: m.topic, meetingId });
    }
    const finalId = completed ? id() : null;
    if (finalId) rows.meeting.push({ id: finalId, organizationId, pairId, kind: "FINAL", heldOn: programEnd, attendeeIds: p.mentees, loggedById: staff.curatorId, notes: "Подведены итоги, намечен план развития" });
    rows.planned.push({ organizationId, personalProgramId: personalId, plannedOn: programEnd, kind: "FINAL", topic: "Итоговая встреча: результаты и план развития", meetingId: finalId });
  }
  if (proposed || drafts) return null;

  // The mentees' «до» assessment; at stage 6 the mid-year feedback is open (the demo accounts have not
  // answered: their home page asks them to); at stage 7 both satisfaction questionnaires are closed.
  const before = writeSurvey(rows, ids, { kind: "ASSESSMENT_BEFORE", title: "Оценка участника программы — до", people: people.mentees, createdById: staff.curatorId, openedAt: clock.instant(0.57), closedAt: clock.instant(0.6) });
  const linked = new Set(rows.person.filter((r) => r.userId && [...people.mentors, ...people.mentees].includes(r.id!)).map((r) => r.id!));
  if (!completed) {
    const everyone = [...people.mentors, ...people.mentees];
    const unanswered = new Set([...linked, ...everyone.filter((_, i) => i % 3 === 2)]);
    writeSurvey(rows, ids, { kind: "CUSTOM", title: "Обратная связь участников: первое полугодие", people: everyone, createdById: staff.curatorId, openedAt: clock.instant(0.82), closedAt: null, closesOn: clock.days(clock.today, 21), unanswered });
    return before.id;
  }
  writeSurvey(rows, ids, { kind: "SATISFACTION_MENTEE", title: "Удовлетворённость наставляемых", people: people.mentees, createdById: staff.curatorId, openedAt: clock.instant(0.86), closedAt: clock.instant(0.88) });
  writeSurvey(rows, ids, { kind: "SATISFACTION_MENTOR", title: "Удовлетворённость наставников", people: people.mentors, createdById: staff.curatorId, openedAt: clock.instant(0.86), closedAt: clock.instant(0.88) });
  return before.id;
}
