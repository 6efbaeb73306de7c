import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { now } from "../clock";
import { withReplicaDb, type Freshness, type Tx } from "../db";
import type { DistrictSummary } from "../domain/monitoring";
import { loadDistrictDashboard, loadDistrictSummary, type DistrictDashboard } from "./district";
import { finishedYearSummary } from "./finished-years";
import { loadSchoolFigures, type SchoolFigures } from "./school";


/** A school's monitoring figures for one of its programs, as of the school's today; null if not its program. */
export function getSchoolFigures(ctx: TenantContext, programId: string): Promise<SchoolFigures | null> {
  return readTenant(ctx, (tx) => loadSchoolFigures(tx, ctx.organization.id, programId, organizationToday(ctx)));
}

/**
 * The office's district (region) dashboard for an academic year, as of the office's today — read on the replica
 * when one is configured (DATABASE_REPLICA_URL, else the primary), with how fresh the figures are. Inside a page's
 * transaction (ctx.tx) it reads there, live.
 */
export async function getDistrictDashboard(ctx: TenantContext, year: number, options: { trends?: boolean } = {}): Promise<DistrictDashboard & { freshness: Freshness }> {
  const load = (tx: Tx) => loadDistrictDashboard(tx, ctx.organization.id, year, organizationToday(ctx), options);
  if (ctx.tx) return { ...(await load(ctx.tx)), freshness: { source: "primary", asOf: now() } };
  const { value, freshness } = await withReplicaDb({ organizationId: ctx.organization.id, userId: ctx.user.id }, load);
  return { ...value, freshness };
}

/**
 * A school's indicators of the academic year and of the year before (issue #16 item 4): its own figures through
 * district_school_figures() — the numbers its office sees — summarized; a finished year's summary is kept
 * (./finished-years.ts).
 */
export function getSchoolTrends(ctx: TenantContext, year: number): Promise<{ current: DistrictSummary; previous: DistrictSummary }> {
  const today = organizationToday(ctx);
  const orgId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [current, previous] = await Promise.all([loadDistrictSummary(tx, orgId, year, today), finishedYearSummary(orgId, year - 1, today, () => loadDistrictSummary(tx, orgId, year - 1, today))]);
    return { current, previous };
  });
}

