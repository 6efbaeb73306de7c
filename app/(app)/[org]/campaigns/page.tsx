import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { listSchoolCampaigns } from "@/lib/campaigns/queries";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("schoolTitle") };
}

// The monitoring campaigns of the offices above the school (issue #16 item 3, decision 048), with the
// school's own state of each.
export default async function SchoolCampaignsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "campaigns.answer");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const campaigns = await readPage(ctx, listSchoolCampaigns);
  const t = await getTranslations("campaigns");
  return (
    <>
      <PageHeader title={t("schoolTitle")}>
        <p>{t("schoolIntro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="campaigns">
        {campaigns.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <Table caption={t("schoolCaption")} head={[t("colTitle"), t("colFrom"), t("colWindow"), t("colStatus")]}>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <Td>
                  <Link href={`/${org}/campaigns/${c.id}`} className="text-brand-700 underline">
                    {c.title}
                  </Link>
                </Td>
                <Td>{c.from}</Td>
                <Td>{t("window", { from: formatDate(c.opensOn), to: formatDate(c.closesOn) })}</Td>
                <Td>{c.closedAt ? t("closed", { date: formatDate(c.closedAt) }) : t(`status.${c.status}`)}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
