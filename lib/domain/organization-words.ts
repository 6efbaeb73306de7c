import type { SchoolKindValue } from "./requisites";

// The right words for each kind of organization and program (issue #15 item 3; docs/domain.md): who the staff
// and the learners are, which forms of mentoring the Положение names, and which legal basis a document
// cites — the 2021 methodological recommendations for teachers' mentoring, Р-145 for students'. Pure.

export type Audience = "TEACHERS" | "STUDENTS" | "BOTH";

/** Распоряжение Минпросвещения России от 25.12.2019 № Р-145 — the methodology of students' mentoring. */
export const BASIS_R145 =
  "распоряжение Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися»";

/** The 2021 recommendations of Минпросвещения and the trade union of education workers (letter АЗ-1128/08, seed 002). */
export const BASIS_TEACHERS_2021 =
  "методические рекомендации по разработке и внедрению системы (целевой модели) наставничества педагогических работников в образовательных организациях, разработанные Министерством просвещения Российской Федерации совместно с Общероссийским Профсоюзом образования (письмо Министерства просвещения Российской Федерации от 21.12.2021 № АЗ-1128/08)";

export const BASIS_LAW_273 = "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в Российской Федерации»";

/**
 * Whose mentoring a program's documents speak of: a kindergarten's program is its educators' (preschool
 * children are not mentees or mentors of the target model; Р-145 is written for pupils and students),
 * whatever the passport's participants say; elsewhere the passport's.
 */
export function effectiveAudience(schoolKind: SchoolKindValue | null, audience: Audience): Audience {
  return schoolKind === "KINDERGARTEN" ? "TEACHERS" : audience;
}

/** The acts a program's documents cite, in the genitive after «В соответствии с»: the law, then what fits its participants. */
export function legalBasis(audience: Audience): string[] {
  const basis = [BASIS_LAW_273];
  if (audience === "TEACHERS" || audience === "BOTH") basis.push(BASIS_TEACHERS_2021);
  if (audience === "STUDENTS" || audience === "BOTH") basis.push(BASIS_R145);
  return basis;
}

/** In the genitive case for «В соответствии с …» (law → Федеральным законом, распоряжение → распоряжением, рекомендации → методическими рекомендациями). */
function instrumental(basis: string): string {
  return basis
    .replace(/^Федеральный закон/, "Федеральным законом")
    .replace(/^распоряжение/, "распоряжением")
    .replace(/^методические рекомендации/, "методическими рекомендациями");
}

/** «В соответствии с Федеральным законом …, методическими рекомендациями …, <purpose>» — the preamble of an order. */
export function basisPreamble(audience: Audience, purpose: string): string {
  return `В соответствии с ${legalBasis(audience).map(instrumental).join(", ")}, ${purpose}`;
}

export type OrganizationWords = {
  /** «педагогических работников», «воспитателей»: whose mentoring it is, for titles. */
  staffGenitive: string;
  /** «обучающихся», «воспитанников», «студентов». */
  learnersGenitive: string;
  /** «образовательной организации» / «дошкольной образовательной организации» / «профессиональной образовательной организации». */
  organizationGenitive: string;
  /** The forms of mentoring the Положение names for this kind and program. */
  forms: string[];
};

const TEACHER_FORMS: Record<SchoolKindValue, string[]> = {
  GENERAL: ["«учитель – учитель»", "«руководитель образовательной организации – учитель»", "«педагог вуза / колледжа – педагог образовательной организации»"],
  KINDERGARTEN: ["«воспитатель – воспитатель»", "«педагог – воспитатель»", "«руководитель дошкольной образовательной организации – воспитатель»", "«педагог вуза / колледжа – воспитатель»"],
  COLLEGE: ["«преподаватель – преподаватель»", "«руководитель профессиональной образовательной организации – преподаватель»", "«работодатель – преподаватель»", "«педагог вуза – преподаватель»"],
  SUPPLEMENTARY: ["«педагог – педагог»", "«руководитель организации – педагог»", "«педагог вуза / колледжа – педагог дополнительного образования»"],
};

const STUDENT_FORMS: Record<SchoolKindValue, string[]> = {
  GENERAL: ["«ученик – ученик»", "«учитель – ученик»", "«студент – ученик»", "«работодатель – ученик»"],
  // Preschool children are mentored through their educators (docs/domain.md): no pupil forms in a kindergarten.
  KINDERGARTEN: [],
  COLLEGE: ["«студент – студент»", "«преподаватель – студент»", "«работодатель – студент»", "«студент – ученик»"],
  SUPPLEMENTARY: ["«обучающийся – обучающийся»", "«педагог – обучающийся»", "«работодатель – обучающийся»"],
};

export function organizationWords(schoolKind: SchoolKindValue | null, audience: Audience): OrganizationWords {
  const kind = schoolKind ?? "GENERAL";
  const forms = [...(audience !== "STUDENTS" ? TEACHER_FORMS[kind] : []), ...(audience !== "TEACHERS" ? STUDENT_FORMS[kind] : [])];
  return {
    staffGenitive: kind === "KINDERGARTEN" ? "педагогических работников (воспитателей и специалистов)" : kind === "COLLEGE" ? "педагогических работников (преподавателей и мастеров производственного обучения)" : "педагогических работников",
    learnersGenitive: kind === "KINDERGARTEN" ? "воспитанников" : kind === "COLLEGE" ? "студентов" : "обучающихся",
    organizationGenitive:
      kind === "KINDERGARTEN" ? "дошкольной образовательной организации" : kind === "COLLEGE" ? "профессиональной образовательной организации" : kind === "SUPPLEMENTARY" ? "организации дополнительного образования" : "образовательной организации",
    forms: forms.length > 0 ? forms : TEACHER_FORMS[kind],
  };
}

/** Whose mentoring a program is, for document titles: «педагогических работников», «обучающихся», both. */
export function mentoringOf(audience: Audience, words: OrganizationWords): string {
  if (audience === "TEACHERS") return "педагогических работников";
  if (audience === "STUDENTS") return words.learnersGenitive;
  return `педагогических работников и ${words.learnersGenitive}`;
}

/** «Директор» → «директора», «Заведующий» → «заведующего», «Заведующая» → «заведующей»: «приказом заведующего …». */
export function genitivePosition(position: string): string {
  const [first, ...rest] = position.trim().split(/\s+/);
  if (!first) return "руководителя";
  const word = first.toLowerCase();
  let genitive: string;
  if (/(ий|ый)$/.test(word)) genitive = `${word.slice(0, -2)}его`;
  else if (/ая$/.test(word)) genitive = `${word.slice(0, -2)}ей`;
  else if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) genitive = `${word}а`;
  else return `руководителя`;
  return [genitive, ...rest].join(" ");
}
