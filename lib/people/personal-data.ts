// Everything the organization keeps about one person, for their request to see it (152-ФЗ, art. 14):
// one loader, two renderings (.json for machines, .docx for people).
import "server-only";
import type { Tx } from "../db";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, INFORMATION_SOURCES, MENTEE_CATEGORIES, TRAINING_KINDS } from "../domain/banks";
import type { ConsentPurpose } from "../domain/consent";
import { fullName } from "../domain/names";
import { LEAVE_REASONS } from "../domain/retention";
import { requisiteLines } from "../domain/organization-profile";
import type { Answers, Question } from "../domain/questionnaires";
import { formatDocumentDate } from "../documents/docx-kit";
import type { PersonalDataDocument } from "../documents/personal-data-docx";
import { REQUISITES_SELECT } from "../organization/requisites";

/** The purposes as the document names them (152-ФЗ art. 14: the purposes of processing). */
const PURPOSE_TITLES: Record<ConsentPurpose, string> = {
  BANK: "включение в банк наставников / наставляемых",
  PAIRS: "участие в наставнической паре / группе",
  SURVEYS: "участие в анкетировании и мониторинге",
  PUBLICATION: "публикация сведений на сайте организации",
  DISTRICT_COMMUNITIES: "участие в районных профессиональных сообществах (передача сведений муниципальному органу управления образованием)",
};

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

const KIND = { TEACHER: "Педагог", STUDENT: "Обучающийся", EXTERNAL: "Внешний специалист" } as const;
const MENTEE_STATUS = { WAITING: "ждёт наставника", PAIRED: "в паре", LEFT: "выбыл" } as const;
const MENTOR_STATUS = { CANDIDATE: "кандидат", TRAINED: "прошёл обучение", APPROVED: "утверждён руководителем", LEFT: "выбыл" } as const;
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
      title: "1. Сведения о человеке",
      rows: [
        ["Фамилия, имя, отчество", fullName(p)],
        ["Категория", KIND[p.kind]],
        ["Дата рождения", date(p.birthDate)],
        ["Несовершеннолетний", p.minor ? "да" : "нет"],
        ["Должность", text(p.position)],
        ["Предметы", p.subjects.join(", ") || "—"],
        ["Стаж, лет", text(p.experienceYears)],
        ["Квалификационная категория", text(p.qualificationCategory)],
        ["Класс", text(p.grade)],
        ["Организация (для внешних специалистов)", text(p.externalOrganization)],
        ["Электронная почта", text(p.email)],
        ["Телефон", text(p.phone)],
        ["Дата приёма на работу", date(p.hiredOn)],
        ["Дата выбытия", p.leftOn ? `${date(p.leftOn)}: ${LEAVE_REASONS[p.leaveReason ?? "OTHER"]}${p.leaveNote ? ` (${p.leaveNote})` : ""}` : "—"],
        ["Участие в работе", p.active ? "активен" : `выведен из активной работы: ${text(p.inactiveReason)}`],
        ["Сведения внесены", date(p.createdAt)],
      ],
    },
    {
      title: "2. Согласия на обработку персональных данных",
      rows: p.consents.map((c, i) => [
        `Согласие ${i + 1} от ${date(c.givenAt)}`,
        [
          `Цели: ${c.purposes.map((x) => PURPOSE_TITLES[x]).join("; ")}`,
          c.givenBy === "REPRESENTATIVE" ? `Дано законным представителем: ${text(c.representativeName)}${c.representativeDocument ? ` (${c.representativeDocument})` : ""}` : "Дано лично",
          `Срок действия: ${c.validUntil ? `до ${date(c.validUntil)}` : "бессрочно, до отзыва"}`,
          c.revokedAt ? `Отозвано ${date(c.revokedAt)}: ${text(c.revocationReason)}` : "Действует",
          ...(c.fileName ? [`Скан: ${c.fileName}`] : []),
        ].join("\n"),
      ]),
    },
  ];
  const m = p.menteeProfile;
  sections.push({
    title: "3. Банк наставляемых",
    rows: m
      ? [
          ["Категория", MENTEE_CATEGORIES[m.category]],
          ["Затруднения и запросы", m.difficulties.map((d) => DIFFICULTY_TAGS[d as keyof typeof DIFFICULTY_TAGS] ?? d).join("; ") || "—"],
          ["Запрос", text(m.request)],
          ["Источник сведений", INFORMATION_SOURCES[m.source]],
          ["Статус", m.status === "LEFT" ? `${MENTEE_STATUS.LEFT}: ${text(m.leftReason)}` : MENTEE_STATUS[m.status]],
          ["Включён в банк", date(m.createdAt)],
        ]
      : [],
  });
  const r = p.mentorProfile;
  sections.push({
    title: "4. Банк наставников",
    rows: r
      ? [
          ["Компетенции", r.competencies.map((c) => COMPETENCY_TAGS[c as keyof typeof COMPETENCY_TAGS] ?? c).join("; ") || "—"],
          ["Достижения", text(r.achievements)],
          ["Наставляемых одновременно", String(r.capacity)],
          ["Статус", r.status === "LEFT" ? `${MENTOR_STATUS.LEFT}: ${text(r.leftReason)}` : MENTOR_STATUS[r.status]],
          ["Утверждён руководителем", date(r.approvedAt)],
          ["Виден в банке наставников округа", r.districtVisibleSince ? `с ${date(r.districtVisibleSince)}` : "нет"],
          ...r.trainings.map((t): [string, string] => [`Обучение: ${TRAINING_KINDS[t.kind]}`, `${t.title}, ${date(t.finishedOn)}${t.hours ? `, ${t.hours} ч` : ""}${t.document ? `, ${t.document}` : ""}`]),
        ]
      : [],
  });
  p.surveys.forEach((s, i) => {
    const questions = s.questionnaire.questions as unknown as Question[];
    const answers = (s.answers ?? {}) as unknown as Answers;
    sections.push({
      title: `${5 + i}. Анкета «${s.questionnaire.title}» (ответ от ${date(s.answeredAt)})`,
      rows: questions.map((q) => [q.text, answerText(q, answers[q.id])]),
    });
  });
  if (p.surveys.length === 0) sections.push({ title: "5. Анкеты", rows: [] });
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
