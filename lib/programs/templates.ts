// Ready roadmaps built from the seed documents (docs/domain.md «Sources»): the standard seven-stage school roadmap
// (after seeds 004 and 001) and the municipal one (seed 002, Приложение 2). Due periods are written as
// schools write them and laid onto the chosen academic year, September → June. The Russian content is starter
// data (lib/i18n/russian/data/program-roadmaps.json): copied into a program, it is then the school's own text.
import roadmaps from "../i18n/russian/data/program-roadmaps.json";

export type TemplateActivity = { title: string; due: string; responsible: string; result?: string; forSchools?: boolean };
export type TemplateStage = { stage: number; activities: TemplateActivity[] };
export type ProgramTemplateId = "school" | "municipal" | "empty";

export const SCHOOL_ROADMAP: TemplateStage[] = roadmaps.school;

// Seed 002, Приложение 2. Items of «Организация работы в ОО» are deadlines the district sets for its
// schools (forSchools): they appear on every school's roadmap of the district.
export const MUNICIPAL_ROADMAP: TemplateStage[] = roadmaps.municipal;

export type TemplateIndicator = { kind: "STUDENT_MENTEES_SHARE" | "STUDENT_MENTORS_SHARE" | "YOUNG_SPECIALISTS_SHARE" | "PARTNER_MENTORS_SHARE" | "MENTEE_SATISFACTION" | "MENTOR_SATISFACTION"; title: string; targets: number[] };

// Seed 001's passport: targets for four consecutive academic years, in this order.
const PASSPORT_KINDS: TemplateIndicator["kind"][] = ["STUDENT_MENTEES_SHARE", "STUDENT_MENTORS_SHARE", "YOUNG_SPECIALISTS_SHARE", "PARTNER_MENTORS_SHARE", "MENTEE_SATISFACTION", "MENTOR_SATISFACTION"];
const PASSPORT_BY_KIND: Record<TemplateIndicator["kind"], { title: string; targets: number[] }> = roadmaps.passportIndicators;
export const PASSPORT_INDICATORS: TemplateIndicator[] = PASSPORT_KINDS.map((kind) => ({ kind, title: PASSPORT_BY_KIND[kind].title, targets: PASSPORT_BY_KIND[kind].targets }));

export function templateFor(id: ProgramTemplateId): TemplateStage[] {
  return id === "school" ? SCHOOL_ROADMAP : id === "municipal" ? MUNICIPAL_ROADMAP : [];
}
