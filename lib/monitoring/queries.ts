import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { loadDistrictDashboard, type DistrictDashboard } from "./district";
import { loadSchoolFigures, type SchoolFigures } from "./school";

/** A school's monitoring figures for one of its programs, as of the school's today; null if not its program. */
export function getSchoolFigures(ctx: TenantContext, programId: string): Promise<SchoolFigures | null> {
  return readTenant(ctx, (tx) => loadSchoolFigures(tx, ctx.organization.id, programId, organizationToday(ctx)));
}

/** The office's district (region) dashboard for an academic year, as of the office's today. */
export function getDistrictDashboard(ctx: TenantContext, year: number): Promise<DistrictDashboard> {
  return readTenant(ctx, (tx) => loadDistrictDashboard(tx, ctx.organization.id, year, organizationToday(ctx)));
}
