// Everything the organization keeps about one person, for their request to see it (152-ФЗ, art. 14):
// one loader, two renderings (.json for machines, .docx for people).
import "server-only";
import type { Tx } from "../db";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, INFORMATION_SOURCES, MENTEE_CATEGORIES, TRAINING_KINDS } from "../domain/banks";
import { fullName } from "../domain/names";
import { LEAVE_REASONS } from "../domain/retention";
import { requisiteLines } from "../domain/organization-profile";
import type { Answers, Question } from "../domain/questionnaires";
import { formatDocumentDate } from "../documents/docx-kit";
import type { PersonalDataDocument } from "../documents/personal-data-docx";
import { russianIn } from "../i18n/russian";
import { REQUISITES_SELECT } from "../organization/requisites";

// The document's words (the purposes as 152-ФЗ art. 14 asks them named, the person's kind, the statuses, the row
// labels) are in lib/i18n/russian/consent-documents.json, namespace personalData. Numbers go in as strings, so
// they print as they did, unformatted.
const t = russianIn("personalData");

export async function loadPersonalData(tx: Tx, organizationId: string, personId: string) {
  return tx.person.findFirst({
    where: { id: personId, organizationId },
    select: {
      id: true, kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, subjects: true,
      experienceYears: true, qualificationCategory: true, grade: true, externalOrganization: true, email: true, phone: true,
      active: true, inactiveReason: true, hiredOn: true, leftOn: true, leaveReason: true, leaveNote: true, createdAt: true, updatedAt: true,
      organization: { select: REQUISITES_SELECT },
      consents: {
        select: { purposes: true, givenBy: true, representativeName: true, representativeDocument: true, givenAt: true, validUntil: true, revokedAt: true, revocationReason: true, fileName: true },
        orderBy: { givenAt: "asc" },
      },
      menteeProfile: { select: { category: true, difficulties: true, request: true, source: true, status: true, leftReason: true, createdAt: true } },
      mentorProfile: {
        select: {
          competencies: true, achievements: true, capacity: true, status: true, leftReason: true, districtVisibleSince: true, approvedAt: true, createdAt: true,
          trainings: { select: { kind: true, title: true, finishedOn: true, hours: true, document: true }, orderBy: { finishedOn: "asc" } },
        },
      },
      surveys: {
        where: { answeredAt: { not: null } },
        select: { answers: true, answeredAt: true, questionnaire: { select: { title: true, questions: true } } },
        orderBy: { answeredAt: "asc" },
      },
    },
  });
}

export type PersonalData = NonNullable<Awaited<ReturnType<typeof loadPersonalData>>>;

const date = (d: Date | null | undefined) => (d ? formatDocumentDate(d) : "—");
const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === "" ? "—" : String(v));

function answerText(question: Question, value: Answers[string] | undefined): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  if (Array.isArray(value)) return value.map(label).join("; ");
  return typeof value === "number" ? String(value) : label(value);
}

/** The same data as readable sections in Russian (the .docx). */
export function personalDataDocument(p: PersonalData, generatedAt: Date): PersonalDataDocument {
  const sections: PersonalDataDocument["sections"] = [
    {
      title: t("person.title"),
      rows: [
        [t("person.fullName"), fullName(p)],
        [t("person.kind"), t(`kind.${p.kind}`)],
        [t("person.birthDate"), date(p.birthDate)],
        [t("person.minor"), p.minor ? t("yes") : t("no")],
        [t("person.position"), text(p.position)],
        [t("person.subjects"), p.subjects.join(", ") || "—"],
        [t("person.experience"), text(p.experienceYears)],
        [t("person.qualificationCategory"), text(p.qualificationCategory)],
        [t("person.grade"), text(p.grade)],
        [t("person.externalOrganization"), text(p.externalOrganization)],
        [t("person.email"), text(p.email)],
        [t("person.phone"), text(p.phone)],
        [t("person.hiredOn"), date(p.hiredOn)],
        [t("person.leftOn"), p.leftOn ? `${date(p.leftOn)}: ${LEAVE_REASONS[p.leaveReason ?? "OTHER"]}${p.leaveNote ? ` (${p.leaveNote})` : ""}` : "—"],
        [t("person.participation"), p.active ? t("person.active") : t("person.inactive", { reason: text(p.inactiveReason) })],
        [t("person.createdAt"), date(p.createdAt)],
      ],
    },
    {
      title: t("consents.title"),
      rows: p.consents.map((c, i) => [
        t("consents.consent", { number: String(i + 1), date: date(c.givenAt) }),
        [
          t("consents.purposes", { purposes: c.purposes.map((x) => t(`purpose.${x}`)).join("; ") }),
          c.givenBy === "REPRESENTATIVE"
            ? t("consents.byRepresentative", { representative: `${text(c.representativeName)}${c.representativeDocument ? ` (${c.representativeDocument})` : ""}` })
            : t("consents.bySubject"),
          t("consents.validity", { term: c.validUntil ? t("consents.validUntil", { date: date(c.validUntil) }) : t("consents.validUntilRevoked") }),
          c.revokedAt ? t("consents.revoked", { date: date(c.revokedAt), reason: text(c.revocationReason) }) : t("consents.valid"),
          ...(c.fileName ? [t("consents.scan", { fileName: c.fileName })] : []),
        ].join("\n"),
      ]),
    },
  ];
  const m = p.menteeProfile;
  sections.push({
    title: t("mentee.title"),
    rows: m
      ? [
          [t("mentee.category"), MENTEE_CATEGORIES[m.category]],
          [t("mentee.difficulties"), m.difficulties.map((d) => DIFFICULTY_TAGS[d as keyof typeof DIFFICULTY_TAGS] ?? d).join("; ") || "—"],
          [t("mentee.request"), text(m.request)],
          [t("mentee.source"), INFORMATION_SOURCES[m.source]],
          [t("mentee.status"), m.status === "LEFT" ? `${t("menteeStatus.LEFT")}: ${text(m.leftReason)}` : t(`menteeStatus.${m.status}`)],
          [t("mentee.since"), date(m.createdAt)],
        ]
      : [],
  });
  const r = p.mentorProfile;
  sections.push({
    title: t("mentor.title"),
    rows: r
      ? [
          [t("mentor.competencies"), r.competencies.map((c) => COMPETENCY_TAGS[c as keyof typeof COMPETENCY_TAGS] ?? c).join("; ") || "—"],
          [t("mentor.achievements"), text(r.achievements)],
          [t("mentor.capacity"), String(r.capacity)],
          [t("mentor.status"), r.status === "LEFT" ? `${t("mentorStatus.LEFT")}: ${text(r.leftReason)}` : t(`mentorStatus.${r.status}`)],
          [t("mentor.approvedAt"), date(r.approvedAt)],
          [t("mentor.districtVisible"), r.districtVisibleSince ? t("mentor.districtVisibleSince", { date: date(r.districtVisibleSince) }) : t("no")],
          ...r.trainings.map((training): [string, string] => [
            t("mentor.training", { kind: TRAINING_KINDS[training.kind] }),
            `${training.title}, ${date(training.finishedOn)}${training.hours ? `, ${t("mentor.trainingHours", { hours: String(training.hours) })}` : ""}${training.document ? `, ${training.document}` : ""}`,
          ]),
        ]
      : [],
  });
  p.surveys.forEach((s, i) => {
    const questions = s.questionnaire.questions as unknown as Question[];
    const answers = (s.answers ?? {}) as unknown as Answers;
    sections.push({
      title: t("surveys.survey", { number: String(5 + i), title: s.questionnaire.title, date: date(s.answeredAt) }),
      rows: questions.map((q) => [q.text, answerText(q, answers[q.id])]),
    });
  });
  if (p.surveys.length === 0) sections.push({ title: t("surveys.none"), rows: [] });
  return { organizationName: p.organization.name, requisites: requisiteLines(p.organization), personName: fullName(p), generatedAt, sections };
}

/** The same data for machines: field names in English, values as stored, questions beside answers. */
export function personalDataJson(p: PersonalData, generatedAt: Date) {
  const { organization, surveys, ...person } = p;
  return {
    generatedAt: generatedAt.toISOString(),
    organization: organization.name,
    ...person,
    surveys: surveys.map((s) => ({
      questionnaire: s.questionnaire.title,
      answeredAt: s.answeredAt,
      answers: (s.questionnaire.questions as unknown as Question[]).map((q) => ({ question: q.text, answer: ((s.answers ?? {}) as unknown as Answers)[q.id] ?? null })),
    })),
  };
}
