"use server";

import "server-only";
import { CONSENT_SELECT } from "../people/select";
import { defineAction, done } from "../actions/action";
import { completedProgramRefusal } from "../completion/guard";
import { isRefusal, refuse } from "../actions/result";
import { hasPermission } from "../auth/permissions";
import { organizationToday, type TenantOrganization } from "../auth/tenant";
import { now as readClock } from "../clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../domain/local-date";
import { Prisma, setDbScope, type Tx } from "../db";
import { answeringOpen, surveyLinkExpiry, surveyLinkState, surveyRefusal, questionProblems, validateAnswers, type AnswerErrorCode, type Answers, type Question, type QuestionProblem } from "../domain/questionnaires";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { copyQuestions, templateQuestions } from "../domain/questionnaire-templates";
import { satisfactionPercent } from "../domain/questionnaire-results";
import { fullName } from "../domain/names";
import { problemText } from "../people/problem-text";
import { PASSPORT_INDICATORS } from "../programs/templates";
import { AddRecipientsInput, AnswerByLinkInput, AnswerInput, CreateSurveyInput, RecipientRefInput, SurveyRefInput, UpdateQuestionsInput } from "./schemas";
import { hashSurveyToken, isWellFormedSurveyToken, newSurveyToken, surveyPath } from "./tokens";

// Questionnaires (анкетирование): created from a ready template, edited while a draft, sent to people
// of the school with a consent to surveys, answered in the app (people with an account) or through a
// one-time link (everyone else), closed; a closed satisfaction questionnaire feeds the passport.

const PERSON_SELECT = { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, active: true, userId: true, consents: { select: CONSENT_SELECT } } as const;

type PersonRow = Prisma.PersonGetPayload<{ select: typeof PERSON_SELECT }>;

/** `today`: the calendar date in the organization's zone (consents are by calendar day). */
const refusalOf = (p: PersonRow, today: Date) => surveyRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active }, p.consents, today);
/** Why a person may not be surveyed, as a sentence of the user's language (a refusal's details). */
const refusalText = (p: PersonRow, today: Date, locale: AppLocale | undefined) => {
  const problem = refusalOf(p, today);
  return problem && problemText(problem, locale ?? "ru");
};
const asQuestions = (json: unknown) => json as Question[];
const asJson = (value: unknown) => value as Prisma.InputJsonValue;

const notSchool = (org: TenantOrganization) => org.kind !== "SCHOOL";

async function findQuestionnaire(tx: Tx, organizationId: string, id: string) {
  return tx.questionnaire.findFirst({
    where: { id, organizationId },
    select: { id: true, kind: true, title: true, status: true, programId: true, closesOn: true, questions: true, comparedWithId: true },
  });
}

export type IssuedLink = { recipientId: string; name: string; path: string; expiresAt: string };

/**
 * One-time links for recipients who cannot answer in the app: no account linked to the person, or an
 * account without a role here that may answer. The tokens leave the server once, in the result.
 */
async function issueLinks(
  tx: Tx,
  organizationId: string,
  closesOn: Date | null,
  recipients: { id: string; person: { lastName: string; firstName: string; middleName: string | null; userId: string | null } }[],
  now: Date,
  timeZone: string,
): Promise<IssuedLink[]> {
  const userIds = recipients.map((r) => r.person.userId).filter((id): id is string => Boolean(id));
  const memberships = userIds.length
    ? await tx.membership.findMany({ where: { organizationId, userId: { in: userIds } }, select: { userId: true, role: true } })
    : [];
  const inApp = new Set(memberships.filter((m) => hasPermission([m.role], "surveys.answer")).map((m) => m.userId));
  const links: IssuedLink[] = [];
  const expiresAt = surveyLinkExpiry(now, closesOn, timeZone);
  for (const r of recipients) {
    if (r.person.userId && inApp.has(r.person.userId)) continue;
    const { token, tokenHash } = newSurveyToken();
    await tx.surveyRecipient.update({ where: { id: r.id }, data: { tokenHash, linkExpiresAt: expiresAt, linkUsedAt: null } });
    links.push({ recipientId: r.id, name: fullName(r.person), path: surveyPath(token), expiresAt: expiresAt.toISOString() });
  }
  return links;
}

export const createSurvey = defineAction({
  name: "surveys.create",
  scope: "tenant",
  idempotent: true,
  permission: "surveys.manage",
  input: CreateSurveyInput,
  async run({ input, tx, ctx }) {
    if (notSchool(ctx.organization)) return refuse("NOT_FOUND", "notFound");
    const organizationId = ctx.organization.id;
    const now = readClock();
    const today = organizationToday(ctx, now);
    if (input.closesOn && input.closesOn.getTime() < today.getTime()) return refuse("VALIDATION", "validation", { closesOn: "closesOnPast" });

    let programId = input.programId;
    let audience: "TEACHERS" | "STUDENTS" | "BOTH" = input.audience ?? "BOTH";
    if (programId) {
      const program = await tx.mentoringProgram.findFirst({ where: { id: programId, organizationId }, select: { id: true, audience: true } });
      if (!program) return refuse("NOT_FOUND", "validation", { programId: "notFound" });
      const completed = await completedProgramRefusal(tx, organizationId, program.id);
      if (completed) return completed;
      audience = input.audience ?? program.audience;
    }

    let questions: Question[];
    let comparedWithId: string | null = null;
    let before: { id: string; programId: string | null } | null = null;
    if (input.kind === "ASSESSMENT_AFTER") {
      const found = await tx.questionnaire.findFirst({
        where: { id: input.comparedWithId!, organizationId, kind: "ASSESSMENT_BEFORE" },
        select: { id: true, status: true, questions: true, programId: true },
      });
      if (!found) return refuse("NOT_FOUND", "validation", { comparedWithId: "surveyBeforeRequired" });
      if (found.status === "DRAFT") return refuse("CONFLICT", "surveyBeforeDraft");
      questions = copyQuestions(asQuestions(found.questions));
      comparedWithId = found.id;
      before = found;
      programId ??= found.programId;
    } else if (input.kind === "PREFERENCE") {
      // Mentees choose among the school's mentors who finished training or were approved.
      const mentors = await tx.mentorProfile.findMany({
        where: { organizationId, status: { in: ["TRAINED", "APPROVED"] }, person: { active: true } },
        select: { id: true, person: { select: { lastName: true, firstName: true, middleName: true, position: true } } },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
      });
      if (mentors.length === 0) return refuse("CONFLICT", "preferenceNoMentors");
      questions = templateQuestions("PREFERENCE", {
        candidates: mentors.map((m) => ({ value: m.id, label: [fullName(m.person), m.person.position].filter(Boolean).join(", ") })),
      });
    } else {
      questions = templateQuestions(input.kind, { audience });
    }

    const questionnaire = await tx.questionnaire.create({
      data: {
        organizationId,
        programId,
        kind: input.kind,
        // The default title is the document's, in Russian like every stored record (surveys.documentTitles).
        title: input.title ?? translator("ru")(`surveys.documentTitles.${input.kind}`),
        questions: asJson(questions),
        closesOn: input.closesOn,
        comparedWithId,
        createdById: ctx.user.id,
      },
      select: { id: true, title: true },
    });

    // The «после» assessment goes to the same participants, those who may still be asked.
    let copied = 0;
    if (before) {
      const previous = await tx.surveyRecipient.findMany({ where: { organizationId, questionnaireId: before.id }, select: { person: { select: PERSON_SELECT } } });
      const eligible = previous.filter((r) => refusalOf(r.person, today) === null);
      if (eligible.length) {
        await tx.surveyRecipient.createMany({ data: eligible.map((r) => ({ organizationId, questionnaireId: questionnaire.id, personId: r.person.id })) });
        copied = eligible.length;
      }
    }
    return done(
      { questionnaireId: questionnaire.id, recipientsCopied: copied },
      { targetType: "Questionnaire", targetId: questionnaire.id, data: { kind: input.kind, title: questionnaire.title } },
    );
  },
});

export const updateSurveyQuestions = defineAction({
  name: "surveys.updateQuestions",
  scope: "tenant",
  permission: "surveys.manage",
  input: UpdateQuestionsInput,
  async run({ input, tx, ctx }) {
    const q = await findQuestionnaire(tx, ctx.organization.id, input.questionnaireId);
    if (!q) return refuse("NOT_FOUND", "notFound");
    if (q.status !== "DRAFT") return refuse("CONFLICT", "surveyNotDraft");
    if (q.kind === "ASSESSMENT_AFTER") return refuse("CONFLICT", "assessmentAfterFixed");
    const questions = input.questions as Question[];
    const problems = questionProblems(questions);
    if (problems.length) return refuse("VALIDATION", "questionsInvalid", undefined, { details: problemLines(problems, ctx.user.locale ?? "ru") });
    // Only a draft changes: opening in between wins.
    const updated = await tx.questionnaire.updateMany({
      where: { id: q.id, organizationId: ctx.organization.id, status: "DRAFT" },
      data: { title: input.title, questions: asJson(questions) },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "surveyNotDraft");
    return done({ questionnaireId: q.id }, { targetType: "Questionnaire", targetId: q.id, data: { questions: questions.length } });
  },
});

export const addSurveyRecipients = defineAction({
  name: "surveys.addRecipients",
  scope: "tenant",
  idempotent: true,
  permission: "surveys.manage",
  input: AddRecipientsInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const now = readClock();
    const today = organizationToday(ctx, now);
    const q = await findQuestionnaire(tx, organizationId, input.questionnaireId);
    if (!q) return refuse("NOT_FOUND", "notFound");
    if (q.status === "CLOSED" || (q.status === "OPEN" && !answeringOpen(q, today))) return refuse("CONFLICT", "surveyClosed");
    const ids = [...new Set(input.personIds)];
    const people = await tx.person.findMany({ where: { id: { in: ids }, organizationId }, select: PERSON_SELECT, orderBy: [{ lastName: "asc" }, { firstName: "asc" }] });
    if (people.length !== ids.length) return refuse("NOT_FOUND", "validation", { personIds: "notFound" });
    const refused = people.map((p) => ({ p, reason: refusalText(p, today, ctx.user.locale) })).filter((r) => r.reason);
    if (refused.length) {
      return refuse("VALIDATION", "recipientsRefused", undefined, { details: refused.map((r) => `${fullName(r.p)}: ${r.reason}`) });
    }
    const already = new Set(
      (await tx.surveyRecipient.findMany({ where: { organizationId, questionnaireId: q.id, personId: { in: ids } }, select: { personId: true } })).map((r) => r.personId),
    );
    const fresh = people.filter((p) => !already.has(p.id));
    const created = [];
    for (const p of fresh) {
      const r = await tx.surveyRecipient.create({ data: { organizationId, questionnaireId: q.id, personId: p.id }, select: { id: true } });
      created.push({ id: r.id, person: p });
    }
    // Added to an open questionnaire: their links right away.
    const links = q.status === "OPEN" ? await issueLinks(tx, organizationId, q.closesOn, created, now, ctx.organization.timeZone) : [];
    return done(
      { added: created.length, skipped: people.length - fresh.length, links },
      { targetType: "Questionnaire", targetId: q.id, data: { added: created.length, links: links.length } },
    );
  },
});

export const removeSurveyRecipient = defineAction({
  name: "surveys.removeRecipient",
  scope: "tenant",
  permission: "surveys.manage",
  input: RecipientRefInput,
  async run({ input, tx, ctx }) {
    const r = await tx.surveyRecipient.findFirst({
      where: { id: input.recipientId, organizationId: ctx.organization.id },
      select: { id: true, questionnaireId: true, answeredAt: true, questionnaire: { select: { status: true } } },
    });
    if (!r) return refuse("NOT_FOUND", "notFound");
    if (r.questionnaire.status === "CLOSED") return refuse("CONFLICT", "surveyClosed");
    if (r.answeredAt) return refuse("CONFLICT", "recipientAnswered");
    await tx.surveyRecipient.delete({ where: { id: r.id } });
    return done({ recipientId: r.id }, { targetType: "Questionnaire", targetId: r.questionnaireId, data: { removedRecipient: r.id } });
  },
});

export const openSurvey = defineAction({
  name: "surveys.open",
  scope: "tenant",
  permission: "surveys.manage",
  input: SurveyRefInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const now = readClock();
    const today = organizationToday(ctx, now);
    const q = await findQuestionnaire(tx, organizationId, input.questionnaireId);
    if (!q) return refuse("NOT_FOUND", "notFound");
    if (q.status !== "DRAFT") return refuse("CONFLICT", "surveyNotDraft");
    if (q.closesOn && q.closesOn.getTime() < today.getTime()) return refuse("CONFLICT", "closesOnPast");
    const problems = questionProblems(asQuestions(q.questions));
    if (problems.length) return refuse("VALIDATION", "questionsInvalid", undefined, { details: problemLines(problems, ctx.user.locale ?? "ru") });
    const recipients = await tx.surveyRecipient.findMany({
      where: { organizationId, questionnaireId: q.id },
      select: { id: true, person: { select: PERSON_SELECT } },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    });
    if (recipients.length === 0) return refuse("CONFLICT", "noRecipients");
    // A consent may have been revoked since the person was added.
    const refused = recipients.filter((r) => refusalOf(r.person, today));
    if (refused.length) {
      return refuse("VALIDATION", "recipientsRefusedAtOpen", undefined, { details: refused.map((r) => `${fullName(r.person)}: ${refusalText(r.person, today, ctx.user.locale)}`) });
    }
    const opened = await tx.questionnaire.updateMany({ where: { id: q.id, organizationId, status: "DRAFT" }, data: { status: "OPEN", openedAt: now } });
    if (opened.count !== 1) return refuse("CONFLICT", "surveyNotDraft");
    const links = await issueLinks(tx, organizationId, q.closesOn, recipients, now, ctx.organization.timeZone);
    return done(
      { questionnaireId: q.id, recipients: recipients.length, links },
      { targetType: "Questionnaire", targetId: q.id, data: { recipients: recipients.length, links: links.length } },
    );
  },
});

export const reissueSurveyLink = defineAction({
  name: "surveys.reissueLink",
  scope: "tenant",
  permission: "surveys.manage",
  input: RecipientRefInput,
  async run({ input, tx, ctx }) {
    const now = readClock();
    const today = organizationToday(ctx, now);
    const r = await tx.surveyRecipient.findFirst({
      where: { id: input.recipientId, organizationId: ctx.organization.id },
      select: { id: true, answeredAt: true, questionnaireId: true, questionnaire: { select: { status: true, closesOn: true } }, person: { select: PERSON_SELECT } },
    });
    if (!r) return refuse("NOT_FOUND", "notFound");
    if (r.questionnaire.status === "DRAFT") return refuse("CONFLICT", "surveyNotOpen");
    if (!answeringOpen(r.questionnaire, today)) return refuse("CONFLICT", "surveyClosed");
    if (r.answeredAt) return refuse("CONFLICT", "alreadyAnswered");
    const reason = refusalText(r.person, today, ctx.user.locale);
    if (reason) return refuse("VALIDATION", "recipientsRefused", undefined, { details: [`${fullName(r.person)}: ${reason}`] });
    // The new hash replaces the old one: the old link finds nothing any more.
    const { token, tokenHash } = newSurveyToken();
    const expiresAt = surveyLinkExpiry(now, r.questionnaire.closesOn, ctx.organization.timeZone);
    await tx.surveyRecipient.update({ where: { id: r.id }, data: { tokenHash, linkExpiresAt: expiresAt, linkUsedAt: null } });
    const link: IssuedLink = { recipientId: r.id, name: fullName(r.person), path: surveyPath(token), expiresAt: expiresAt.toISOString() };
    return done({ link }, { targetType: "SurveyRecipient", targetId: r.id, data: { questionnaireId: r.questionnaireId } });
  },
});

const INDICATOR_OF = { SATISFACTION_MENTEE: "MENTEE_SATISFACTION", SATISFACTION_MENTOR: "MENTOR_SATISFACTION" } as const;

export const closeSurvey = defineAction({
  name: "surveys.close",
  scope: "tenant",
  permission: "surveys.manage",
  input: SurveyRefInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const now = readClock();
    const q = await findQuestionnaire(tx, organizationId, input.questionnaireId);
    if (!q) return refuse("NOT_FOUND", "notFound");
    if (q.status !== "OPEN") return refuse("CONFLICT", q.status === "CLOSED" ? "surveyClosed" : "surveyNotOpen");
    const closed = await tx.questionnaire.updateMany({ where: { id: q.id, organizationId, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
    if (closed.count !== 1) return refuse("CONFLICT", "surveyClosed");

    // Feeding the passport: a closed satisfaction questionnaire of a running program sets the
    // program's satisfaction indicator (the rule: satisfactionPercent, lib/domain/questionnaire-results.ts; docs/domain.md «Indicators»).
    let satisfaction: number | null = null;
    let indicatorId: string | null = null;
    if ((q.kind === "SATISFACTION_MENTEE" || q.kind === "SATISFACTION_MENTOR") && q.programId) {
      const answered = await tx.surveyRecipient.findMany({ where: { organizationId, questionnaireId: q.id, answeredAt: { not: null } }, select: { answers: true } });
      satisfaction = satisfactionPercent(asQuestions(q.questions), answered.map((a) => (a.answers ?? {}) as Answers));
      const program = await tx.mentoringProgram.findFirst({ where: { id: q.programId, organizationId }, select: { id: true, status: true } });
      if (satisfaction !== null && program && program.status === "ACTIVE") {
        const kind = INDICATOR_OF[q.kind];
        const actual = { actualValue: satisfaction, actualEnteredAt: now, actualEnteredById: ctx.user.id };
        const existing = await tx.programIndicator.findFirst({ where: { organizationId, programId: program.id, kind }, select: { id: true }, orderBy: { position: "asc" } });
        const indicator = existing
          ? await tx.programIndicator.update({ where: { id: existing.id }, data: actual, select: { id: true } })
          : await tx.programIndicator.create({
              data: { organizationId, programId: program.id, kind, title: PASSPORT_INDICATORS.find((i) => i.kind === kind)!.title, unit: "%", position: 50, ...actual },
              select: { id: true },
            });
        indicatorId = indicator.id;
      }
    }
    return done(
      { questionnaireId: q.id, satisfaction, indicatorId },
      { targetType: "Questionnaire", targetId: q.id, data: { satisfaction, indicatorId } },
    );
  },
});

/** The problems of the questions in the reader's language (a refusal's details). */
function problemLines(problems: QuestionProblem[], locale: AppLocale): string[] {
  const t = translator(locale);
  return problems.map((p) => t(`surveys.questionProblems.${p.key}`, p.values));
}

const ANSWER_ERROR_KEYS: Record<AnswerErrorCode, string> = {
  required: "answerRequired",
  option: "answerOption",
  scale: "answerScale",
  tooLong: "answerTooLong",
  type: "answerType",
};

function checkAnswers(questions: Question[], raw: Record<string, unknown>) {
  const check = validateAnswers(questions, raw);
  if (check.ok) return check.answers;
  return refuse(
    "VALIDATION",
    "answersInvalid",
    Object.fromEntries(Object.entries(check.errors).map(([id, e]) => [id, ANSWER_ERROR_KEYS[e.code]])),
  );
}

/** A signed-in member answers, in the app, the questionnaire sent to the person linked to their account. */
export const answerSurvey = defineAction({
  name: "surveys.answer",
  scope: "tenant",
  permission: "surveys.answer",
  input: AnswerInput,
  async run({ input, tx, ctx }) {
    const now = readClock();
    const today = organizationToday(ctx, now);
    const r = await tx.surveyRecipient.findFirst({
      where: { id: input.recipientId, organizationId: ctx.organization.id, person: { userId: ctx.user.id } },
      select: { id: true, answeredAt: true, questionnaireId: true, questionnaire: { select: { status: true, closesOn: true, questions: true } }, person: { select: PERSON_SELECT } },
    });
    if (!r) return refuse("NOT_FOUND", "notFound");
    if (r.questionnaire.status === "DRAFT") return refuse("NOT_FOUND", "notFound");
    if (!answeringOpen(r.questionnaire, today)) return refuse("CONFLICT", "surveyClosed");
    const reason = refusalText(r.person, today, ctx.user.locale);
    if (reason) return refuse("FORBIDDEN", "surveyConsentMissing", undefined, { details: [reason] });
    const answers = checkAnswers(asQuestions(r.questionnaire.questions), input.answers);
    if (isRefusal(answers)) return answers;
    // Answered in the app: any link handed out for the person stops working.
    await tx.surveyRecipient.update({ where: { id: r.id }, data: { answers: asJson(answers), answeredAt: now, tokenHash: null, linkExpiresAt: null } });
    return done(
      { recipientId: r.id, edited: Boolean(r.answeredAt) },
      { targetType: "SurveyRecipient", targetId: r.id, data: { questionnaireId: r.questionnaireId, edited: Boolean(r.answeredAt) } },
    );
  },
});

const LINK_REFUSALS = { unknown: ["NOT_FOUND", "surveyLinkUnknown"], used: ["CONFLICT", "surveyLinkUsed"], closed: ["CONFLICT", "surveyClosed"], expired: ["CONFLICT", "surveyLinkExpired"] } as const;

/** Someone not signed in answers through their one-time link; the link is spent by the answer. */
export const answerSurveyByLink = defineAction({
  name: "surveys.answerByLink",
  scope: "public",
  input: AnswerByLinkInput,
  refresh: false,
  async run({ input, tx }) {
    const now = readClock();
    if (!isWellFormedSurveyToken(input.token)) return refuse("NOT_FOUND", "surveyLinkUnknown");
    const tokenHash = hashSurveyToken(input.token);
    await setDbScope(tx, { surveyTokenHash: tokenHash });
    const found = await tx.surveyRecipient.findUnique({ where: { tokenHash }, select: { id: true, organizationId: true } });
    if (!found) return refuse("NOT_FOUND", "surveyLinkUnknown");
    // Everything after the lookup runs in the school's own scope.
    await setDbScope(tx, { organizationId: found.organizationId, surveyTokenHash: tokenHash });
    const r = await tx.surveyRecipient.findFirst({
      where: { id: found.id, organizationId: found.organizationId },
      select: {
        id: true,
        questionnaireId: true,
        linkUsedAt: true,
        linkExpiresAt: true,
        answeredAt: true,
        questionnaire: { select: { status: true, closesOn: true, questions: true, organization: { select: { timeZone: true } } } },
        person: { select: PERSON_SELECT },
      },
    });
    const today = todayIn(r?.questionnaire.organization.timeZone ?? DEFAULT_TIME_ZONE, now);
    const state = surveyLinkState(r, r?.questionnaire ?? null, now, today);
    if (!r || state !== "valid") {
      const [code, key] = LINK_REFUSALS[state === "valid" ? "unknown" : state];
      return refuse(code, key);
    }
    if (refusalOf(r.person, today)) return refuse("FORBIDDEN", "surveyConsentMissing");
    const answers = checkAnswers(asQuestions(r.questionnaire.questions), input.answers);
    if (isRefusal(answers)) return answers;
    // Single use even when the link is sent twice at once: only one update matches.
    const claimed = await tx.surveyRecipient.updateMany({
      where: { id: r.id, organizationId: found.organizationId, tokenHash, linkUsedAt: null, answeredAt: null },
      data: { answers: asJson(answers), answeredAt: now, linkUsedAt: now },
    });
    if (claimed.count !== 1) return refuse("CONFLICT", "surveyLinkUsed");
    return done({ answered: true }, { organizationId: found.organizationId, targetType: "SurveyRecipient", targetId: r.id, data: { questionnaireId: r.questionnaireId } });
  },
});
