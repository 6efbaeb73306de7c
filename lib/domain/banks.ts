// The vocabulary of the mentee and mentor banks, in the words of the regulation (seed 002, §5.2.1–5.2.3)
// and docs/domain.md, plus the pure rules that decide who may enter a bank and who counts for a stage gate.

import { consentProblem, type ConsentRecord, type ConsentSubject, type RuleProblem } from "./consent";

export type PersonKind = "TEACHER" | "STUDENT" | "EXTERNAL";

/** Mentee categories: for teachers (seed 002 §5.2.3) and for students (docs/domain.md). */
export const MENTEE_CATEGORIES = {
  YOUNG_SPECIALIST: "Молодой педагог (стаж до 3 лет)",
  RETURNING: "Приступил к работе после длительного перерыва",
  NEW_PLACE: "Адаптация на новом месте работы",
  GROWTH: "Хочет повысить профессиональный уровень в определённом направлении",
  DIGITAL: "Хочет овладеть цифровыми навыками, ИКТ-компетенциями",
  BURNOUT: "Профессиональное, эмоциональное выгорание",
  OTHER_DIFFICULTIES: "Другие профессиональные затруднения",
  INTERN: "Стажёр / студент",
  LOW_RESULTS: "Обучающийся с низкими образовательными результатами",
  GIFTED: "Одарённый обучающийся",
  DISABILITIES: "Обучающийся с ОВЗ",
  STUDENT_OTHER: "Другой запрос обучающегося",
} as const;
export type MenteeCategory = keyof typeof MENTEE_CATEGORIES;

export const TEACHER_CATEGORIES: MenteeCategory[] = ["YOUNG_SPECIALIST", "RETURNING", "NEW_PLACE", "GROWTH", "DIGITAL", "BURNOUT", "OTHER_DIFFICULTIES", "INTERN"];
export const STUDENT_CATEGORIES: MenteeCategory[] = ["LOW_RESULTS", "GIFTED", "DISABILITIES", "STUDENT_OTHER"];

/** Which categories fit a person: teachers and external specialists the teachers' list, students theirs. */
export function categoriesFor(kind: PersonKind): MenteeCategory[] {
  return kind === "STUDENT" ? STUDENT_CATEGORIES : TEACHER_CATEGORIES;
}

/**
 * Difficulties / requests as structured tags. Each has a twin among the mentor competencies
 * (same key), so the pairing issue can match a difficulty with a competency.
 */
export const DIFFICULTY_TAGS = {
  NORMATIVE: "Нормативная правовая база, документация",
  LESSON_PLANNING: "Планирование и проведение уроков (занятий)",
  METHODS: "Методики и современные педагогические технологии",
  ASSESSMENT: "Оценивание результатов обучающихся",
  DISCIPLINE: "Дисциплина, управление классом",
  UPBRINGING: "Воспитательная и внеурочная деятельность",
  PARENTS: "Работа с родителями",
  INDIVIDUAL: "Работа с детьми с ОВЗ, индивидуальный подход",
  GIFTED_WORK: "Работа с одарёнными детьми, олимпиады, проекты",
  DIGITAL: "Цифровые инструменты, ИКТ",
  COLLECTIVE: "Вхождение в коллектив, адаптация",
  STRESS: "Эмоциональное выгорание, стресс",
  SUBJECT: "Предметное содержание",
  STUDY_SKILLS: "Учебные навыки, успеваемость (для обучающихся)",
  CAREER: "Профориентация (для обучающихся)",
} as const;
export type DifficultyTag = keyof typeof DIFFICULTY_TAGS;

/** Mentor competencies (seed 002 §5.2.2, shortened), keyed like the difficulties they answer. */
export const COMPETENCY_TAGS = {
  NORMATIVE: "Знает нормативную базу образования и наставничества",
  LESSON_PLANNING: "Консультирует по проведению уроков и внеклассных мероприятий",
  METHODS: "Владеет современными педагогическими технологиями, готов транслировать опыт",
  ASSESSMENT: "Проводит диагностические и мониторинговые процедуры",
  DISCIPLINE: "Помогает с практическими приёмами ведения урока, дисциплиной",
  UPBRINGING: "Опыт воспитательной и внеурочной работы",
  PARENTS: "Опыт работы с родителями",
  INDIVIDUAL: "Опыт работы с детьми с ОВЗ",
  GIFTED_WORK: "Готовит победителей олимпиад и конкурсов",
  DIGITAL: "Цифровые навыки, ИКТ",
  COLLECTIVE: "«Вводит в должность», знакомит с организацией и коллективом",
  STRESS: "Эмпатия, поддержка, профилактика выгорания",
  SUBJECT: "Высокое качество обучения по своему предмету",
  STUDY_SKILLS: "Помогает обучающимся с учёбой",
  CAREER: "Профориентация, связь с работодателями",
} as const satisfies Record<DifficultyTag, string>;
export type CompetencyTag = keyof typeof COMPETENCY_TAGS;

export const INFORMATION_SOURCES = {
  QUESTIONNAIRE: "Анкета самого наставляемого",
  CLASS_TEACHER: "Классный руководитель",
  PSYCHOLOGIST: "Педагог-психолог",
  PARENTS: "Родители (законные представители)",
} as const;
export type InformationSource = keyof typeof INFORMATION_SOURCES;

export const TRAINING_KINDS = {
  SESSION: "Установочная сессия",
  COURSE: "Курсы повышения квалификации",
  SEMINAR: "Семинар, вебинар",
  OTHER: "Другое обучение",
} as const;
export type TrainingKind = keyof typeof TRAINING_KINDS;

export const MAX_MENTOR_CAPACITY = 10;

/**
 * Why a person may not enter a bank today (a key under «errors» with its values), or null: the person is active
 * and a bank consent is valid.
 */
export function bankRefusal(person: ConsentSubject & { active: boolean; kind: PersonKind }, consents: ConsentRecord[], at: Date): RuleProblem | null {
  const consent = consentProblem(person, consents, "BANK", at);
  if (consent) return consent;
  if (!person.active) return { key: "personInactive" };
  return null;
}

/** A mentee counts for the stage 2 gate: in the bank (not left), with needs recorded. */
export function hasRecordedNeeds(entry: { difficulties: string[]; request: string | null }): boolean {
  return entry.difficulties.length > 0 || Boolean(entry.request?.trim());
}

export type MentorStatus = "CANDIDATE" | "TRAINED" | "APPROVED" | "LEFT";

/** The director approves a mentor only after a recorded training (установочная сессия or courses). */
export function approvalRefusal(mentor: { status: MentorStatus; trainings: number }): RuleProblem | null {
  if (mentor.status === "APPROVED") return { key: "mentorAlreadyApproved" };
  if (mentor.status === "LEFT") return { key: "mentorLeftBank" };
  if (mentor.trainings < 1) return { key: "mentorNotTrained" };
  return null;
}
