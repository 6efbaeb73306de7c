import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { academicYearOf } from "../domain/academic-year";
import { isoDate } from "../domain/local-date";
import { getDistrictDashboard } from "../monitoring/queries";
import type { z } from "zod";
import { FiguresResponse, type OrganizationRef, PairsResponse, ProgramsResponse, SchoolsResponse } from "./contract";

// The API's reads (decision 045), each in the token's tenant context (readTenant: RLS applies). Figures come
// from lib/monitoring's readers (the district_school_figures() door, aggregates only); the rest select ids,
// counts and codes — no person's name.

type Ref = z.infer<typeof OrganizationRef>;
const refOf = (ctx: TenantContext): Ref => ({ id: ctx.organization.id, slug: ctx.organization.slug, name: ctx.organization.name, kind: ctx.organization.kind });
const day = (d: Date | null) => (d ? isoDate(d) : null);

/** The settings page's list of the organization's tokens (never the hash). */
export function listApiTokens(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.apiToken.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    }),
  );
}

/** The academic year of the query, or the organization's current one. */
export function apiYear(ctx: TenantContext, year: string | undefined): number {
  return year ? Number(year) : academicYearOf(organizationToday(ctx));
}

/**
 * Figures of the token's organization for a year: an office's schools and their totals, a school its own row.
 * `schoolId`: one school of the office's tree (null when it is not one of them).
 */
export async function apiFigures(ctx: TenantContext, year: number, schoolId?: string): Promise<z.infer<typeof FiguresResponse> | null> {
  const dashboard = await getDistrictDashboard(ctx, year);
  const office = ctx.organization.kind !== "SCHOOL";
  const schools = schoolId ? dashboard.schools.filter((s) => s.schoolId === schoolId) : dashboard.schools;
  if (schoolId && schools.length === 0) return null;
  return FiguresResponse.parse({ organization: refOf(ctx), year, asOf: isoDate(dashboard.today), schools, summary: office && !schoolId ? dashboard.summary : null });
}

/** The schools of an office's tree (a school: itself), from the same figures. */
export async function apiSchools(ctx: TenantContext, year: number): Promise<z.infer<typeof SchoolsResponse>> {
  const dashboard = await getDistrictDashboard(ctx, year);
  return SchoolsResponse.parse({
    organization: refOf(ctx),
    schools: dashboard.schools.map((s) => ({ id: s.schoolId, name: s.name, shortName: s.shortName, schoolKind: s.schoolKind, municipalityId: s.municipalityId, municipalityName: s.municipalityName })),
  });
}

export async function apiPrograms(ctx: TenantContext): Promise<z.infer<typeof ProgramsResponse>> {
  const programs = await readTenant(ctx, (tx) =>
    tx.mentoringProgram.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, academicYear: true, title: true, audience: true, stage: true, status: true, startDate: true, endDate: true },
      orderBy: { academicYear: "desc" },
    }),
  );
  return { organization: refOf(ctx), programs: programs.map((p) => ({ ...p, startDate: day(p.startDate), endDate: day(p.endDate) })) };
}

/** The pairs of a program (the latest when none is named); null when the program is not the organization's. */
export async function apiPairs(ctx: TenantContext, programId: string | undefined): Promise<z.infer<typeof PairsResponse> | null> {
  const program = await readTenant(ctx, (tx) =>
    tx.mentoringProgram.findFirst({
      where: { organizationId: ctx.organization.id, ...(programId ? { id: programId } : {}) },
      orderBy: { academicYear: "desc" },
      select: {
        id: true,
        academicYear: true,
        pairs: {
          select: { id: true, status: true, form: true, type: true, startsOn: true, endsOn: true, mentorId: true, mentees: { select: { menteeId: true } } },
          orderBy: { createdAt: "asc" },
        },
      },
    }),
  );
  if (!program && programId) return null;
  return {
    organization: refOf(ctx),
    program: program ? { id: program.id, academicYear: program.academicYear } : null,
    pairs: (program?.pairs ?? []).map(({ mentees, startsOn, endsOn, ...p }) => ({ ...p, startsOn: day(startsOn), endsOn: day(endsOn), menteeIds: mentees.map((m) => m.menteeId) })),
  };
}
