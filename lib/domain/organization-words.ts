import { RUSSIAN_TEXTS, russianIn } from "../i18n/russian";
import type { SchoolKindValue } from "./requisites";

// The right words for each kind of organization and program (issue #15 item 3; docs/domain.md): who the staff
// and the learners are, which forms of mentoring the Положение names, and which legal basis a document
// cites — the 2021 methodological recommendations for teachers' mentoring, Р-145 for students'. Pure; the words
// themselves are the catalog's (lib/i18n/russian/stage1-documents.json, organizationWords).

const say = russianIn("organizationWords");

export type Audience = "TEACHERS" | "STUDENTS" | "BOTH";

type Basis = "law273" | "teachers2021" | "r145";

/** An act's name, as a list names it (nominative) or after «В соответствии с» (instrumental). */
const basisText = (basis: Basis, form: "nominative" | "instrumental") => say(`basis.${basis}`, { form });

/** Распоряжение Минпросвещения России от 25.12.2019 № Р-145 — the methodology of students' mentoring. */
export const BASIS_R145 = basisText("r145", "nominative");

/** The 2021 recommendations of Минпросвещения and the trade union of education workers (letter АЗ-1128/08, seed 002). */
export const BASIS_TEACHERS_2021 = basisText("teachers2021", "nominative");

export const BASIS_LAW_273 = basisText("law273", "nominative");

/**
 * Whose mentoring a program's documents speak of: a kindergarten's program is its educators' (preschool
 * children are not mentees or mentors of the target model; Р-145 is written for pupils and students),
 * whatever the passport's participants say; elsewhere the passport's.
 */
export function effectiveAudience(schoolKind: SchoolKindValue | null, audience: Audience): Audience {
  return schoolKind === "KINDERGARTEN" ? "TEACHERS" : audience;
}

/** The acts a program's documents cite: the law, then what fits its participants. */
function basesOf(audience: Audience): Basis[] {
  const bases: Basis[] = ["law273"];
  if (audience === "TEACHERS" || audience === "BOTH") bases.push("teachers2021");
  if (audience === "STUDENTS" || audience === "BOTH") bases.push("r145");
  return bases;
}

/** The acts a program's documents cite, as a list names them: the law, then what fits its participants. */
export function legalBasis(audience: Audience): string[] {
  return basesOf(audience).map((basis) => basisText(basis, "nominative"));
}

/** «В соответствии с Федеральным законом …, методическими рекомендациями …, <purpose>» — the preamble of an order (the acts in the instrumental case). */
export function basisPreamble(audience: Audience, purpose: string): string {
  return say("basisPreamble", { basis: basesOf(audience).map((basis) => basisText(basis, "instrumental")).join(", "), purpose });
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

type FormList = "teacherForms" | "studentForms";

/**
 * The forms of mentoring the Положение names for a kind (organizationWords.teacherForms / studentForms in the
 * catalog, numbered in the order they are printed). Preschool children are mentored through their educators
 * (docs/domain.md): a kindergarten has no pupil forms.
 */
function formsOf(list: FormList, kind: SchoolKindValue): string[] {
  const keys = Object.keys(RUSSIAN_TEXTS.organizationWords[list][kind]);
  return keys.map((key) => say(`${list}.${kind}.${key}` as `${FormList}.GENERAL.1`));
}

export function organizationWords(schoolKind: SchoolKindValue | null, audience: Audience): OrganizationWords {
  const kind = schoolKind ?? "GENERAL";
  const forms = [...(audience !== "STUDENTS" ? formsOf("teacherForms", kind) : []), ...(audience !== "TEACHERS" ? formsOf("studentForms", kind) : [])];
  return {
    staffGenitive: say("staffGenitive", { kind }),
    learnersGenitive: say("learnersGenitive", { kind }),
    organizationGenitive: say("organizationGenitive", { kind }),
    forms: forms.length > 0 ? forms : formsOf("teacherForms", kind),
  };
}

/** Whose mentoring a program is, for document titles: «педагогических работников», «обучающихся», both. */
export function mentoringOf(audience: Audience, words: OrganizationWords): string {
  return say("mentoringOf", { audience, learners: words.learnersGenitive });
}

/** «Директор» → «директора», «Заведующий» → «заведующего», «Заведующая» → «заведующей»: «приказом заведующего …». */
export function genitivePosition(position: string): string {
  const [first, ...rest] = position.trim().split(/\s+/);
  if (!first) return say("positionGenitive.unknown");
  const word = first.toLowerCase();
  let genitive: string;
  if (/(ий|ый)$/.test(word)) genitive = say("positionGenitive.adjectiveMasculine", { stem: word.slice(0, -2) });
  else if (/ая$/.test(word)) genitive = say("positionGenitive.adjectiveFeminine", { stem: word.slice(0, -2) });
  else if (/[бвгджзклмнпрстфхцчшщ]$/.test(word)) genitive = say("positionGenitive.consonantNoun", { word });
  else return say("positionGenitive.unknown");
  return [genitive, ...rest].join(" ");
}
