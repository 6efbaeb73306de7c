import "server-only";
import { CONSENT_SELECT } from "../people/select";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { now as readClock } from "../clock";
import { DEFAULT_TIME_ZONE, todayIn } from "../domain/local-date";
import { setDbScope, withDb } from "../db";
import { answeringOpen, surveyLinkState, surveyRefusal, type Answers, type Question, type QuestionnaireKind } from "../domain/questionnaires";
import { aggregateAnswers, compareAssessments, menteeEntryFromAnswers, mentorEntryFromAnswers, satisfactionPercent } from "../domain/questionnaire-results";
import { fullName } from "../domain/names";
import { hashSurveyToken, isWellFormedSurveyToken } from "./tokens";

const NAME_SELECT = { lastName: true, firstName: true, middleName: true } as const;

const asQuestions = (json: unknown) => (Array.isArray(json) ? (json as Question[]) : []);
const asAnswers = (json: unknown) => (json && typeof json === "object" && !Array.isArray(json) ? (json as Answers) : {});

/** The questionnaires of the school with how many were sent and answered. */
export async function listSurveys(ctx: TenantContext) {
  const rows = await readTenant(ctx, (tx) =>
    tx.questionnaire.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        id: true,
        kind: true,
        title: true,
        status: true,
        closesOn: true,
        createdAt: true,
        programId: true,
        recipients: { select: { answeredAt: true } },
      },
      orderBy: [{ createdAt: "desc" }],
    }),
  );
  return rows.map(({ recipients, ...q }) => ({ ...q, sent: recipients.length, answered: recipients.filter((r) => r.answeredAt).length }));
}

/** Programs to attach a questionnaire to (their indicators receive the satisfaction percent). */
export function listSurveyPrograms(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.mentoringProgram.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, academicYear: true, title: true, status: true },
      orderBy: { academicYear: "desc" },
    }),
  );
}

/** «До» assessments an «после» one can repeat: sent already (not drafts). */
export function listBeforeAssessments(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.questionnaire.findMany({
      where: { organizationId: ctx.organization.id, kind: "ASSESSMENT_BEFORE", status: { not: "DRAFT" } },
      select: { id: true, title: true, openedAt: true },
      orderBy: { createdAt: "desc" },
    }),
  );
}

export type RecipientLinkState = "app" | "none" | "valid" | "used" | "expired";

/**
 * One questionnaire for its page. `individual`: the viewer may see each person's answers (curator,
 * psychologist); otherwise (director) only aggregates and who answered, and no free texts of a needs
 * questionnaire (a mentee's difficulties and request are sensitive).
 */
export async function getSurvey(ctx: TenantContext, questionnaireId: string, opts: { individual: boolean }, now = readClock()) {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const q = await tx.questionnaire.findFirst({
      where: { id: questionnaireId, organizationId },
      select: {
        id: true,
        kind: true,
        title: true,
        status: true,
        closesOn: true,
        openedAt: true,
        closedAt: true,
        questions: true,
        programId: true,
        comparedWithId: true,
        createdBy: { select: { name: true } },
      },
    });
    if (!q) return null;
    const program = q.programId
      ? await tx.mentoringProgram.findFirst({ where: { id: q.programId, organizationId }, select: { academicYear: true, title: true } })
      : null;
    const recipients = await tx.surveyRecipient.findMany({
      where: { organizationId, questionnaireId: q.id },
      select: {
        id: true,
        tokenHash: true,
        linkExpiresAt: true,
        linkUsedAt: true,
        answeredAt: true,
        answers: true,
        person: {
          select: { id: true, kind: true, ...NAME_SELECT, userId: true, menteeProfile: { select: { status: true } }, mentorProfile: { select: { status: true } } },
        },
      },
      orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
    });
    const questions = asQuestions(q.questions);
    const kind = q.kind as QuestionnaireKind;
    const answered = recipients.filter((r) => r.answeredAt).map((r) => asAnswers(r.answers));

    let aggregates = aggregateAnswers(questions, answered);
    const textsHidden = !opts.individual && kind === "MENTEE_NEEDS";
    if (textsHidden) aggregates = aggregates.map((a) => (a.type === "text" ? { ...a, texts: [] } : a));

    let comparison = null;
    if (kind === "ASSESSMENT_AFTER" && q.comparedWithId) {
      const before = await tx.questionnaire.findFirst({ where: { id: q.comparedWithId, organizationId }, select: { id: true, title: true, questions: true } });
      if (before) {
        const beforeAnswers = await tx.surveyRecipient.findMany({ where: { organizationId, questionnaireId: before.id, answeredAt: { not: null } }, select: { answers: true } });
        comparison = {
          beforeId: before.id,
          beforeTitle: before.title,
          rows: compareAssessments(asQuestions(before.questions), questions, beforeAnswers.map((a) => asAnswers(a.answers)), answered),
        };
      }
    }

    const rows = recipients.map((r) => {
      const answers = r.answeredAt ? asAnswers(r.answers) : null;
      let link: RecipientLinkState;
      if (r.linkUsedAt) link = "used";
      else if (r.tokenHash) link = r.linkExpiresAt && r.linkExpiresAt.getTime() > now.getTime() ? "valid" : "expired";
      else link = q.status === "DRAFT" ? "none" : "app";
      const bank =
        opts.individual && answers && kind === "MENTEE_NEEDS"
          ? { kind: "mentee" as const, entry: menteeEntryFromAnswers(questions, answers, r.person.kind), inBank: Boolean(r.person.menteeProfile && r.person.menteeProfile.status !== "LEFT") }
          : opts.individual && answers && kind === "MENTOR_PROFILE"
            ? { kind: "mentor" as const, entry: mentorEntryFromAnswers(questions, answers), inBank: Boolean(r.person.mentorProfile && r.person.mentorProfile.status !== "LEFT") }
            : null;
      return {
        id: r.id,
        personId: r.person.id,
        name: fullName(r.person),
        personKind: r.person.kind,
        answeredAt: r.answeredAt,
        link,
        linkExpiresAt: r.linkExpiresAt,
        answers: opts.individual ? answers : null,
        bank,
      };
    });

    return {
      ...q,
      program,
      kind,
      questions,
      recipients: rows,
      answeredCount: answered.length,
      aggregates,
      textsHidden,
      satisfaction: kind === "SATISFACTION_MENTEE" || kind === "SATISFACTION_MENTOR" ? satisfactionPercent(questions, answered) : null,
      comparison,
      answeringOpen: answeringOpen(q, organizationToday(ctx, now)),
    };
  });
}

/** People of the school for the recipients picker: who may be asked, and why not. */
export async function listRecipientCandidates(ctx: TenantContext, questionnaireId: string, now = readClock()) {
  const rows = await readTenant(ctx, (tx) =>
    tx.person.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        id: true,
        kind: true,
        ...NAME_SELECT,
        position: true,
        grade: true,
        birthDate: true,
        minor: true,
        active: true,
        consents: { select: CONSENT_SELECT },
        surveys: { where: { questionnaireId }, select: { id: true } },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  );
  return rows.map((p) => ({
    id: p.id,
    name: fullName(p),
    kind: p.kind,
    details: p.active ? [p.position, p.grade].filter(Boolean).join(", ") : "",
    added: p.surveys.length > 0,
    refusal: surveyRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor, active: p.active }, p.consents, organizationToday(ctx, now)),
  }));
}

const MY_SELECT = {
  id: true,
  answeredAt: true,
  questionnaire: { select: { id: true, kind: true, title: true, status: true, closesOn: true } },
} as const;

/** Questionnaires sent to the person linked to the signed-in user in this school. */
export async function listMySurveys(ctx: TenantContext, now = readClock()) {
  const rows = await readTenant(ctx, (tx) =>
    tx.surveyRecipient.findMany({
      where: { organizationId: ctx.organization.id, person: { userId: ctx.user.id }, questionnaire: { status: { not: "DRAFT" } } },
      select: MY_SELECT,
      orderBy: [{ createdAt: "desc" }],
    }),
  );
  return rows.map((r) => ({ ...r, canAnswer: answeringOpen(r.questionnaire, organizationToday(ctx, now)) }));
}

export async function getMySurvey(ctx: TenantContext, recipientId: string, now = readClock()) {
  const r = await readTenant(ctx, (tx) =>
    tx.surveyRecipient.findFirst({
      where: { id: recipientId, organizationId: ctx.organization.id, person: { userId: ctx.user.id }, questionnaire: { status: { not: "DRAFT" } } },
      select: { ...MY_SELECT, answers: true, questionnaire: { select: { ...MY_SELECT.questionnaire.select, questions: true } } },
    }),
  );
  if (!r) return null;
  return {
    id: r.id,
    answeredAt: r.answeredAt,
    answers: r.answeredAt ? asAnswers(r.answers) : null,
    questionnaire: { ...r.questionnaire, questions: asQuestions(r.questionnaire.questions) },
    canAnswer: answeringOpen(r.questionnaire, organizationToday(ctx, now)),
  };
}

export type LinkedSurvey =
  | { state: "unknown" }
  | { state: "used" | "closed" | "expired"; organizationName: string }
  | { state: "valid"; organizationName: string; title: string; questions: Question[]; closesOn: Date | null };

/**
 * What the public page of a one-time link shows: looked up by the token's hash only, then read in the
 * school's scope. Nothing about the person or anybody else: the school, the questionnaire, the state.
 */
export async function findSurveyByToken(token: string, now = readClock()): Promise<LinkedSurvey> {
  if (!isWellFormedSurveyToken(token)) return { state: "unknown" };
  const tokenHash = hashSurveyToken(token);
  return withDb({ surveyTokenHash: tokenHash }, async (tx) => {
    const found = await tx.surveyRecipient.findUnique({ where: { tokenHash }, select: { id: true, organizationId: true } });
    if (!found) return { state: "unknown" as const };
    await setDbScope(tx, { organizationId: found.organizationId, surveyTokenHash: tokenHash });
    const r = await tx.surveyRecipient.findFirst({
      where: { id: found.id, organizationId: found.organizationId },
      select: {
        linkUsedAt: true,
        linkExpiresAt: true,
        answeredAt: true,
        questionnaire: { select: { title: true, status: true, closesOn: true, questions: true, organization: { select: { name: true, timeZone: true } } } },
      },
    });
    const state = surveyLinkState(r, r?.questionnaire ?? null, now, todayIn(r?.questionnaire.organization.timeZone ?? DEFAULT_TIME_ZONE, now));
    if (!r || state === "unknown") return { state: "unknown" as const };
    const organizationName = r.questionnaire.organization.name;
    if (state !== "valid") return { state, organizationName };
    return { state, organizationName, title: r.questionnaire.title, questions: asQuestions(r.questionnaire.questions), closesOn: r.questionnaire.closesOn };
  });
}
