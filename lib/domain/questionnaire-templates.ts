// The ready Russian questionnaire templates of the target model (the texts are document content, copied
// into each questionnaire when it is created). The questions' structure is here; their texts are starter data,
// lib/i18n/russian/data/questionnaire-templates.json, by question id. No I/O.

import texts from "../i18n/russian/data/questionnaire-templates.json";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, MENTEE_CATEGORIES, STUDENT_CATEGORIES, TEACHER_CATEGORIES, type DifficultyTag, type MenteeCategory } from "./banks";
import type { Audience, Question, QuestionMap, QuestionnaireKind, QuestionOption, QuestionScale } from "./questionnaires";

// ——— Templates ———

export const options = (entries: Record<string, string>, keys?: readonly string[]): QuestionOption[] =>
  (keys ?? Object.keys(entries)).map((value) => ({ value, label: entries[value]! }));

const satisfactionScale: QuestionScale = { min: 1, max: 5, ...texts.scales.satisfaction };
const assessmentScale: QuestionScale = { min: 1, max: 5, ...texts.scales.assessment };
const yesNoMaybe: QuestionOption[] = options(texts.answers, ["yes", "no", "unsure"]);

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
      text: texts.menteeNeeds.category,
      required: true,
      options: options(MENTEE_CATEGORIES, categoryKeys(audience)),
      maps: "category",
    },
    {
      id: "difficulties",
      type: "multiple",
      text: texts.menteeNeeds.difficulties,
      required: true,
      options: options(DIFFICULTY_TAGS, difficultyKeys(audience)),
      maps: "difficulties",
    },
    {
      id: "request",
      type: "text",
      text: texts.menteeNeeds.request,
      required: false,
      maps: "request",
    },
    {
      id: "form",
      type: "single",
      text: texts.menteeNeeds.form,
      required: false,
      options: options(texts.workingForms, ["individual", "group", "remote", "any"]),
    },
  ];
}

export const MENTOR_PROFILE: Question[] = [
  {
    id: "competencies",
    type: "multiple",
    text: texts.mentorProfile.competencies,
    required: true,
    options: options(COMPETENCY_TAGS),
    maps: "competencies",
  },
  {
    id: "achievements",
    type: "text",
    text: texts.mentorProfile.achievements,
    required: false,
    maps: "achievements",
  },
  {
    id: "capacity",
    type: "scale",
    text: texts.mentorProfile.capacity,
    required: true,
    scale: { min: 1, max: 5, ...texts.scales.capacity },
    maps: "capacity",
  },
  {
    id: "experience",
    type: "single",
    text: texts.mentorProfile.experience,
    required: false,
    options: options(texts.answers, ["yes", "no"]),
  },
];

/** The first, second and third choice. */
const CHOICE_TEXTS: string[] = texts.preference.choices;

function preference(candidates: QuestionOption[]): Question[] {
  return [
    ...CHOICE_TEXTS.map((text, i) => ({
      id: `choice${i + 1}`,
      type: "single" as const,
      text,
      required: i === 0,
      options: candidates.map((c) => ({ ...c })),
    })),
    { id: "why", type: "text", text: texts.preference.why, required: false },
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
  scaleQuestion("overall", texts.satisfactionMentee.overall, "satisfaction"),
  scaleQuestion("meetings", texts.satisfactionMentee.meetings, "satisfaction"),
  scaleQuestion("communication", texts.satisfactionMentee.communication, "satisfaction"),
  scaleQuestion("organization", texts.satisfactionMentee.organization, "satisfaction"),
  scaleQuestion("help", texts.satisfactionMentee.help, "satisfaction"),
  { id: "becomeMentor", type: "single", text: texts.satisfactionMentee.becomeMentor, required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: texts.satisfactionMentee.suggestions, required: false },
];

export const SATISFACTION_MENTOR: Question[] = [
  scaleQuestion("overall", texts.satisfactionMentor.overall, "satisfaction"),
  scaleQuestion("interaction", texts.satisfactionMentor.interaction, "satisfaction"),
  scaleQuestion("support", texts.satisfactionMentor.support, "satisfaction"),
  scaleQuestion("organization", texts.satisfactionMentor.organization, "satisfaction"),
  scaleQuestion("growth", texts.satisfactionMentor.growth, "satisfaction"),
  { id: "continue", type: "single", text: texts.satisfactionMentor.continue, required: false, options: yesNoMaybe.map((o) => ({ ...o })) },
  { id: "suggestions", type: "text", text: texts.satisfactionMentor.suggestions, required: false },
];

/** The same questions before and after the program (two-stage monitoring of its influence). */
const ASSESSMENT: Question[] = [
  scaleQuestion("confidence", texts.assessment.confidence),
  scaleQuestion("methods", texts.assessment.methods),
  scaleQuestion("planning", texts.assessment.planning),
  scaleQuestion("relations", texts.assessment.relations),
  scaleQuestion("motivation", texts.assessment.motivation),
  scaleQuestion("wellbeing", texts.assessment.wellbeing),
  { id: "changes", type: "text", text: texts.assessment.changes, required: false },
];

export const CUSTOM: Question[] = [{ id: "q1", type: "text", text: texts.custom.q1, required: false }];

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
