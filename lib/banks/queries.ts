import "server-only";
import { hasPermission } from "../auth/permissions";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { bankRefusal } from "../domain/banks";
import { CONSENT_SELECT } from "../people/select";
import { loadDistrictMentors } from "./district";

const NAME = { lastName: true, firstName: true, middleName: true } as const;

/** Category, difficulties and requests are sensitive: shown to the curator and the psychologist only. */
export function seesSensitive(ctx: TenantContext): boolean {
  return hasPermission(ctx.roles, "banks.sensitive");
}

/** The head's approval as a filter of the bank (decision 025): approved, awaiting approval, or everyone. */
export type MenteeApprovalFilter = "all" | "approved" | "awaiting";

export async function listMentees(ctx: TenantContext, approval: MenteeApprovalFilter = "all") {
  const sensitive = seesSensitive(ctx);
  const rows = await readTenant(ctx, (tx) =>
    tx.menteeProfile.findMany({
      where: {
        organizationId: ctx.organization.id,
        ...(approval === "approved" ? { approvedAt: { not: null } } : approval === "awaiting" ? { approvedAt: null, status: { not: "LEFT" } } : {}),
      },
      select: {
        id: true, status: true, source: true, leftReason: true, createdAt: true, category: true, difficulties: true, request: true, approvedAt: true,
        person: { select: { id: true, kind: true, grade: true, position: true, minor: true, active: true, ...NAME } },
      },
      orderBy: [{ status: "asc" }, { person: { lastName: "asc" } }],
    }),
  );
  return {
    sensitive,
    // Stripped here, not in the page: what is not selected for the page cannot leak into it.
    rows: rows.map(({ category, difficulties, request, ...r }) => (sensitive ? { ...r, category, difficulties, request } : { ...r, category: null, difficulties: [], request: null })),
  };
}

export async function getMentee(ctx: TenantContext, menteeId: string) {
  const sensitive = seesSensitive(ctx);
  const row = await readTenant(ctx, (tx) =>
    tx.menteeProfile.findFirst({
      where: { id: menteeId, organizationId: ctx.organization.id },
      select: {
        id: true, status: true, source: true, leftReason: true, createdAt: true, updatedAt: true, category: true, difficulties: true, request: true, fromRecipientId: true,
        approvedAt: true, approvedBy: { select: { name: true } },
        addedBy: { select: { name: true } },
        person: { select: { id: true, kind: true, grade: true, position: true, minor: true, active: true, ...NAME } },
      },
    }),
  );
  if (!row) return null;
  const { category, difficulties, request, ...rest } = row;
  return sensitive ? { ...rest, sensitive, category, difficulties, request } : { ...rest, sensitive, category: null, difficulties: [] as string[], request: null };
}

export async function listMentors(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.mentorProfile.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        id: true, status: true, competencies: true, capacity: true, achievements: true, districtVisibleSince: true, leftReason: true, approvedAt: true,
        person: { select: { id: true, kind: true, position: true, subjects: true, experienceYears: true, externalOrganization: true, grade: true, active: true, ...NAME } },
        _count: { select: { trainings: true } },
      },
      orderBy: [{ status: "asc" }, { person: { lastName: "asc" } }],
    }),
  );
}

export async function getMentor(ctx: TenantContext, mentorId: string) {
  return readTenant(ctx, (tx) =>
    tx.mentorProfile.findFirst({
      where: { id: mentorId, organizationId: ctx.organization.id },
      select: {
        id: true, status: true, competencies: true, capacity: true, achievements: true, districtVisibleSince: true, leftReason: true, approvedAt: true, createdAt: true,
        dutiesConsentAt: true, dutiesConsentFileName: true,
        approvedBy: { select: { name: true } },
        addedBy: { select: { name: true } },
        person: { select: { id: true, kind: true, position: true, subjects: true, experienceYears: true, qualificationCategory: true, externalOrganization: true, grade: true, active: true, ...NAME } },
        trainings: { select: { id: true, kind: true, title: true, finishedOn: true, hours: true, document: true }, orderBy: { finishedOn: "desc" } },
      },
    }),
  );
}

/**
 * People who could be added to a bank: not in it (or left it), each with the reason they may not be
 * added today (no valid bank consent, out of active work) so the form can say so instead of failing.
 */
export async function bankCandidates(ctx: TenantContext, bank: "mentee" | "mentor", at = organizationToday(ctx)) {
  const organizationId = ctx.organization.id;
  const people = await readTenant(ctx, (tx) =>
    tx.person.findMany({
      where: {
        organizationId,
        ...(bank === "mentee"
          ? { OR: [{ menteeProfile: null }, { menteeProfile: { status: "LEFT" } }] }
          : { OR: [{ mentorProfile: null }, { mentorProfile: { status: "LEFT" } }] }),
      },
      select: { id: true, kind: true, birthDate: true, minor: true, active: true, position: true, grade: true, ...NAME, consents: { select: CONSENT_SELECT } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  );
  return people.map(({ consents, birthDate, minor, active, ...p }) => ({
    ...p,
    refusal: bankRefusal({ birthDate, flaggedMinor: minor, active, kind: p.kind }, consents, at),
  }));
}

/** Open-mentoring mentors of the office's schools (district_open_mentors), as of the office's today. */
export function listDistrictMentors(ctx: TenantContext) {
  return readTenant(ctx, (tx) => loadDistrictMentors(tx, ctx.organization.id, organizationToday(ctx)));
}
