"use server";

import "server-only";
import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import type { Tx } from "../db";
import { approvalRefusal, bankRefusal, categoriesFor, type MenteeCategory } from "../domain/banks";
import type { Answers, Question } from "../domain/questionnaires";
import { menteeEntryFromAnswers, mentorEntryFromAnswers } from "../domain/questionnaire-results";
import type { RuleProblem } from "../domain/consent";
import type { AppLocale } from "../i18n/config";
import { problemText } from "../people/problem-text";
import { CONSENT_SELECT } from "../people/select";
import {
  AddMenteeInput,
  AddMentorInput,
  ApproveMentorInput,
  DistrictVisibilityInput,
  FromSurveyInput,
  LeaveBankInput,
  RecordTrainingInput,
  UpdateMenteeInput,
  UpdateMentorInput,
} from "./schemas";

/** The person and, when they may not enter a bank today, why (consent, out of active work). */
async function personForBank(tx: Tx, organizationId: string, personId: string, today: Date) {
  const person = await tx.person.findFirst({
    where: { id: personId, organizationId },
    select: { id: true, kind: true, birthDate: true, minor: true, active: true, experienceYears: true, consents: { select: CONSENT_SELECT } },
  });
  if (!person) return null;
  const refusal = bankRefusal({ birthDate: person.birthDate, flaggedMinor: person.minor, active: person.active, kind: person.kind }, person.consents, today);
  return { ...person, refusal };
}

const noConsent = (reason: RuleProblem, locale: AppLocale | undefined) => refuse("CONFLICT", "bankConsentMissing", undefined, { details: [problemText(reason, locale)] });

/** A mentee entry is written once per person; someone who left the bank comes back into the same entry. */
async function putMentee(
  tx: Tx,
  organizationId: string,
  user: { id: string; locale: AppLocale },
  personId: string,
  today: Date,
  data: { category: MenteeCategory; difficulties: string[]; request: string | null; source: "QUESTIONNAIRE" | "CLASS_TEACHER" | "PSYCHOLOGIST" | "PARENTS"; fromRecipientId?: string },
) {
  const person = await personForBank(tx, organizationId, personId, today);
  if (!person) return refuse("NOT_FOUND", "notFound");
  if (person.refusal) return noConsent(person.refusal, user.locale);
  if (!categoriesFor(person.kind).includes(data.category)) return refuse("VALIDATION", "validation", { category: "categoryNotForKind" });
  const existing = await tx.menteeProfile.findFirst({ where: { organizationId, personId }, select: { id: true, status: true } });
  if (existing && existing.status !== "LEFT") return refuse("CONFLICT", "alreadyInBank");
  const entry = existing
    ? // Someone who comes back is approved anew by the head, as a mentor who comes back (decision 025).
      await tx.menteeProfile.update({ where: { id: existing.id }, data: { ...data, status: "WAITING", leftReason: null, approvedAt: null, approvedById: null }, select: { id: true } })
    : await tx.menteeProfile.create({ data: { ...data, organizationId, personId, addedById: user.id }, select: { id: true } });
  return done({ menteeId: entry.id }, { targetType: "MenteeProfile", targetId: entry.id, data: { category: data.category, source: data.source } });
}

export const addMentee = defineAction({
  name: "mentees.add",
  scope: "tenant",
  idempotent: true,
  permission: "banks.manage",
  input: AddMenteeInput,
  async run({ input, tx, ctx }) {
    const { org: _org, personId, ...data } = input;
    void _org;
    return putMentee(tx, ctx.organization.id, ctx.user, personId, organizationToday(ctx), data);
  },
});

export const updateMentee = defineAction({
  name: "mentees.update",
  scope: "tenant",
  permission: "banks.manage",
  input: UpdateMenteeInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const entry = await tx.menteeProfile.findFirst({ where: { id: input.menteeId, organizationId }, select: { id: true, status: true, category: true, approvedAt: true, person: { select: { kind: true } } } });
    if (!entry) return refuse("NOT_FOUND", "notFound");
    if (entry.status === "LEFT") return refuse("CONFLICT", "bankEntryLeft");
    if (!categoriesFor(entry.person.kind).includes(input.category)) return refuse("VALIDATION", "validation", { category: "categoryNotForKind" });
    // The head approved this person as a mentee of this category (a young specialist, a gifted pupil…): a
    // new category is a new person to approve. Difficulties and the request are the pair's working notes
    // and change without a new approval, as a mentor's competencies do (decision 025).
    const withdrawn = entry.approvedAt !== null && entry.category !== input.category;
    await tx.menteeProfile.update({
      where: { id: entry.id },
      data: { category: input.category, difficulties: input.difficulties, request: input.request, source: input.source, ...(withdrawn ? { approvedAt: null, approvedById: null } : {}) },
    });
    return done({ menteeId: entry.id, approvalWithdrawn: withdrawn }, { targetType: "MenteeProfile", targetId: entry.id, data: withdrawn ? { approvalWithdrawn: true } : undefined });
  },
});

export const leaveMenteeBank = defineAction({
  name: "mentees.leave",
  scope: "tenant",
  permission: "banks.manage",
  input: LeaveBankInput,
  async run({ input, tx, ctx }) {
    const left = await tx.menteeProfile.updateMany({
      where: { id: input.entryId, organizationId: ctx.organization.id, status: { not: "LEFT" } },
      data: { status: "LEFT", leftReason: input.reason },
    });
    if (left.count !== 1) return refuse("CONFLICT", "bankEntryLeft");
    return done({ menteeId: input.entryId }, { targetType: "MenteeProfile", targetId: input.entryId, data: { reason: input.reason } });
  },
});

/** The answered questionnaire of one person, of the expected kind. */
async function answeredSurvey(tx: Tx, organizationId: string, recipientId: string, kind: "MENTEE_NEEDS" | "MENTOR_PROFILE") {
  const recipient = await tx.surveyRecipient.findFirst({
    where: { id: recipientId, organizationId },
    select: { id: true, personId: true, answers: true, answeredAt: true, person: { select: { kind: true, experienceYears: true } }, questionnaire: { select: { kind: true, questions: true } } },
  });
  if (!recipient || recipient.questionnaire.kind !== kind) return null;
  if (!recipient.answeredAt || !recipient.answers) return "unanswered" as const;
  return { ...recipient, questions: recipient.questionnaire.questions as unknown as Question[], answers: recipient.answers as unknown as Answers };
}

/** Builds the mentee's bank entry from their needs questionnaire (source: their own questionnaire). */
export const addMenteeFromSurvey = defineAction({
  name: "mentees.addFromSurvey",
  scope: "tenant",
  idempotent: true,
  permission: "banks.manage",
  input: FromSurveyInput,
  async run({ input, tx, ctx }) {
    const survey = await answeredSurvey(tx, ctx.organization.id, input.recipientId, "MENTEE_NEEDS");
    if (!survey) return refuse("NOT_FOUND", "notFound");
    if (survey === "unanswered") return refuse("CONFLICT", "surveyNotAnswered");
    const kind = survey.person.kind;
    const derived = menteeEntryFromAnswers(survey.questions, survey.answers, kind);
    // A questionnaire without a category question still says something: a teacher with up to three
    // years of experience is a young specialist (seed 002), everyone else "other difficulties".
    const fallback: MenteeCategory =
      kind === "STUDENT" ? "STUDENT_OTHER" : survey.person.experienceYears !== null && survey.person.experienceYears <= 3 ? "YOUNG_SPECIALIST" : "OTHER_DIFFICULTIES";
    const category = derived.category && categoriesFor(kind).includes(derived.category) ? derived.category : fallback;
    return putMentee(tx, ctx.organization.id, ctx.user, survey.personId, organizationToday(ctx), {
      category,
      difficulties: derived.difficulties,
      request: derived.request,
      source: "QUESTIONNAIRE",
      fromRecipientId: survey.id,
    });
  },
});

async function putMentor(
  tx: Tx,
  organizationId: string,
  user: { id: string; locale: AppLocale },
  personId: string,
  today: Date,
  data: { competencies: string[]; achievements: string | null; capacity: number },
) {
  const person = await personForBank(tx, organizationId, personId, today);
  if (!person) return refuse("NOT_FOUND", "notFound");
  if (person.refusal) return noConsent(person.refusal, user.locale);
  const existing = await tx.mentorProfile.findFirst({ where: { organizationId, personId }, select: { id: true, status: true } });
  if (existing && existing.status !== "LEFT") return refuse("CONFLICT", "alreadyInBank");
  // Someone who comes back starts as a candidate again: the director approves anew.
  const entry = existing
    ? await tx.mentorProfile.update({
        where: { id: existing.id },
        data: { ...data, status: "CANDIDATE", leftReason: null, approvedAt: null, approvedById: null },
        select: { id: true },
      })
    : await tx.mentorProfile.create({ data: { ...data, organizationId, personId, addedById: user.id }, select: { id: true } });
  return done({ mentorId: entry.id }, { targetType: "MentorProfile", targetId: entry.id, data: { capacity: data.capacity } });
}

export const addMentor = defineAction({
  name: "mentors.add",
  scope: "tenant",
  idempotent: true,
  permission: "banks.manage",
  input: AddMentorInput,
  async run({ input, tx, ctx }) {
    const { org: _org, personId, ...data } = input;
    void _org;
    return putMentor(tx, ctx.organization.id, ctx.user, personId, organizationToday(ctx), data);
  },
});

/** Builds the mentor candidate's entry from their mentor questionnaire. */
export const addMentorFromSurvey = defineAction({
  name: "mentors.addFromSurvey",
  scope: "tenant",
  idempotent: true,
  permission: "banks.manage",
  input: FromSurveyInput,
  async run({ input, tx, ctx }) {
    const survey = await answeredSurvey(tx, ctx.organization.id, input.recipientId, "MENTOR_PROFILE");
    if (!survey) return refuse("NOT_FOUND", "notFound");
    if (survey === "unanswered") return refuse("CONFLICT", "surveyNotAnswered");
    const derived = mentorEntryFromAnswers(survey.questions, survey.answers);
    return putMentor(tx, ctx.organization.id, ctx.user, survey.personId, organizationToday(ctx), {
      competencies: derived.competencies,
      achievements: derived.achievements,
      capacity: Math.min(Math.max(derived.capacity ?? 1, 1), 10),
    });
  },
});

export const updateMentor = defineAction({
  name: "mentors.update",
  scope: "tenant",
  permission: "banks.manage",
  input: UpdateMentorInput,
  async run({ input, tx, ctx }) {
    const updated = await tx.mentorProfile.updateMany({
      where: { id: input.mentorId, organizationId: ctx.organization.id, status: { not: "LEFT" } },
      data: { competencies: input.competencies, achievements: input.achievements, capacity: input.capacity },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "bankEntryLeft");
    return done({ mentorId: input.mentorId }, { targetType: "MentorProfile", targetId: input.mentorId, data: { capacity: input.capacity } });
  },
});

/** A recorded training makes a candidate "trained"; the director may then approve them. */
export const recordTraining = defineAction({
  name: "mentors.recordTraining",
  scope: "tenant",
  idempotent: true,
  permission: "banks.manage",
  input: RecordTrainingInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    // «Not in the future» on the school's calendar (decision 011), not the server's or the browser's.
    if (input.finishedOn.getTime() > organizationToday(ctx).getTime()) return refuse("VALIDATION", "validation", { finishedOn: "dateInFuture" });
    const mentor = await tx.mentorProfile.findFirst({ where: { id: input.mentorId, organizationId }, select: { id: true, status: true } });
    if (!mentor) return refuse("NOT_FOUND", "notFound");
    if (mentor.status === "LEFT") return refuse("CONFLICT", "bankEntryLeft");
    const training = await tx.mentorTraining.create({
      data: { organizationId, mentorId: mentor.id, kind: input.kind, title: input.title, finishedOn: input.finishedOn, hours: input.hours, document: input.document },
      select: { id: true },
    });
    if (mentor.status === "CANDIDATE") await tx.mentorProfile.update({ where: { id: mentor.id }, data: { status: "TRAINED" } });
    return done({ trainingId: training.id }, { targetType: "MentorProfile", targetId: mentor.id, data: { kind: input.kind, title: input.title } });
  },
});

/** The director approves a trained candidate whose bank consent is still valid. */
export const approveMentor = defineAction({
  name: "mentors.approve",
  scope: "tenant",
  permission: "mentors.approve",
  input: ApproveMentorInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const mentor = await tx.mentorProfile.findFirst({
      where: { id: input.mentorId, organizationId },
      select: { id: true, status: true, personId: true, _count: { select: { trainings: true } } },
    });
    if (!mentor) return refuse("NOT_FOUND", "notFound");
    const problem = approvalRefusal({ status: mentor.status, trainings: mentor._count.trainings });
    if (problem) return refuse("CONFLICT", "mentorNotApprovable", undefined, { details: [problemText(problem, ctx.user.locale)] });
    const person = await personForBank(tx, organizationId, mentor.personId, organizationToday(ctx));
    if (person?.refusal) return noConsent(person.refusal, ctx.user.locale);
    // Guarded on the status read above, so two directors approving at once write one approval.
    const approved = await tx.mentorProfile.updateMany({
      where: { id: mentor.id, status: mentor.status },
      data: { status: "APPROVED", approvedById: ctx.user.id, approvedAt: now() },
    });
    if (approved.count !== 1) return refuse("CONFLICT", "conflict");
    return done({ mentorId: mentor.id }, { targetType: "MentorProfile", targetId: mentor.id });
  },
});

/** «Открытое наставничество»: the mentor agreed (on a date) to be seen by the district, or withdrew. */
export const setDistrictVisibility = defineAction({
  name: "mentors.setDistrictVisibility",
  scope: "tenant",
  permission: "banks.manage",
  input: DistrictVisibilityInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    if (input.agreedOn && input.agreedOn.getTime() > organizationToday(ctx).getTime()) return refuse("VALIDATION", "validation", { agreedOn: "dateInFuture" });
    const mentor = await tx.mentorProfile.findFirst({ where: { id: input.mentorId, organizationId }, select: { id: true, status: true, personId: true } });
    if (!mentor) return refuse("NOT_FOUND", "notFound");
    if (input.visible === "yes") {
      if (mentor.status === "LEFT") return refuse("CONFLICT", "bankEntryLeft");
      const person = await personForBank(tx, organizationId, mentor.personId, organizationToday(ctx));
      if (person?.refusal) return noConsent(person.refusal, ctx.user.locale);
    }
    const since = input.visible === "yes" ? input.agreedOn : null;
    await tx.mentorProfile.update({ where: { id: mentor.id }, data: { districtVisibleSince: since } });
    return done({ mentorId: mentor.id }, { targetType: "MentorProfile", targetId: mentor.id, data: { districtVisible: input.visible === "yes" } });
  },
});

export const leaveMentorBank = defineAction({
  name: "mentors.leave",
  scope: "tenant",
  permission: "banks.manage",
  input: LeaveBankInput,
  async run({ input, tx, ctx }) {
    const left = await tx.mentorProfile.updateMany({
      where: { id: input.entryId, organizationId: ctx.organization.id, status: { not: "LEFT" } },
      data: { status: "LEFT", leftReason: input.reason, districtVisibleSince: null },
    });
    if (left.count !== 1) return refuse("CONFLICT", "bankEntryLeft");
    return done({ mentorId: input.entryId }, { targetType: "MentorProfile", targetId: input.entryId, data: { reason: input.reason } });
  },
});
