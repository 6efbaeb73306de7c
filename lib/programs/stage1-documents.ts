import "server-only";
import type { Tx } from "../db";
import type { AgreementStep, OrderDocument, RegulationDocument } from "../documents/types";
import { formatAcademicYear } from "../domain/academic-year";
import { initialsAndSurname } from "../domain/names";
import { documentAuthor, headSignatory, type OrganizationRequisites } from "../domain/organization-profile";
import { basisPreamble, effectiveAudience, genitivePosition, legalBasis, mentoringOf, organizationWords, type Audience } from "../domain/organization-words";
import { DEFAULT_REGULATION, fillTemplate, isHeading, type MissingField, type TemplateValues } from "../domain/regulation-template";
import { mergeMissing, missingForPack, PACK_KINDS, type Council, type PackKind } from "../domain/stage1-pack";
import { loadRequisites } from "../organization/requisites";
import { formatCalendarDate } from "../format";
import { russianIn } from "../i18n/russian";

// The stage-1 pack (issue #15 item 1) assembled from the program, its local acts and the organization's
// profile: the order «О внедрении целевой модели наставничества», the Положение from the school's edited
// template, the order appointing the curator. A pack with a missing requisite is not assembled: the
// caller gets the fields to fill (profile or passport) instead of a document with blanks. The documents' words are
// the catalog's (lib/i18n/russian/stage1-documents.json, stage1Documents).

const say = russianIn("stage1Documents");

const ACT_SELECT = {
  id: true,
  kind: true,
  number: true,
  date: true,
  title: true,
  status: true,
  approvedAt: true,
  fileName: true,
  fileSize: true,
  agreedBy: true,
  agreedProtocol: true,
  agreedDate: true,
  adoptedBy: true,
  adoptedProtocol: true,
  adoptedDate: true,
} as const;

export type PackAct = {
  id: string;
  kind: string;
  number: string | null;
  date: Date | null;
  title: string;
  status: "REGISTERED" | "APPROVED";
  approvedAt: Date | null;
  fileName: string | null;
  fileSize: number | null;
  agreedBy: Council | null;
  agreedProtocol: string | null;
  agreedDate: Date | null;
  adoptedBy: Council | null;
  adoptedProtocol: string | null;
  adoptedDate: Date | null;
};

export type PackData = {
  program: { id: string; academicYear: number; audience: Audience; status: string; regulationText: string | null; workingGroup: string | null; curatorName: string | null; coordinatorName: string | null };
  requisites: OrganizationRequisites;
  /** The newest act of each kind of the pack for the program (an approved one before a registered one). */
  acts: Record<PackKind, PackAct | null>;
};

/** The program of the year with its pack's acts and the organization's requisites, on the caller's transaction. */
export async function loadPackData(tx: Tx, organizationId: string, where: { academicYear: number } | { programId: string }): Promise<PackData | null> {
  const program = await tx.mentoringProgram.findFirst({
    where: { organizationId, ...("programId" in where ? { id: where.programId } : { academicYear: where.academicYear }) },
    select: { id: true, academicYear: true, audience: true, status: true, regulationText: true, workingGroup: true, curator: { select: { name: true } }, coordinator: { select: { name: true } } },
  });
  if (!program) return null;
  const [requisites, acts] = await Promise.all([
    loadRequisites(tx, organizationId),
    tx.localAct.findMany({
      where: { organizationId, programId: program.id, kind: { in: [...PACK_KINDS] } },
      select: ACT_SELECT,
      orderBy: [{ status: "asc" }, { createdAt: "desc" }],
    }),
  ]);
  const byKind = Object.fromEntries(PACK_KINDS.map((k) => [k, (acts.find((a) => a.kind === k) as PackAct | undefined) ?? null])) as Record<PackKind, PackAct | null>;
  return {
    program: {
      id: program.id,
      academicYear: program.academicYear,
      // A kindergarten's program is its educators' (lib/domain/organization-words.ts).
      audience: effectiveAudience(requisites.schoolKind, program.audience),
      status: program.status,
      regulationText: program.regulationText,
      workingGroup: program.workingGroup,
      curatorName: program.curator?.name ?? null,
      coordinatorName: program.coordinator?.name ?? null,
    },
    requisites,
    acts: byKind,
  };
}

const shortNameOf = (r: OrganizationRequisites) => r.shortName?.trim() || r.name;

/** The values of the Положение's placeholders. */
export function regulationValues(data: PackData): TemplateValues {
  const r = data.requisites;
  const words = organizationWords(r.schoolKind, data.program.audience);
  const head = headSignatory(r);
  return {
    name: r.name,
    shortName: shortNameOf(r),
    place: r.place,
    address: r.address,
    headPosition: head.position.toLowerCase(),
    headName: r.headName?.trim() ? head.initialsAndSurname : null,
    curator: data.program.curatorName ? initialsAndSurname(data.program.curatorName) : null,
    academicYear: formatAcademicYear(data.program.academicYear),
    mentoringOf: mentoringOf(data.program.audience, words),
    organizationGenitive: words.organizationGenitive,
    forms: words.forms.join(", "),
    basis: legalBasis(data.program.audience).join("; "),
  };
}

/** The school's text of the Положение, or the default template. */
export const regulationTextOf = (data: PackData) => data.program.regulationText ?? DEFAULT_REGULATION;

/** What the pack cannot be printed without: the profile's and the passport's fields, the template's placeholders. */
export function packMissing(data: PackData): MissingField[] {
  const filled = fillTemplate(regulationTextOf(data), regulationValues(data));
  return mergeMissing(missingForPack(data.requisites, { curatorName: data.program.curatorName }), filled.ok ? [] : filled.missing);
}

const workingGroupOf = (data: PackData) =>
  (data.program.workingGroup ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

const step = (council: Council | null, protocol: string | null, date: Date | null, form: "agreed" | "adopted"): AgreementStep | null =>
  council ? { body: say(`councils.${form}.${council}`), protocol, date } : null;

const regulationTitle = (data: PackData) => say("regulationTitle", { organization: shortNameOf(data.requisites) });

function introductionOrder(data: PackData): OrderDocument {
  const r = data.requisites;
  const short = shortNameOf(r);
  const year = formatAcademicYear(data.program.academicYear);
  const whose = mentoringOf(data.program.audience, organizationWords(r.schoolKind, data.program.audience));
  const curator = initialsAndSurname(data.program.curatorName ?? "");
  const act = data.acts.MODEL_INTRODUCTION;
  const regulation = data.acts.REGULATION;
  const adopted = regulation ? step(regulation.adoptedBy, regulation.adoptedProtocol, regulation.adoptedDate, "adopted") : null;
  const agreed = regulation ? step(regulation.agreedBy, regulation.agreedProtocol, regulation.agreedDate, "agreed") : null;
  const chain = [
    adopted ? say("chainAdopted", { body: adopted.body, date: fmt(adopted.date), protocol: adopted.protocol ?? "____" }) : null,
    agreed ? say("chainAgreed", { body: agreed.body, date: fmt(agreed.date), protocol: agreed.protocol ?? "____" }) : null,
  ].filter(Boolean);
  const group = workingGroupOf(data);
  const items = [
    say("introduction.introduce", { whose, organization: short, year }),
    say("introduction.approveRegulation", { organization: short, chain: chain.length ? `, ${chain.join(", ")}` : "" }),
    say("introduction.approveRoadmap", { organization: short, year }),
    say("introduction.appointCurator", { curator }),
    ...(group.length ? [say("introduction.workingGroup", { members: group.join(", ") })] : []),
    say("introduction.curatorDuties", { curator, organization: short }),
    say("closingItem"),
  ];
  return {
    ...documentAuthor(r),
    number: act?.number ?? null,
    date: act?.date ?? null,
    title: say("introduction.title", { organization: short }),
    preamble: basisPreamble(data.program.audience, say("introduction.purpose", { whose })),
    items,
    signatory: headSignatory(r),
    attachment: say("introduction.attachment", { organization: short, year }),
    executor: data.program.curatorName ? { name: data.program.curatorName } : null,
    acquainted: [data.program.curatorName, data.program.coordinatorName, ...group].filter((n, i, all): n is string => Boolean(n) && all.indexOf(n) === i),
  };
}

const fmt = (d: Date | null) => (d ? formatCalendarDate(d) : "__.__.20__");

function curatorOrder(data: PackData): OrderDocument {
  const r = data.requisites;
  const short = shortNameOf(r);
  const year = formatAcademicYear(data.program.academicYear);
  const curator = initialsAndSurname(data.program.curatorName ?? "");
  const act = data.acts.CURATOR_APPOINTMENT;
  return {
    ...documentAuthor(r),
    number: act?.number ?? null,
    date: act?.date ?? null,
    title: say("curatorOrder.title"),
    preamble: basisPreamble(data.program.audience, say("curatorOrder.purpose", { organization: short, year })),
    items: [say("curatorOrder.appoint", { organization: short, year, curator }), say("curatorOrder.duties", { curator }), say("closingItem")],
    signatory: headSignatory(r),
    executor: data.program.curatorName ? { name: data.program.curatorName } : null,
    acquainted: data.program.curatorName ? [data.program.curatorName] : [],
  };
}

function regulation(data: PackData, text: string): RegulationDocument {
  const r = data.requisites;
  const act = data.acts.REGULATION;
  // Approved by the introduction order: its number and date stand under «УТВЕРЖДЕНО».
  const order = data.acts.MODEL_INTRODUCTION ?? act;
  return {
    ...documentAuthor(r),
    chain: {
      agreed: act ? step(act.agreedBy, act.agreedProtocol, act.agreedDate, "agreed") : null,
      adopted: act ? step(act.adoptedBy, act.adoptedProtocol, act.adoptedDate, "adopted") : null,
      approved: { by: say("approvedByOrder", { position: genitivePosition(headSignatory(r).position), organization: shortNameOf(r) }), number: order?.number ?? null, date: order?.date ?? null },
    },
    kind: say("regulationKind"),
    title: regulationTitle(data),
    paragraphs: text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => ({ text: line, heading: isHeading(line) })),
    executor: data.program.curatorName ? { name: data.program.curatorName } : null,
  };
}

export type PackDocument =
  | { ok: true; kind: "order"; doc: OrderDocument; fileName: string }
  | { ok: true; kind: "regulation"; doc: RegulationDocument; fileName: string }
  | { ok: false; missing: MissingField[] };

/** One document of the pack, or the fields to fill before it can be printed. */
export function buildPackDocument(data: PackData, kind: PackKind): PackDocument {
  const missing = packMissing(data);
  if (missing.length > 0) return { ok: false, missing };
  const years = `${data.program.academicYear}-${data.program.academicYear + 1}`;
  if (kind === "MODEL_INTRODUCTION") return { ok: true, kind: "order", doc: introductionOrder(data), fileName: say("introduction.fileName", { years }) };
  if (kind === "CURATOR_APPOINTMENT") return { ok: true, kind: "order", doc: curatorOrder(data), fileName: say("curatorOrder.fileName", { years }) };
  const filled = fillTemplate(regulationTextOf(data), regulationValues(data));
  if (!filled.ok) return { ok: false, missing: filled.missing };
  return { ok: true, kind: "regulation", doc: regulation(data, filled.text), fileName: say("regulationFileName", { years }) };
}

/** The title each act of the pack is registered under. */
export function packActTitle(data: PackData, kind: PackKind): string {
  const short = shortNameOf(data.requisites);
  if (kind === "MODEL_INTRODUCTION") return say("introduction.title", { organization: short });
  if (kind === "REGULATION") return say("registeredRegulationTitle", { title: regulationTitle(data) });
  return say("curatorOrder.title");
}
