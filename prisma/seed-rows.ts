import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../lib/db/generated/prisma/client";
import type { Answers, Question } from "../lib/domain/questionnaires";

// The rows of the generated demo schools (prisma/seed-school-story.ts), collected in memory and written
// table by table with one createMany each, parents before children: a district of twenty organizations
// seeds in a few dozen statements instead of thousands (`npm start` and every e2e run seed a fresh database).

export const id = () => randomUUID();
const DAY = 86_400_000;

export class DemoRows {
  program: Prisma.MentoringProgramCreateManyInput[] = [];
  activity: Prisma.RoadmapActivityCreateManyInput[] = [];
  indicator: Prisma.ProgramIndicatorCreateManyInput[] = [];
  act: Prisma.LocalActCreateManyInput[] = [];
  transition: Prisma.StageTransitionCreateManyInput[] = [];
  person: Prisma.PersonCreateManyInput[] = [];
  consent: Prisma.ConsentCreateManyInput[] = [];
  mentee: Prisma.MenteeProfileCreateManyInput[] = [];
  mentor: Prisma.MentorProfileCreateManyInput[] = [];
  training: Prisma.MentorTrainingCreateManyInput[] = [];
  order: Prisma.PairOrderCreateManyInput[] = [];
  pair: Prisma.PairCreateManyInput[] = [];
  pairMentee: Prisma.PairMenteeCreateManyInput[] = [];
  personal: Prisma.PersonalProgramCreateManyInput[] = [];
  planItem: Prisma.PlanItemCreateManyInput[] = [];
  meeting: Prisma.MeetingCreateManyInput[] = [];
  planned: Prisma.PlannedMeetingCreateManyInput[] = [];
  questionnaire: Prisma.QuestionnaireCreateManyInput[] = [];
  recipient: Prisma.SurveyRecipientCreateManyInput[] = [];
  practice: Prisma.BestPracticeCreateManyInput[] = [];
  award: Prisma.AwardCreateManyInput[] = [];

  /** Writes every table in the order of its references. */
  async write(prisma: PrismaClient): Promise<void> {
    await prisma.mentoringProgram.createMany({ data: this.program });
    await prisma.roadmapActivity.createMany({ data: this.activity });
    await prisma.programIndicator.createMany({ data: this.indicator });
    await prisma.localAct.createMany({ data: this.act });
    await prisma.stageTransition.createMany({ data: this.transition });
    await prisma.person.createMany({ data: this.person });
    await prisma.consent.createMany({ data: this.consent });
    await prisma.menteeProfile.createMany({ data: this.mentee });
    await prisma.mentorProfile.createMany({ data: this.mentor });
    await prisma.mentorTraining.createMany({ data: this.training });
    await prisma.pairOrder.createMany({ data: this.order });
    await prisma.pair.createMany({ data: this.pair });
    await prisma.pairMentee.createMany({ data: this.pairMentee });
    await prisma.personalProgram.createMany({ data: this.personal });
    await prisma.planItem.createMany({ data: this.planItem });
    await prisma.meeting.createMany({ data: this.meeting });
    await prisma.plannedMeeting.createMany({ data: this.planned });
    await prisma.questionnaire.createMany({ data: this.questionnaire });
    await prisma.surveyRecipient.createMany({ data: this.recipient });
    await prisma.bestPractice.createMany({ data: this.practice });
    await prisma.award.createMany({ data: this.award });
  }
}

/**
 * The story's calendar: `at(f)` is the calendar day at fraction f of the way from 1 September to today (or
 * to 31 May in the summer), so the same story fits any day the demo is seeded on — on 1 September every
 * event falls on that day; `instant(f)` is that day as a moment, never after now.
 */
export type StoryClock = { year: number; now: Date; today: Date; at: (f: number) => Date; instant: (f: number) => Date; days: (from: Date, n: number) => Date };

export function storyClock(year: number, today: Date, now: Date): StoryClock {
  const start = Date.UTC(year, 8, 1);
  const end = Math.max(start, Math.min(today.getTime(), Date.UTC(year + 1, 4, 31)));
  const at = (f: number) => new Date(Math.floor((start + f * (end - start)) / DAY) * DAY);
  return {
    year,
    now,
    today,
    at,
    instant: (f) => new Date(Math.min(at(f).getTime() + 9 * 3600_000, now.getTime())),
    days: (from, n) => new Date(from.getTime() + n * DAY),
  };
}

/** Answers a questionnaire as a participant would: the profile's own category and difficulties where asked, a scale value, a first option. */
export function answersTo(questions: Question[], own: { category?: string; difficulties?: string[]; request?: string; scale?: number[] }): Answers {
  const answers: Answers = {};
  let s = 0;
  for (const q of questions) {
    const values = (q.options ?? []).map((o) => o.value);
    if (q.maps === "category" && own.category && values.includes(own.category)) answers[q.id] = own.category;
    else if (q.maps === "difficulties" && own.difficulties) answers[q.id] = own.difficulties.filter((d) => values.includes(d));
    else if (q.maps === "request" && own.request) answers[q.id] = own.request;
    else if (q.type === "scale" && q.scale) answers[q.id] = Math.min(q.scale.max, Math.max(q.scale.min, own.scale?.[s++ % own.scale.length] ?? q.scale.max - 1));
    else if (q.type === "single" && values.length) answers[q.id] = values[0]!;
    else if (q.type === "multiple" && values.length) answers[q.id] = [values[0]!];
  }
  return answers;
}
