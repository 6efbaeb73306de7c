import { templateActivityRows, templateIndicatorRows } from "../lib/programs/instantiate";
import { templateQuestions } from "../lib/domain/questionnaire-templates";
import type { DemoSchool } from "./seed-district-table";
import { representativeOf, staffWords, type DemoName } from "./seed-people";
import { answersTo, id, type DemoRows, type StoryClock } from "./seed-rows";
import { writePairs, type StoryPair } from "./seed-pair-story";
import { writeLastYear } from "./seed-last-year";
import { writeStageOneActs } from "./seed-acts";

// This year's story of one generated school (prisma/seed-district-table.ts), written as the app would have
// left it at its stage: the roadmap done up to the stage (the current stage's dated activities done unless
// the row leaves some overdue), the stage-1 acts approved, people with consents from the right person
// (a minor's from the legal representative), the banks, the pairs by order with their approved personalized
// programs and meetings, the questionnaires answered — so that the exit condition of every stage before the
// current one holds (tests/integration/demo-district.test.ts checks it) and the current one is in progress.

export type StoryOrg = { id: string; shortName: string };
export type StoryStaff = { directorId: string; curatorId: string };
/** Demo accounts linked to the people of the school's first teacher pair. */
export type StoryAccounts = { mentor?: { userId: string; name: DemoName }; mentee?: { userId: string; name: DemoName } };

/** Stage advances: the fraction of the year so far at which the program passed stage k → k + 1. */
const ADVANCED_AT = [0, 0.1, 0.22, 0.3, 0.42, 0.55, 0.9];
const TEACHER_DIFFICULTIES = [["DISCIPLINE", "PARENTS"], ["LESSON_PLANNING", "ASSESSMENT"], ["METHODS", "DIGITAL"], ["COLLECTIVE", "UPBRINGING"], ["INDIVIDUAL", "NORMATIVE"]];
const COMPETENCIES = [["DISCIPLINE", "PARENTS", "COLLECTIVE"], ["LESSON_PLANNING", "ASSESSMENT", "SUBJECT"], ["METHODS", "DIGITAL", "GIFTED_WORK"], ["UPBRINGING", "COLLECTIVE", "STRESS"], ["INDIVIDUAL", "NORMATIVE", "METHODS"]];

export type SchoolPeople = { next: () => DemoName; counter: { n: number } };

export function writeSchoolStory(rows: DemoRows, school: DemoSchool, org: StoryOrg, staff: StoryStaff, clock: StoryClock, people: SchoolPeople, accounts: StoryAccounts = {}): void {
  const S = school.stage;
  if (S < 1) return;
  const { year } = clock;
  const organizationId = org.id;
  const programId = id();
  const ids = { organizationId, programId };
  const audience = school.audience ?? "TEACHERS";
  rows.program.push({
    id: programId,
    organizationId,
    academicYear: year,
    title: `Программа наставничества ${org.shortName} на ${year}/${year + 1} учебный год`,
    audience,
    stage: S,
    curatorId: staff.curatorId,
    goal: `Адаптация молодых специалистов и профессиональный рост педагогов ${org.shortName}`,
    startDate: new Date(Date.UTC(year, 8, 1)),
    endDate: new Date(Date.UTC(year + 1, 4, 31)),
  });
  writeRoadmap(rows, school, ids, clock);
  rows.indicator.push(...templateIndicatorRows("school", ids, year));
  writeStageOneActs(rows, school, ids, staff, clock);
  for (let k = 1; k < S; k++) {
    rows.transition.push({ ...ids, kind: "ADVANCE", fromStage: k, toStage: k + 1, actorId: staff.curatorId, createdAt: clock.instant(ADVANCED_AT[k]!) });
  }
  if (S < 2) return;

  // People and banks. Stage 2 forms the mentee bank; from stage 3 the mentors' too.
  const words = staffWords(school.kind);
  const teacherPairs = school.pairs ?? 2;
  const consentOn = clock.at(0.1);
  const person = (kind: "TEACHER" | "STUDENT", name: DemoName, extra: Partial<{ position: string; subjects: string[]; experienceYears: number; birthDate: Date; grade: string; userId: string; hiredOn: Date }>, purposes: ("BANK" | "PAIRS" | "SURVEYS")[]) => {
    const personId = id();
    const minor = kind === "STUDENT";
    rows.person.push({ id: personId, organizationId, kind, ...name, ...extra, qualificationCategory: kind === "TEACHER" ? (extra.experienceYears ?? 0) > 5 ? "высшая" : "без категории" : null });
    rows.consent.push({
      organizationId,
      personId,
      purposes,
      // 152-ФЗ: a minor's consent is given by the legal representative, named, with their document.
      givenBy: minor ? "REPRESENTATIVE" : "SUBJECT",
      representativeName: minor ? representativeOf(name, people.counter.n) : null,
      representativeDocument: minor ? "паспорт гражданина РФ" : null,
      givenAt: consentOn,
      recordedById: staff.curatorId,
    });
    return personId;
  };

  // Mentees: young teachers, one more than the pairs (the one still waiting); a student with the audience BOTH.
  type Mentee = { profileId: string; personId: string; difficulties: string[]; category: string; name: DemoName; minor: boolean };
  const mentees: Mentee[] = [];
  const menteeCount = S >= 5 ? teacherPairs + 1 : Math.max(2, teacherPairs);
  for (let i = 0; i < menteeCount; i++) {
    const linked = i === 0 ? accounts.mentee : undefined;
    const name = linked?.name ?? people.next();
    const personId = person("TEACHER", name, { position: words.menteePosition, subjects: words.subjects[i % words.subjects.length]!, experienceYears: i % 3, hiredOn: new Date(Date.UTC(year - (i % 3), 7, 25)), ...(linked ? { userId: linked.userId } : {}) }, ["BANK", "PAIRS", "SURVEYS"]);
    mentees.push({ profileId: id(), personId, difficulties: TEACHER_DIFFICULTIES[i % TEACHER_DIFFICULTIES.length]!, category: "YOUNG_SPECIALIST", name, minor: false });
  }
  const students = audience === "BOTH" ? 2 : 0;
  for (let i = 0; i < students; i++) {
    const name = people.next();
    const birthDate = new Date(Date.UTC(year - 12 - i, 2 + i, 10 + i));
    const personId = person("STUDENT", name, { birthDate, grade: `${6 + i}А` }, ["BANK", "PAIRS", "SURVEYS"]);
    mentees.push({ profileId: id(), personId, difficulties: i === 0 ? ["STUDY_SKILLS"] : ["CAREER"], category: i === 0 ? "LOW_RESULTS" : "GIFTED", name, minor: true });
  }
  const approvedMentees = S >= 5;
  for (const m of mentees) {
    rows.mentee.push({
      id: m.profileId,
      organizationId,
      personId: m.personId,
      category: m.category as "YOUNG_SPECIALIST",
      difficulties: m.difficulties,
      request: m.minor ? null : "Хочу уверенно вести уроки и выстроить работу с классом",
      source: m.minor ? "CLASS_TEACHER" : "QUESTIONNAIRE",
      addedById: staff.curatorId,
      ...(approvedMentees ? { approvedById: staff.directorId, approvedAt: clock.instant(0.4) } : {}),
    });
  }
  writeNeedsSurvey(rows, ids, staff, clock, S, mentees.filter((m) => !m.minor));
  if (S < 3) return;

  // Mentors: an experienced teacher per pair (and per student pair); a senior student mentors a younger one.
  type Mentor = { profileId: string; personId: string; name: DemoName; student: boolean };
  const mentors: Mentor[] = [];
  for (let i = 0; i < teacherPairs + students; i++) {
    const studentMentor = students > 0 && i === teacherPairs + students - 1;
    const linked = i === 0 ? accounts.mentor : undefined;
    const name = linked?.name ?? people.next();
    const personId = studentMentor
      ? person("STUDENT", name, { birthDate: new Date(Date.UTC(year - 16, 4, 3)), grade: "10А" }, ["BANK", "PAIRS", "SURVEYS"])
      : person("TEACHER", name, { position: i === 0 ? `${words.mentorPosition}, руководитель методического объединения` : words.mentorPosition, subjects: words.subjects[i % words.subjects.length]!, experienceYears: 12 + i * 7, ...(linked ? { userId: linked.userId } : {}) }, ["BANK", "PAIRS", "SURVEYS"]);
    mentors.push({ profileId: id(), personId, name, student: studentMentor });
  }
  mentors.forEach((m, i) => {
    const trained = S >= 5 || (S === 4 && i === 0);
    const approved = S >= 5;
    rows.mentor.push({
      id: m.profileId,
      organizationId,
      personId: m.personId,
      competencies: m.student ? ["STUDY_SKILLS", "CAREER"] : COMPETENCIES[i % COMPETENCIES.length]!,
      capacity: m.student ? 1 : 2,
      status: approved ? "APPROVED" : trained ? "TRAINED" : "CANDIDATE",
      addedById: staff.curatorId,
      ...(approved ? { approvedById: staff.directorId, approvedAt: clock.instant(0.4), dutiesConsentAt: clock.at(0.38) } : {}),
      // The first mentor of a working school is open to the district (open mentoring, decision 037).
      districtVisibleSince: approved && i === 0 && !m.student ? clock.at(0.4) : null,
    });
    if (trained) rows.training.push({ organizationId, mentorId: m.profileId, kind: "SESSION", title: "Установочная сессия для наставников", finishedOn: clock.at(0.35), hours: 6 });
  });
  // The year before, the same mentors worked with other young teachers (they have left the bank since).
  if (school.lastYear) writeLastYear(rows, school, org, staff, clock, people, mentors.filter((m) => !m.student).map((m) => ({ profileId: m.profileId, personId: m.personId })));
  if (S < 5) return;

  // Pairs: teacher–teacher for the young teachers, teacher–student and student–student with the audience BOTH.
  const pairs: StoryPair[] = [];
  for (let i = 0; i < teacherPairs; i++) pairs.push({ mentor: mentors[i]!.profileId, mentees: [mentees[i]!.profileId], form: "TEACHER_TEACHER", difficulties: mentees[i]!.difficulties });
  if (students) {
    const studentMentees = mentees.filter((m) => m.minor);
    pairs.push({ mentor: mentors[teacherPairs]!.profileId, mentees: [studentMentees[0]!.profileId], form: "TEACHER_STUDENT", difficulties: studentMentees[0]!.difficulties });
    pairs.push({ mentor: mentors[teacherPairs + 1]!.profileId, mentees: [studentMentees[1]!.profileId], form: "STUDENT_STUDENT", difficulties: studentMentees[1]!.difficulties });
  }
  writePairs(rows, school, ids, staff, clock, pairs, { mentors: mentors.map((m) => m.personId), mentees: mentees.filter((m) => pairs.some((p) => p.mentees.includes(m.profileId))).map((m) => m.personId) });
}

/** The roadmap from the school template: stages before the current one done; the current one's dated activities done on time, save the row's overdue ones. */
function writeRoadmap(rows: DemoRows, school: DemoSchool, ids: { organizationId: string; programId: string }, clock: StoryClock) {
  let overdue = school.overdue ?? 0;
  const activities = templateActivityRows("school", ids, clock.year, { schoolKind: school.kind });
  for (const a of activities) {
    const continuous = a.recurrence === "CONSTANTLY" || a.recurrence === "AS_NEEDED";
    const due = a.dueEnd ? new Date(a.dueEnd as Date) : null;
    const past = due !== null && due.getTime() < clock.today.getTime();
    let done = !continuous && (a.stage < school.stage || (a.stage === school.stage && past));
    if (done && a.stage === school.stage && overdue > 0) {
      overdue -= 1;
      done = false;
    }
    const completedAt = due ? new Date(Math.min(due.getTime() - 3 * 86_400_000, clock.now.getTime())) : clock.instant(0.5);
    rows.activity.push(done ? { ...a, status: "DONE", evidence: "Протокол совещания при директоре", completedAt } : a.stage === school.stage && !continuous ? { ...a, status: "IN_PROGRESS" } : a);
  }
}

/** The needs questionnaire of stage 2, answered in the app: still open at stage 2 (the last mentee has not answered), closed after. */
function writeNeedsSurvey(rows: DemoRows, ids: { organizationId: string; programId: string }, staff: StoryStaff, clock: StoryClock, stage: number, mentees: { personId: string; category: string; difficulties: string[] }[]) {
  const questions = templateQuestions("MENTEE_NEEDS", { audience: "TEACHERS" });
  const questionnaireId = id();
  const open = stage === 2;
  rows.questionnaire.push({
    id: questionnaireId,
    ...ids,
    kind: "MENTEE_NEEDS",
    title: "Анкета наставляемого",
    questions: questions as never,
    status: open ? "OPEN" : "CLOSED",
    openedAt: clock.instant(0.12),
    closedAt: open ? null : clock.instant(0.2),
    closesOn: open ? clock.days(clock.today, 14) : null,
    createdById: staff.curatorId,
  });
  mentees.forEach((m, i) => {
    const answered = !open || i < mentees.length - 1;
    rows.recipient.push({
      organizationId: ids.organizationId,
      questionnaireId,
      personId: m.personId,
      ...(answered ? { answers: answersTo(questions, { category: m.category, difficulties: m.difficulties, request: "Хочу уверенно вести уроки и выстроить работу с классом" }) as never, answeredAt: clock.instant(0.15) } : {}),
    });
  });
}
