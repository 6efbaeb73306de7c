import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CrossPlanReadOnly } from "@/components/cross-pairs/plan-read-only";
import { ProgramEditor } from "@/components/pairs/program-editor";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { crossPairPlan, crossSchedule } from "@/lib/cross-pairs/program";
import { crossPairPage } from "@/lib/cross-pairs/queries";
import { toLocale } from "@/lib/i18n/config";
import { getPairProgram } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("personalProgram");
  return { title: t("title") };
}

// The personalized program of a cross-school pair (decision 062). The mentee's school, its owner, gets the school
// pair's editor, approval and document; the mentor's school (its staff and the mentor) reads the plan without the
// mentee's difficulties. 404 to anyone else.
export default async function CrossPairProgramPage({ params }: { params: Promise<{ org: string; crossPairId: string }> }) {
  const { org, crossPairId } = await params;
  const ctx = await requireTenant(org, "crossPairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const found = await crossPairPage(ctx, crossPairId);
  if (!found) notFound();
  const locale = toLocale(await getLocale());
  const today = organizationToday(ctx);
  const base = `/${org}/cross-pairs/${found.pair.id}`;
  if (found.pair.side === "mentee") {
    const data = await getPairProgram(ctx, found.pair.id);
    if (!data) notFound();
    // The pair's meetings are CrossSchoolMeeting rows: the schedule's states come from them (lib/cross-pairs/program.ts).
    const schedule = data.program ? crossSchedule(data.program.plannedMeetings, found.meetings, today) : data.schedule;
    return <ProgramEditor org={org} data={{ ...data, schedule }} base={base} meetingsHref={`${base}#meetings`} today={today} locale={locale} />;
  }
  const plan = await crossPairPlan(ctx, found.pair.id);
  return <CrossPlanReadOnly pair={found.pair} plan={plan} schedule={plan ? crossSchedule(plan.plannedMeetings, found.meetings, today) : null} base={base} locale={locale} />;
}
