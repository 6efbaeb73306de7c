import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ProgramEditor } from "@/components/pairs/program-editor";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { toLocale } from "@/lib/i18n/config";
import { getPairProgram } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("personalProgram");
  return { title: t("title") };
}

export default async function PairProgramPage({ params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await getPairProgram(ctx, pairId);
  // A cross-school pair's program has its page under /cross-pairs (decision 062).
  if (!data || data.cross) notFound();
  return <ProgramEditor org={org} data={data} base={`/${org}/pairs/${pairId}`} meetingsHref={`/${org}/pairs/${pairId}/meetings`} today={organizationToday(ctx)} locale={toLocale(await getLocale())} />;
}
