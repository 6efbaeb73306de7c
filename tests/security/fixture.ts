import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, addDays, isoDate, todayIn } from "../../lib/domain/local-date";
import { ROLES, type AppRole } from "../../lib/auth/roles";
import type { PrismaClient } from "../../lib/db/generated/prisma/client";
import { seedDemo } from "../../prisma/seed";
import { createDeadline, markDeadlineDone } from "../../lib/deadlines/actions";
import { markLetterRead, sendLetter } from "../../lib/letters/actions";
import { startReport } from "../../lib/tasks/actions";
import { createCampaign } from "../../lib/campaigns/office-actions";
import { attachCampaignEvidence, saveCampaignAnswers } from "../../lib/campaigns/school-actions";
import { createMember, createOrganization, createUser } from "../factories";
import type { Owner } from "./owner";
import { createPerson, recordConsent } from "../../lib/people/actions";
import { addMentor, recordTraining } from "../../lib/banks/actions";
import { proposePairs } from "../../lib/pairs/actions";
import { addSurveyRecipients, createSurvey, openSurvey } from "../../lib/surveys/actions";
import { savePractice } from "../../lib/practices/actions";
import { recordAward } from "../../lib/completion/actions";
import { inviteMember } from "../../lib/members/actions";
import { approveAct, registerAct } from "../../lib/programs/actions";
import { approveIncentives, proposeIncentive } from "../../lib/incentives/actions";
import { createApiToken, revokeApiToken } from "../../lib/api/actions";
import { savePlannedMeeting } from "../../lib/pairs/meeting-schedule-actions";
import { savePersonalProgram, savePlanItem } from "../../lib/pairs/personal-program-actions";
import { callOk, type InputOf } from "../setup/call";

/**
 * The world the security suites attack. School A (БОУ «Ковалевская ООШ» of the demo district, at stage 6)
 * holds real objects of every kind an action can name: people with consents, both banks, an order with
 * two active pairs, their personalized programs and meetings, a proposed pair, a mentor candidate, an
 * open questionnaire with recipients, a practice, an award, a news item, local acts, an invitation,
 * a notification. School B (СОШ №20) is in the same municipality, school C in another one; A's municipal
 * office has a methodist and a head. Extra objects are made through the actions themselves.
 */
export type World = {
  a: Org;
  b: Org;
  c: Org;
  district: Org;
  /** Holding every role of a school (or of the district for `district`). */
  allRoles: { a: string; b: string; c: string };
  /** One member per role of school A. */
  aRoles: Map<AppRole, string>;
  methodist: string;
  head: string;
  /** The platform operator (decision 018): no membership anywhere. */
  operator: string;
  /** Raw one-time survey link tokens of school A (the database keeps only their hashes). */
  surveyTokens: string[];
  /** School A's live API token (decision 045) with the people.import scope, as its system would send it. */
  apiToken: string;
  programId: string;
  programStage: number;
};
type Org = { id: string; slug: string };

const isoDaysAgo = (days: number) => isoDate(addDays(todayIn(DEFAULT_TIME_ZONE, now()), -days));

export async function buildWorld(prisma: PrismaClient): Promise<World> {
  await seedDemo(prisma);
  const bySlug = (slug: string) => prisma.organization.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, parentId: true } });
  const a = await bySlug("kovalevskaya-oosh");
  const b = await bySlug("sosh-20");
  const district = await bySlug("levokumsky");
  const otherDistrict = await createOrganization(prisma, { kind: "MUNICIPALITY", parentId: district.parentId, name: "Отдел образования другого округа" });
  const c = await createOrganization(prisma, { kind: "SCHOOL", parentId: otherDistrict.id });
  const userId = async (email: string) => (await prisma.user.findUniqueOrThrow({ where: { email } })).id;
  const director = await userId("director@kovalevskaya.demo");

  const aRoles = new Map<AppRole, string>();
  aRoles.set("DIRECTOR", director);
  for (const role of ROLES) if (!aRoles.has(role)) aRoles.set(role, (await createMember(prisma, a.id, [role], { name: `Участник ${role}` })).id);
  const curator = aRoles.get("CURATOR")!;
  const allRoles = {
    a: (await createMember(prisma, a.id, [...ROLES], { name: "Все роли А" })).id,
    b: (await createMember(prisma, b.id, [...ROLES], { name: "Все роли Б" })).id,
    c: (await createMember(prisma, c.id, [...ROLES], { name: "Все роли В" })).id,
  };

  const program = await prisma.mentoringProgram.findFirstOrThrow({ where: { organizationId: a.id } });
  const org = a.slug;

  // People: a mentor candidate (trained, not yet approved) and a mentee left waiting.
  const candidate = await callOk(createPerson, curator, { org, kind: "TEACHER", lastName: "Сидорова", firstName: "Вера", position: "Учитель истории" });
  await callOk(recordConsent, curator, { org, personId: candidate.personId, purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: isoDaysAgo(30) });
  const { mentorId: candidateMentor } = await callOk(addMentor, curator, { org, personId: candidate.personId, competencies: ["SUBJECT"], capacity: 2 });
  await callOk(recordTraining, curator, { org, mentorId: candidateMentor, kind: "SESSION", title: "Установочная сессия", finishedOn: isoDaysAgo(10) });

  // A proposed pair: the district-visible mentor (capacity 2, one mentee) with the waiting mentee.
  const waiting = await prisma.menteeProfile.findFirstOrThrow({ where: { organizationId: a.id, status: "WAITING" } });
  const melnikova = await prisma.mentorProfile.findFirstOrThrow({ where: { organizationId: a.id, districtVisibleSince: { not: null } } });
  await callOk(proposePairs, curator, { org, programId: program.id, pairs: [{ mentorId: melnikova.id, menteeIds: [waiting.id], form: "TEACHER_TEACHER", type: "TRADITIONAL" }] });

  // A questionnaire sent to the school's people: its recipients and their one-time links.
  const { questionnaireId } = await callOk(createSurvey, curator, { org, kind: "SATISFACTION_MENTEE", programId: program.id });
  const people = await prisma.person.findMany({ where: { organizationId: a.id }, select: { id: true } });
  await callOk(addSurveyRecipients, curator, { org, questionnaireId, personIds: people.map((p) => p.id) });
  const opened = await callOk(openSurvey, curator, { org, questionnaireId });
  const surveyTokens = opened.links.map((l) => l.path.replace(/^\/q\//, ""));
  await callOk(createSurvey, curator, { org, kind: "MENTOR_PROFILE" });

  // A case from an active pair, an award, an invitation, a notification, a registered act to approve.
  await callOk(savePractice, curator, { org, kind: "MATERIAL", title: "Памятка пары", summary: "Как наставник помог с дисциплиной на уроке", tags: "дисциплина" });
  // Awarded today: always inside the program's academic year.
  await callOk(recordAward, director, { org, programId: program.id, personId: melnikova.personId, kind: "LETTER_OF_THANKS", title: "Благодарственное письмо", awardedOn: isoDaysAgo(0) });
  await callOk(inviteMember, director, { org, email: "new.teacher@example.test", role: "MENTOR" });
  await callOk(registerAct, curator, { org, programId: program.id, kind: "OTHER", title: "О проведении конкурса наставников" });
  // The incentive regulation and two payments under it: one approved by the head, one still proposed.
  const { actId: incentiveAct } = await callOk(registerAct, curator, { org, kind: "INCENTIVE_REGULATION", number: "75-од", date: isoDaysAgo(40), title: "Положение о стимулирующих выплатах" });
  await callOk(approveAct, director, { org, actId: incentiveAct });
  const activeMentors = await prisma.mentorProfile.findMany({ where: { organizationId: a.id, status: "APPROVED", pairs: { some: { status: "ACTIVE" } } }, orderBy: { createdAt: "asc" } });
  const paid = await callOk(proposeIncentive, curator, { org, mentorId: activeMentors[0]!.id, periodFrom: isoDaysAgo(30), periodTo: isoDaysAgo(0), amount: "3000", basisActId: incentiveAct });
  await callOk(approveIncentives, director, { org, paymentIds: [paid.paymentId] });
  // API tokens (decision 045): one live, one revoked — the revoke action and the API's import are attacked with them.
  const { token: apiToken } = await callOk(createApiToken, director, { org, name: "Региональная система", scopes: ["figures.read", "people.import"] });
  const revokedToken = await callOk(createApiToken, director, { org, name: "Старая система", scopes: ["programs.read"] });
  await callOk(revokeApiToken, director, { org, apiTokenId: revokedToken.apiTokenId });
  await callOk(proposeIncentive, curator, { org, mentorId: activeMentors[1]!.id, periodFrom: isoDaysAgo(30), periodTo: isoDaysAgo(0), amount: "2500", basisActId: incentiveAct });
  await prisma.reminder.create({
    data: { organizationId: a.id, userId: curator, kind: "test", dedupeKey: `security-${a.id}`, title: "Напоминание", body: "Заполните дорожную карту" },
  });
  for (const [role, id] of aRoles) {
    await prisma.reminder.create({ data: { organizationId: a.id, userId: id, kind: "test", dedupeKey: `security-${a.id}-${role}`, title: "Напоминание", body: "Проверьте план" } });
  }
  await prisma.reminder.create({ data: { organizationId: a.id, userId: allRoles.a, kind: "test", dedupeKey: `security-${a.id}-all`, title: "Напоминание", body: "Проверьте план" } });

  // The district at work (decision 047): the office's deadlines (one marked done by A with evidence, one
  // open) and a letter with a file to A and B, read by A's director.
  const methodist = await userId("methodist@levokumsky.demo");
  const year = program.academicYear;
  const deadline = { org: district.slug, academicYear: String(year), stage: "1", dueStart: "", dueEnd: `${year}-10-01`, condition: "MARKED", actKind: "" } satisfies Partial<InputOf<typeof createDeadline>>;
  const marked = await callOk(createDeadline, methodist, { ...deadline, title: "Провести педсовет о наставничестве" });
  await callOk(createDeadline, methodist, { ...deadline, title: "Разместить раздел «Наставничество» на сайте", dueEnd: `${year + 1}-05-25` });
  await callOk(markDeadlineDone, curator, { org, deadlineId: marked.deadlineId, comment: "Протокол №2", link: "" });
  const letterFile = new File([new TextEncoder().encode("%PDF-1.4 письмо")], "письмо.pdf", { type: "application/pdf" });
  const letter = await callOk(sendLetter, methodist, { org: district.slug, subject: "О семинаре", body: "Просим направить кураторов.", schoolIds: [a.id, b.id], file: letterFile });
  await callOk(markLetterRead, director, { org, letterId: letter.letterId });
  // A monitoring campaign of the district (decision 048): A has saved a draft with an evidence file; B has submitted.
  const campaign = await callOk(createCampaign, methodist, { org: district.slug, formKey: "studentsR145", title: "Мониторинг целевой модели", opensOn: isoDaysAgo(10), closesOn: isoDaysAgo(-30) });
  const campaignLines = await prisma.monitoringIndicator.findMany({ where: { campaignId: campaign.campaignId }, orderBy: { position: "asc" }, select: { id: true, answerType: true } });
  const evidence = new File([new TextEncoder().encode("%PDF-1.4 справка")], "справка.pdf", { type: "application/pdf" });
  await callOk(attachCampaignEvidence, curator, { org, campaignId: campaign.campaignId, indicatorId: campaignLines[0]!.id, file: evidence });
  await callOk(saveCampaignAnswers, curator, { org, campaignId: campaign.campaignId, answers: {} });
  const bDirector = await userId("director@sosh20.demo");
  const bAnswers = Object.fromEntries(campaignLines.map((l) => [l.id, l.answerType === "YES_NO" ? "yes" : "1"]));
  const bComments = Object.fromEntries(campaignLines.map((l) => [l.id, "По данным школы на дату отчёта"]));
  await callOk(saveCampaignAnswers, bDirector, { org: b.slug, campaignId: campaign.campaignId, intent: "submit", answers: bAnswers, comments: bComments });
  // Cross-school pairs of A (decision 058) at version 1, the version the generated payloads name, so their decisions
  // reach the action bodies: the demo's consented pair (to approve or withdraw) and an active one (to log a meeting),
  // A's new teacher with СОШ № 1's district-visible mentor.
  await prisma.crossSchoolPair.updateMany({ where: { organizationId: a.id }, data: { version: 1 } });
  const sosh1 = await bySlug("sosh-1");
  const openMentor = await prisma.mentorProfile.findFirstOrThrow({ where: { organizationId: sosh1.id, status: "APPROVED", districtVisibleSince: { not: null } } });
  const crossMentee = await prisma.person.create({ data: { organizationId: a.id, kind: "TEACHER", lastName: "Гончарова", firstName: "Дарья", position: "Учитель химии", experienceYears: 1 } });
  await prisma.consent.create({ data: { organizationId: a.id, personId: crossMentee.id, purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: new Date(`${isoDaysAgo(30)}T00:00:00Z`), recordedById: curator } });
  const crossProfile = await prisma.menteeProfile.create({
    data: { organizationId: a.id, personId: crossMentee.id, category: "YOUNG_SPECIALIST", status: "PAIRED", difficulties: ["LESSON_PLANNING"], request: "Лабораторные работы", source: "QUESTIONNAIRE", addedById: curator, approvedById: director, approvedAt: now() },
  });
  const activeCross = await prisma.crossSchoolPair.create({
    data: {
      organizationId: a.id, programId: program.id, menteeId: crossProfile.id, mentorOrganizationId: sosh1.id, mentorId: openMentor.id, direction: "Предметная подготовка",
      status: "ACTIVE", proposedById: director, consentedById: director, consentedAt: now(), approvedById: director, approvedAt: now(), orderNumber: "12-н", orderDate: new Date(`${isoDaysAgo(5)}T00:00:00Z`),
    },
  });
  // Its personalized program (decision 062), a plan item and a planned meeting: rows of A the program actions name.
  const crossPair = { org, pairId: activeCross.id };
  await callOk(savePersonalProgram, curator, {
    ...crossPair, startsOn: isoDaysAgo(5), endsOn: isoDaysAgo(-150), direction: "Предметная подготовка", goals: "Освоить лабораторный практикум.", tasks: "1. Провести лабораторные работы.",
    workingMode: "MIXED", difficulties: ["LESSON_PLANNING"], expectedResults: "Проведены лабораторные работы.", achievedResults: "",
  });
  await callOk(savePlanItem, curator, { ...crossPair, title: "Лабораторная работа в 8 классе", dueOn: isoDaysAgo(-10), status: "PLANNED", result: "" });
  await callOk(savePlannedMeeting, curator, { ...crossPair, plannedOn: isoDaysAgo(-100), kind: "FINAL", topic: "Итоги" });

  // A background task of A (decision 057): its report, waiting in the queue (no runner in the tests).
  await callOk(startReport, curator, { org, format: "xlsx" });

  return {
    a: { id: a.id, slug: a.slug },
    b: { id: b.id, slug: b.slug },
    c: { id: c.id, slug: c.slug },
    district: { id: district.id, slug: district.slug },
    allRoles,
    aRoles,
    methodist,
    operator: (await prisma.user.update({ where: { id: (await createUser(prisma, { email: "operator@platform.test", name: "Оператор" })).id }, data: { isOperator: true } })).id,
    head: await userId("head@levokumsky.demo"),
    surveyTokens,
    apiToken,
    programId: program.id,
    programStage: program.stage,
  };
}

/**
 * Every id of an organization's rows, per table (read as the owner): the pool id-like fields draw from.
 * `actors`: users who will send these payloads — their own memberships are no target, or a payload
 * of `members.remove` would take the actor's roles away and refuse every later action for a reason
 * that has nothing to do with the payloads.
 */
export async function idsOf(owner: Owner, organizationId: string, actors: string[] = []): Promise<Map<string, string[]>> {
  const tables = await owner.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i
       ON i.table_schema = c.table_schema AND i.table_name = c.table_name AND i.column_name = 'id'
     WHERE c.table_schema = 'public' AND c.column_name = 'organizationId' ORDER BY c.table_name`,
  );
  const out = new Map<string, string[]>();
  for (const { table_name } of tables) {
    const rows = await owner.query<{ id: string }>(`SELECT id::text AS id FROM "${table_name}" WHERE "organizationId" = $1 ORDER BY id`, [organizationId]);
    if (rows.length) out.set(table_name, rows.map((r) => r.id));
  }
  if (actors.length) {
    const own = await owner.query<{ id: string }>(`SELECT id::text AS id FROM "Membership" WHERE "userId"::text = ANY($1::text[])`, [actors]);
    const excluded = new Set(own.map((o) => o.id));
    out.set("Membership", (out.get("Membership") ?? []).filter((id) => !excluded.has(id)));
  }
  out.set("Organization", [organizationId]);
  const users = await owner.query<{ id: string }>(`SELECT DISTINCT "userId"::text AS id FROM "Membership" WHERE "organizationId" = $1 ORDER BY 1`, [organizationId]);
  out.set("User", users.map((u) => u.id));
  return out;
}

// Field stems whose table is not found by name ("entryId" is a bank entry of either bank…).
const STEM_TABLES: Record<string, string[]> = {
  entry: ["MenteeProfile", "MentorProfile"],
  item: ["PlanItem"],
  attendee: ["MenteeProfile"],
  keepWaiting: ["MenteeProfile"],
  school: ["Organization"],
  comparedWith: ["Questionnaire"],
  curator: ["User"],
  coordinator: ["User"],
  responsibleUser: ["User"],
  program: ["MentoringProgram"],
  act: ["LocalAct"],
  basisAct: ["LocalAct"],
  // Decision 047: not the other tables whose names contain these words.
  deadline: ["DistrictDeadline"],
  letter: ["InfoLetter"],
  // Decision 048.
  campaign: ["MonitoringCampaign"],
  indicator: ["MonitoringIndicator"],
  recipient: ["SurveyRecipient"],
  // Decision 059.
  community: ["DistrictCommunity"],
};

/**
 * The tables an id-like field may point into, inferred from its name: "pairId" → Pair,
 * "menteeIds" → MenteeProfile, "recipientId" → SurveyRecipient. An unknown name gets every table.
 */
export function tablesForKey(key: string, tables: string[]): string[] {
  const stem = key.replace(/Ids?$/, "");
  if (STEM_TABLES[stem]) return STEM_TABLES[stem]!.filter((t) => tables.includes(t));
  const lower = stem.toLowerCase();
  const exact = tables.filter((t) => t.toLowerCase() === lower);
  if (exact.length) return exact;
  const containing = tables.filter((t) => t.toLowerCase().includes(lower));
  return containing.length ? containing : tables;
}
