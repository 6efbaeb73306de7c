import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateCampaignForm } from "@/components/campaigns/create-campaign-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listOfficeCampaigns } from "@/lib/campaigns/queries";
import { SHIPPED_FORMS } from "@/lib/domain/monitoring-forms";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

// The office's monitoring campaigns (issue #16 item 3, decision 048): each with its period and «submitted /
// confirmed N из M», and the form that starts a new one from a shipped form.
export default async function DistrictCampaignsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "campaigns.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const campaigns = await readPage(ctx, listOfficeCampaigns);
  const t = await getTranslations("campaigns");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="campaigns">
        {campaigns.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <Table caption={t("caption")} head={[t("colTitle"), t("colWindow"), t("colSubmitted"), t("colConfirmed"), t("colState")]}>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link href={`/${org}/district/campaigns/${c.id}`} className="text-brand-700 underline">
                    {c.title}
                  </Link>
                </Td>
                <Td>{t("window", { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}</Td>
                <Td>{t("of", { n: c.submitted, total: c.schools })}</Td>
                <Td>{t("of", { n: c.confirmed, total: c.schools })}</Td>
                <Td>{c.closedAt ? t("closed", { date: formatDate(c.closedAt) }) : t("open")}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={t("createTitle")} id="create">
        <CreateCampaignForm org={org} forms={SHIPPED_FORMS.map((f) => ({ key: f.key, title: t(`shippedForms.${f.key}`) }))} />
      </Section>
    </>
  );
}
