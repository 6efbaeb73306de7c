import { templateActivityRows, templateIndicatorRows } from "../lib/programs/instantiate";
import type { DemoSchool } from "./seed-district-table";
import { writePairs } from "./seed-pair-story";
import { id, storyClock, type DemoRows, type StoryClock } from "./seed-rows";
import type { SchoolPeople, StoryOrg, StoryStaff } from "./seed-school-story";
import { writeStageOneActs } from "./seed-acts";
import { writeSurvey } from "./seed-surveys";

// The program of the year before, completed: every stage passed, pairs closed after their final meetings,
// satisfaction and the before/after assessment collected, a case written, a mentor thanked, the banks updated
// (the mentees have left the bank), the final report produced — stage 7's exit condition holds. It gives the
// district's and the school's year-on-year comparison (decision 053) real figures to compare.

export function writeLastYear(rows: DemoRows, school: DemoSchool, org: StoryOrg, staff: StoryStaff, clock: StoryClock, people: SchoolPeople, mentors: { profileId: string; personId: string }[]) {
  const year = clock.year - 1;
  const organizationId = org.id;
  const programId = id();
  const ids = { organizationId, programId };
  // Last year's story runs from 1 September to 31 May; every date is in the past.
  const last = storyClock(year, new Date(Date.UTC(year + 1, 4, 31)), clock.now);
  rows.program.push({
    id: programId,
    organizationId,
    academicYear: year,
    title: `Программа наставничества ${org.shortName} на ${year}/${year + 1} учебный год`,
    audience: "TEACHERS",
    stage: 7,
    status: "COMPLETED",
    curatorId: staff.curatorId,
    goal: `Адаптация молодых специалистов ${org.shortName}`,
    startDate: new Date(Date.UTC(year, 8, 1)),
    endDate: new Date(Date.UTC(year + 1, 4, 31)),
    finalReportAt: new Date(Date.UTC(year + 1, 5, 10, 10)),
    completedAt: new Date(Date.UTC(year + 1, 5, 15, 10)),
  });
  for (const a of templateActivityRows("school", ids, year, { schoolKind: school.kind })) {
    const due = a.dueEnd ? new Date(a.dueEnd as Date) : new Date(Date.UTC(year + 1, 4, 31));
    rows.activity.push({ ...a, status: "DONE", evidence: "Отчёт куратора", completedAt: new Date(due.getTime() - 5 * 86_400_000) });
  }
  rows.indicator.push(...templateIndicatorRows("school", ids, year));
  writeStageOneActs(rows, school, ids, staff, last, year);
  for (let k = 1; k < 7; k++) rows.transition.push({ ...ids, kind: "ADVANCE", fromStage: k, toStage: k + 1, actorId: staff.curatorId, createdAt: last.instant(0.1 + k * 0.13) });
  rows.transition.push({ ...ids, kind: "COMPLETE", fromStage: 7, toStage: 7, actorId: staff.directorId, createdAt: new Date(Date.UTC(year + 1, 5, 15, 10)) });

  // Last year's young teachers, each with the mentor who works this year too.
  const pairs = mentors.map((mentor) => {
    const personId = id();
    const profileId = id();
    rows.person.push({ id: personId, organizationId, kind: "TEACHER", ...people.next(), position: "Учитель", experienceYears: 1, qualificationCategory: "без категории", hiredOn: new Date(Date.UTC(year, 7, 28)) });
    rows.consent.push({ organizationId, personId, purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: new Date(Date.UTC(year, 8, 10)), recordedById: staff.curatorId });
    rows.mentee.push({ id: profileId, organizationId, personId, category: "YOUNG_SPECIALIST", difficulties: ["LESSON_PLANNING", "DISCIPLINE"], source: "QUESTIONNAIRE", addedById: staff.curatorId, approvedById: staff.directorId, approvedAt: last.instant(0.35) });
    rows.training.push({ organizationId, mentorId: mentor.profileId, kind: "SESSION", title: "Установочная сессия для наставников", finishedOn: last.at(0.3), hours: 6 });
    return { mentor: mentor.profileId, mentees: [profileId], form: "TEACHER_TEACHER" as const, difficulties: ["LESSON_PLANNING", "DISCIPLINE"], personId, profileId };
  });
  const mentees = pairs.map((p) => p.personId);
  const beforeId = writePairs(rows, { ...school, stage: 7 }, ids, staff, last, pairs, { mentors: mentors.map((m) => m.personId), mentees });
  // The banks updated after the program (stage 7): the mentees finished and left the bank.
  for (const p of pairs) Object.assign(rows.mentee.find((m) => m.id === p.profileId)!, { status: "LEFT", leftReason: `Завершил(а) программу наставничества ${year}/${year + 1} учебного года` });
  writeSurvey(rows, ids, { kind: "ASSESSMENT_AFTER", title: "Оценка участника программы — после", people: mentees, createdById: staff.curatorId, openedAt: last.instant(0.86), closedAt: last.instant(0.9), comparedWithId: beforeId!, shift: 1 });
  rows.practice.push({
    organizationId,
    programId,
    kind: "CASE",
    title: `Кейс ${org.shortName}: первый год молодого учителя`,
    summary: "Как пара «учитель – учитель» за год сняла затруднения молодого педагога с дисциплиной и планированием уроков: график встреч, взаимопосещения, открытый урок.",
    tags: ["адаптация", "молодой педагог"],
    sharedWithDistrict: true,
    authorId: staff.curatorId,
  });
  rows.award.push({ organizationId, programId, personId: mentors[0]!.personId, kind: "LETTER_OF_THANKS", title: "Благодарственное письмо за работу наставником", awardedOn: new Date(Date.UTC(year + 1, 4, 25)), basis: "Приказ по итогам учебного года", createdById: staff.directorId });
}
