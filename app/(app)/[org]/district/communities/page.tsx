import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CommunityForm } from "@/components/communities/community-form";
import { CommunityList } from "@/components/communities/community-list";
import { CouncilFigures } from "@/components/communities/council-figures";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { getCouncilFigures, listCommunities } from "@/lib/communities/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("communities");
  return { title: t("title") };
}

// The municipal office's communities (issue #17 item 2, decision 059): the list, the council of mentors in figures
// (per school this quarter, meetings per quarter) and, for the methodist, the form of a new community.
export default async function DistrictCommunitiesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "communities.view");
  if (ctx.organization.kind !== "MUNICIPALITY") notFound();
  const today = organizationToday(ctx);
  const [communities, figures] = await readPage(ctx, (read) => Promise.all([listCommunities(read, today), getCouncilFigures(read, today)]));
  const t = await getTranslations("communities");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="communities">
        <CommunityList org={org} rows={communities} />
      </Section>
      <CouncilFigures figures={figures} />
      {hasPermission(ctx.roles, "communities.manage") ? (
        <Section title={t("createTitle")} id="create">
          <CommunityForm org={org} />
        </Section>
      ) : null}
    </>
  );
}
