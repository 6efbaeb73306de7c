// The ready personalized-program templates (seed 001): Russian content a pair's program starts from — once
// copied into the program it is the school's own text, edited there (lib/i18n/language-policy.test.ts: starter
// content). Which template fits a pair.
import type { DifficultyTag } from "./banks";
import type { MeetingKind, MentoringForm, MentoringType } from "./pairs";

export type ProgramTemplate = {
  key: "TEACHER_ADAPTATION" | "STUDENT_RESULTS" | "CAREER" | "SHORT_PLAN";
  title: string;
  direction: string;
  goals: string;
  tasks: string;
  intermediateResults: string;
  /** Итоговые (ожидаемые) результаты. */
  expectedResults: string;
  /** The mentee difficulties this template works on (the program keeps those the mentees have). */
  difficulties: DifficultyTag[];
  /** Plan items; `at` places the due date in the period: 0 the first day, 1 the last. */
  items: { title: string; at: number }[];
  /** The meeting schedule (график встреч), placed in the period like the items. */
  meetings: { kind: MeetingKind; topic: string; at: number }[];
};

export const PROGRAM_TEMPLATES: Record<ProgramTemplate["key"], ProgramTemplate> = {
  TEACHER_ADAPTATION: {
    key: "TEACHER_ADAPTATION",
    title: "Адаптация молодого педагога",
    direction: "Адаптация молодого (нового) педагога в образовательной организации и профессии",
    goals: "Успешная адаптация педагога в образовательной организации и в профессии, формирование потребности в профессиональном росте.",
    tasks:
      "1. Освоить нормативную базу и культуру образовательной организации.\n" +
      "2. Развить умения планировать и проводить уроки, оценивать результаты обучающихся.\n" +
      "3. Выстроить взаимодействие с родителями и коллективом.\n" +
      "4. Составить план дальнейшего профессионального развития.",
    intermediateResults:
      "Освоены нормативные документы и электронный журнал; разработаны технологические карты уроков; " +
      "проведён самоанализ посещённых и проведённых уроков.",
    expectedResults:
      "Педагог уверенно планирует и проводит уроки, ведёт документацию, выстраивает работу с родителями; " +
      "проведён открытый урок; снижена тревожность, педагог закрепился в профессии и в коллективе; " +
      "составлен план дальнейшего профессионального развития.",
    difficulties: ["NORMATIVE", "COLLECTIVE", "LESSON_PLANNING", "METHODS", "ASSESSMENT", "DISCIPLINE", "PARENTS"],
    items: [
      { title: "Знакомство с образовательной организацией, коллективом и нормативной базой (ООП, локальные акты, рабочая программа)", at: 0.03 },
      { title: "Посещение уроков наставника с последующим анализом", at: 0.12 },
      { title: "Планирование уроков: технологические карты (конспекты) уроков совместно с наставником", at: 0.25 },
      { title: "Взаимопосещение уроков, анализ и самоанализ урока", at: 0.4 },
      { title: "Оценивание результатов обучающихся и ведение документации (электронный журнал)", at: 0.52 },
      { title: "Работа с родителями: подготовка и проведение родительского собрания", at: 0.64 },
      { title: "Открытый урок молодого педагога", at: 0.82 },
      { title: "Итоговая рефлексия: самоанализ профессионального роста, итоговая встреча", at: 1 },
    ],
    meetings: [
      { kind: "INTRO", topic: "Знакомство, выявление профессиональных затруднений", at: 0.01 },
      { kind: "PLANNING", topic: "Планирование работы, согласование плана мероприятий", at: 0.05 },
      { kind: "REGULAR", topic: "Анализ посещённых уроков", at: 0.3 },
      { kind: "REGULAR", topic: "Работа с родителями, подготовка открытого урока", at: 0.6 },
      { kind: "FINAL", topic: "Итоговая встреча: результаты и план развития", at: 1 },
    ],
  },
  STUDENT_RESULTS: {
    key: "STUDENT_RESULTS",
    title: "Повышение образовательных результатов",
    direction: "Повышение образовательных результатов обучающегося, развитие учебных навыков",
    goals: "Преодоление затруднений в учёбе и повышение образовательных результатов наставляемого.",
    tasks:
      "1. Выявить затруднения в учёбе (входная диагностика).\n" +
      "2. Отработать проблемные темы предмета.\n" +
      "3. Развить навыки самостоятельной учебной работы и мотивацию к обучению.",
    intermediateResults: "Составлен индивидуальный план; промежуточная диагностика показывает рост по проблемным темам.",
    expectedResults:
      "Повышение успеваемости по предметам, в которых были затруднения; освоены приёмы самостоятельной работы; " +
      "участие в проекте, конкурсе или олимпиаде; рост учебной мотивации.",
    difficulties: ["STUDY_SKILLS", "SUBJECT", "GIFTED_WORK", "CAREER"],
    items: [
      { title: "Встреча-знакомство, входная диагностика затруднений в учёбе", at: 0.03 },
      { title: "Составление индивидуального плана работы по проблемным темам", at: 0.1 },
      { title: "Консультации по проблемным темам предмета", at: 0.3 },
      { title: "Освоение учебных навыков: работа с текстом, планирование времени, подготовка домашних заданий", at: 0.45 },
      { title: "Промежуточная диагностика (контрольная работа, тест), корректировка плана", at: 0.6 },
      { title: "Совместный проект или участие в конкурсе (олимпиаде)", at: 0.8 },
      { title: "Итоговая диагностика и рефлексия, итоговая встреча", at: 1 },
    ],
    meetings: [
      { kind: "INTRO", topic: "Знакомство, входная диагностика", at: 0.01 },
      { kind: "PLANNING", topic: "Составление индивидуального плана", at: 0.08 },
      { kind: "REGULAR", topic: "Промежуточная диагностика, корректировка плана", at: 0.6 },
      { kind: "FINAL", topic: "Итоговая встреча: результаты диагностики и рефлексия", at: 1 },
    ],
  },
  CAREER: {
    key: "CAREER",
    title: "Профессиональное самоопределение",
    direction: "Профориентация и профессиональные пробы под руководством наставника-работодателя",
    goals: "Осознанный выбор профессии и образовательного маршрута.",
    tasks:
      "1. Познакомить наставляемого с профессией и предприятием.\n" +
      "2. Провести профессиональную пробу под руководством наставника.\n" +
      "3. Выполнить проект (кейс) по реальной задаче предприятия.",
    intermediateResults: "Проведены экскурсия на предприятие и профессиональная проба; выбрана тема проекта (кейса).",
    expectedResults:
      "Наставляемый знаком с профессией и требованиями работодателя, выполнил профессиональную пробу и проект (кейс), " +
      "определил дальнейший образовательный (профессиональный) маршрут.",
    difficulties: ["CAREER", "STUDY_SKILLS"],
    items: [
      { title: "Встреча-знакомство, выявление профессиональных интересов", at: 0.03 },
      { title: "Экскурсия на предприятие (в организацию) наставника", at: 0.15 },
      { title: "Знакомство с профессией: требования, компетенции, образовательные маршруты", at: 0.3 },
      { title: "Профессиональная проба под руководством наставника", at: 0.5 },
      { title: "Проект (кейс) по реальной задаче предприятия", at: 0.7 },
      { title: "Презентация проекта", at: 0.88 },
      { title: "Итоговая рефлексия, итоговая встреча", at: 1 },
    ],
    meetings: [
      { kind: "INTRO", topic: "Знакомство, профессиональные интересы", at: 0.01 },
      { kind: "PLANNING", topic: "План профессиональных проб и проекта", at: 0.08 },
      { kind: "REGULAR", topic: "Обсуждение профессиональной пробы", at: 0.5 },
      { kind: "FINAL", topic: "Итоговая встреча: презентация проекта", at: 1 },
    ],
  },
  SHORT_PLAN: {
    key: "SHORT_PLAN",
    title: "Краткий план (скоростное, ситуационное наставничество)",
    direction: "Консультация наставника по конкретному запросу наставляемого",
    goals: "Решение конкретной профессиональной (учебной) ситуации наставляемого с помощью наставника.",
    tasks: "1. Сформулировать запрос наставляемого.\n2. Провести встречу (консультацию) с наставником.\n3. Определить дальнейшие шаги.",
    intermediateResults: "Запрос наставляемого сформулирован и передан наставнику до встречи.",
    expectedResults: "Наставляемый получил ответ на свой запрос, определил цели и следующие шаги развития.",
    difficulties: [],
    items: [
      { title: "Формулирование запроса наставляемого", at: 0 },
      { title: "Встреча (консультация) с наставником", at: 0.5 },
      { title: "Рефлексия: итоги встречи и следующие шаги", at: 1 },
    ],
    meetings: [{ kind: "REGULAR", topic: "Встреча с наставником по запросу наставляемого", at: 0.5 }],
  },
};

const TEMPLATE_BY_FORM: Record<MentoringForm, ProgramTemplate["key"]> = {
  TEACHER_TEACHER: "TEACHER_ADAPTATION",
  HEAD_TEACHER: "TEACHER_ADAPTATION",
  UNIVERSITY_TEACHER: "TEACHER_ADAPTATION",
  STUDENT_STUDENT: "STUDENT_RESULTS",
  TEACHER_STUDENT: "STUDENT_RESULTS",
  COLLEGE_STUDENT_PUPIL: "STUDENT_RESULTS",
  EMPLOYER_STUDENT: "CAREER",
  EMPLOYER_PUPIL: "CAREER",
};

/** The ready template that fits the pair: a short plan for speed and situational mentoring, else by its form. */
export function templateFor(form: MentoringForm, type: MentoringType): ProgramTemplate {
  if (type === "SPEED" || type === "SITUATIONAL") return PROGRAM_TEMPLATES.SHORT_PLAN;
  return PROGRAM_TEMPLATES[TEMPLATE_BY_FORM[form]];
}
