// The ready Russian questionnaire templates of the target model (the texts are document content, copied
// into each questionnaire when it is created). No I/O.

import { COMPETENCY_TAGS, DIFFICULTY_TAGS, MENTEE_CATEGORIES, STUDENT_CATEGORIES, TEACHER_CATEGORIES, type DifficultyTag, type MenteeCategory } from "./banks";
import type { Audience, Question, QuestionMap, QuestionnaireKind, QuestionOption, QuestionScale } from "./questionnaires";

// ——— Templates ———

export const options = (entries: Record<string, string>, keys?: readonly string[]): QuestionOption[] =>
  (keys ?? Object.keys(entries)).map((value) => ({ value, label: entries[value]! }));

const satisfactionScale: QuestionScale = { min: 1, max: 5, minLabel: "совершенно не удовлетворён(а)", maxLabel: "полностью удовлетворён(а)" };
const assessmentScale: QuestionScale = { min: 1, max: 5, minLabel: "очень низко", maxLabel: "очень высоко" };
const yesNoMaybe: QuestionOption[] = [
  { value: "yes", label: "Да" },
  { value: "no", label: "Нет" },
  { value: "unsure", label: "Пока не знаю" },
];

function categoryKeys(audience: Audience): MenteeCategory[] {
  if (audience === "TEACHERS") return TEACHER_CATEGORIES;
  if (audience === "STUDENTS") return STUDENT_CATEGORIES;
  return [...TEACHER_CATEGORIES, ...STUDENT_CATEGORIES];
}

const STUDENT_ONLY_DIFFICULTIES: DifficultyTag[] = ["STUDY_SKILLS", "CAREER"];

function difficultyKeys(audience: Audience): DifficultyTag[] {
  const all = Object.keys(DIFFICULTY_TAGS) as DifficultyTag[];
  return audience === "TEACHERS" ? all.filter((k) => !STUDENT_ONLY_DIFFICULTIES.includes(k)) : all;
}

function menteeNeeds(audience: Audience): Question[] {
  return [
    {
      id: "category",
      type: "single",
      text: "К какой категории наставляемых вы себя относите?",
      required: true,
      options: options(MENTEE_CATEGORIES, categoryKeys(audience)),
      maps: "category",
    },
    {
      id: "difficulties",
      type: "multiple",
      text: "В чём вы испытываете затруднения? Отметьте всё, что подходит.",
      required: true,
      options: options(DIFFICULTY_TAGS, difficultyKeys(audience)),
      maps: "difficulties",
    },
    {
      id: "request",
      type: "text",
      text: "Сформулируйте ваш запрос к наставнику: чему вы хотите научиться, в чём нужна помощь?",
      required: false,
      maps: "request",
    },
    {
      id: "form",
      type: "single",
      text: "Какая форма работы с наставником вам удобнее?",
      required: false,
      options: [
        { value: "individual", label: "Индивидуально (один на один)" },
        { value: "group", label: "В группе" },
        { value: "remote", label: "Дистанционно" },
        { value: "any", label: "Любая" },
      ],
    },
  ];
}

export const MENTOR_PROFILE: Question[] = [
  {
    id: "competencies",
    type: "multiple",
    text: "В чём вы готовы помогать наставляемым? Отметьте всё, что подходит.",
    required: true,
    options: options(COMPETENCY_TAGS),
    maps: "competencies",
  },
  {
    id: "achievements",
    type: "text",
    text: "Ваши профессиональные достижения (победы в конкурсах, публикации, руководство методическим объединением или сообществом и т. п.)",
    required: false,
    maps: "achievements",
  },
  {
    id: "capacity",
    type: "scale",
    text: "Скольких наставляемых вы готовы взять одновременно?",
    required: true,
    scale: { min: 1, max: 5, minLabel: "одного", maxLabel: "пятерых" },
    maps: "capacity",
  },
  {
    id: "experience",
    type: "single",
    text: "Есть ли у вас опыт наставничества?",
    required: false,
    options: [
      { value: "yes", label: "Да" },
      { value: "no", label: "Нет" },
    ],
  },
];

const CHOICE_TEXTS = ["Кого из наставников вы выбираете в первую очередь?", "Ваш второй выбор", "Ваш третий выбор"];

function preference(candidates: QuestionOption[]): Question[] {
  return [
    ...CHOICE_TEXTS.map((text, i) => ({
      id: `choice${i + 1}`,
      type: "single" as const,
      text,
      required: i === 0,
      options: candidates.map((c) => ({ ...c })),
    })),
    { id: "why", type: "text", text: "Почему вы сделали такой выбор?", required: false },
  ];
}

const scaleQuestion = (id: string, text: string, maps?: QuestionMap): Question => ({
  id,
  type: "scale",
  text,
  required: true,
  scale: maps === "satisfaction" ? { ...satisfactionScale } : { ...assessmentScale },
  ...(maps ? { maps } : {}),
});

export const SATISFACTION_MENTEE: Question[] = [
  scaleQuestion("overall", "Насколько вы удовлетворены участием в программе наставничества в целом?", "satisfaction"),
  scaleQuestion("meetings", "Насколько полезными для вас были встречи с наставником?", "satisfaction"),
  scaleQuestion("communication", "Насколько комфортным было общение с наставником?", "satisfaction"),
  scaleQuestion("organization", "Насколько вы удовлетворены организацией программы (график, формат встреч)?", "satisfaction"),
  scaleQuestion("help", "Насколько программа помогла вам справиться с затруднениями?", "satisfaction"),
  { id: "becomeMentor", type: "single", text: "Хотели бы вы в будущем стать наставником?", required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: "Что бы вы предложили изменить в программе наставничества?", required: false },
];

export const SATISFACTION_MENTOR: Question[] = [
  scaleQuestion("overall", "Насколько вы удовлетворены участием в программе наставничества в целом?", "satisfaction"),
  scaleQuestion("interaction", "Насколько вы удовлетворены взаимодействием с наставляемым?", "satisfaction"),
  scaleQuestion("support", "Насколько достаточной была методическая поддержка куратора?", "satisfaction"),
  scaleQuestion("organization", "Насколько вы удовлетворены организацией программы (график, формат встреч)?", "satisfaction"),
  scaleQuestion("growth", "Насколько участие в программе было полезно для вашего профессионального развития?", "satisfaction"),
  { id: "continue", type: "single", text: "Готовы ли вы продолжить работу наставником?", required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: "Что бы вы предложили изменить в программе наставничества?", required: false },
];

/** The same questions before and after the program (two-stage monitoring of its influence). */
const ASSESSMENT: Question[] = [
  scaleQuestion("confidence", "Оцените вашу уверенность в профессиональной (учебной) деятельности"),
  scaleQuestion("methods", "Оцените ваше владение методиками, приёмами, способами работы (учёбы)"),
  scaleQuestion("planning", "Оцените умение планировать свою работу (учёбу) и достигать поставленных целей"),
  scaleQuestion("relations", "Оцените умение выстраивать отношения с коллегами, обучающимися, родителями"),
  scaleQuestion("motivation", "Оцените вашу мотивацию к профессиональному росту (к учёбе)"),
  scaleQuestion("wellbeing", "Оцените ваше эмоциональное благополучие в школе"),
  { id: "changes", type: "text", text: "Какие изменения в своей работе (учёбе) вы замечаете или ожидаете?", required: false },
];

export const CUSTOM: Question[] = [{ id: "q1", type: "text", text: "Ваш ответ", required: false }];

export type TemplateOptions = {
  /** Needs questionnaire: whose categories to offer (the program's audience). */
  audience?: Audience;
  /** Preference questionnaire: the mentors to choose from (value = mentor entry id, label = name). */
  candidates?: QuestionOption[];
};

/**
 * The questions of a ready template. ASSESSMENT_AFTER is not built from a template: it copies the
 * questions of the «до» questionnaire it is compared with (copyQuestions).
 */
export function templateQuestions(kind: QuestionnaireKind, opts: TemplateOptions = {}): Question[] {
  const copy = (qs: Question[]) => copyQuestions(qs);
  switch (kind) {
    case "MENTEE_NEEDS":
      return menteeNeeds(opts.audience ?? "BOTH");
    case "MENTOR_PROFILE":
      return copy(MENTOR_PROFILE);
    case "PREFERENCE":
      return preference(opts.candidates ?? []);
    case "SATISFACTION_MENTEE":
      return copy(SATISFACTION_MENTEE);
    case "SATISFACTION_MENTOR":
      return copy(SATISFACTION_MENTOR);
    case "ASSESSMENT_BEFORE":
    case "ASSESSMENT_AFTER":
      return copy(ASSESSMENT);
    case "CUSTOM":
      return copy(CUSTOM);
  }
}

export function copyQuestions(questions: Question[]): Question[] {
  return questions.map((q) => ({
    ...q,
    ...(q.options ? { options: q.options.map((o) => ({ ...o })) } : {}),
    ...(q.scale ? { scale: { ...q.scale } } : {}),
  }));
}
