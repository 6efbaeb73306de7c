import type { ActKind } from "./stages";
import type { OrganizationRequisites } from "./organization-profile";
import type { MissingField } from "./regulation-template";

// The stage-1 pack (issue #15 item 1): the order «О внедрении целевой модели наставничества», the
// Положение and the order appointing the curator. Pure rules: what the introduction order covers, and
// which requisites a pack cannot be printed without.

/** The three documents of the pack, in the order they are issued. */
export const PACK_KINDS = ["MODEL_INTRODUCTION", "REGULATION", "CURATOR_APPOINTMENT"] as const;
export type PackKind = (typeof PACK_KINDS)[number];

/** The document route's name of each act (/[org]/program/documents/<name>). */
export const PACK_DOCUMENTS: Record<PackKind, string> = {
  MODEL_INTRODUCTION: "introduction-order",
  REGULATION: "regulation",
  CURATOR_APPOINTMENT: "curator-order",
};

/**
 * The introduction order approves the Положение and the roadmap and appoints the curator: once the head
 * approves it, the stage-1 gate and the district figures count those three as approved too.
 */
export const INTRODUCTION_COVERS: ActKind[] = ["REGULATION", "ROADMAP_APPROVAL", "CURATOR_APPOINTMENT"];

export function coveredActKinds(approved: readonly ActKind[]): ActKind[] {
  const kinds = new Set(approved);
  if (kinds.has("MODEL_INTRODUCTION")) for (const k of INTRODUCTION_COVERS) kinds.add(k);
  return [...kinds];
}

/**
 * What the pack cannot be printed without — listed for the head to fill instead of a blank: the head's
 * full name and the place of compilation (profile), the curator (program passport).
 */
export function missingForPack(org: Pick<OrganizationRequisites, "name" | "headName" | "place">, program: { curatorName: string | null }): MissingField[] {
  const missing: MissingField[] = [];
  if (!org.name.trim()) missing.push({ field: "name", where: "profile" });
  if (!org.headName?.trim()) missing.push({ field: "headName", where: "profile" });
  if (!org.place?.trim()) missing.push({ field: "place", where: "profile" });
  if (!program.curatorName?.trim()) missing.push({ field: "curator", where: "passport" });
  return missing;
}

/** The missing fields of several checks, once each, in order. */
export function mergeMissing(...lists: MissingField[][]): MissingField[] {
  const seen = new Map<string, MissingField>();
  for (const list of lists) for (const m of list) if (!seen.has(m.field)) seen.set(m.field, m);
  return [...seen.values()];
}

/**
 * The agreement chain's councils; the documents name them («СОГЛАСОВАНО … протокол от … № …») in the catalog's
 * words (stage1Documents.councils) — not here: this module reaches the browser (lib/domain/stages.ts).
 */
export type Council = "PEDAGOGICAL_COUNCIL" | "PARENTS_COUNCIL" | "GENERAL_MEETING";

/**
 * «ФИО руководителя — профиль организации»: a refusal's lines, in the words of `say` (a translator of the
 * `stage1` namespace: the field's label as the profile and the passport call it, and where it is filled).
 */
export function missingLines(missing: MissingField[], say: (key: string) => string): string[] {
  return missing.map((m) => `${say(`fields.${m.field}`)} — ${say(m.where === "profile" ? "whereProfile" : "wherePassport")}`);
}

export function isPackKind(kind: string): kind is PackKind {
  return (PACK_KINDS as readonly string[]).includes(kind);
}
