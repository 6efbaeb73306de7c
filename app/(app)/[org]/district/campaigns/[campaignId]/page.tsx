import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddIndicatorForm } from "@/components/campaigns/add-indicator-form";
import { CampaignFormLines } from "@/components/campaigns/campaign-form-lines";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { closeCampaign } from "@/lib/campaigns/office-actions";
import { getOfficeCampaign } from "@/lib/campaigns/queries";
import { INDICATOR_LIBRARY, LIBRARY_KEYS, OWN_QUESTION_TYPES } from "@/lib/domain/monitoring-indicators";
import { formatDate } from "@/lib/format";
import { pdfOffered } from "@/lib/http/document-response";
import { IdParam, readPageParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("title") };
}

// One campaign of the office: its form (editable until a school submits), the progress of every school,
// the consolidated table and summary, and closing it.
export default async function DistrictCampaignPage({ params }: { params: Promise<{ org: string; campaignId: string }> }) {
  const { org, campaignId } = readPageParams(z.object({ org: z.string(), campaignId: IdParam }), await params);
  const ctx = await requireTenant(org, "campaigns.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const data = await readPage(ctx, (read) => getOfficeCampaign(read, campaignId));
  if (!data) notFound();
  const { campaign, schools, today } = data;
  const t = await getTranslations("campaigns");
  const open = !campaign.closedAt;
  const editable = open && !schools.some((s) => s.submittedAt);
  const base = `/${org}/district/campaigns/${campaign.id}`;
  return (
    <>
      <PageHeader title={campaign.title}>
        <p>{t("windowText", { from: formatDate(campaign.opensOn), to: formatDate(campaign.closesOn) })} {campaign.closedAt ? t("closed", { date: formatDate(campaign.closedAt) }) : null}</p>
        <p>
          <Link href={`/${org}/district/campaigns`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("progressTitle")} id="progress">
        <CampaignProgress org={org} campaignId={campaign.id} schools={schools} zone={ctx.organization.timeZone} open={open} windowOver={today > campaign.closesOn} />
      </Section>
      <Section title={t("downloads")} id="downloads">
        <ul className="flex flex-col gap-1">
          <li><a href={`${base}/export?format=xlsx`} className="text-brand-700 underline">{t("xlsx")}</a></li>
          <li><a href={`${base}/export?format=docx`} className="text-brand-700 underline">{t("docx")}</a></li>
          {pdfOffered() ? <li><a href={`${base}/export?format=pdf`} className="text-brand-700 underline">{t("pdf")}</a></li> : null}
        </ul>
        {open ? (
          <div className="mt-4">
            <ActionButton action={closeCampaign} input={{ org, campaignId: campaign.id }} label={t("close")} confirm={t("closeConfirm")} done={t("closedDone")} variant="danger" />
          </div>
        ) : null}
      </Section>
      <Section title={t("formTitle")} id="form">
        {!editable && open ? <p className="mb-3">{t("frozen")}</p> : null}
        <CampaignFormLines org={org} campaignId={campaign.id} lines={campaign.indicators} editable={editable} />
      </Section>
      {editable ? (
        <Section title={t("addTitle")} id="add">
          <AddIndicatorForm org={org} campaignId={campaign.id} library={LIBRARY_KEYS.map((key) => ({ key, title: INDICATOR_LIBRARY[key].title }))} types={OWN_QUESTION_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))} />
        </Section>
      ) : null}
    </>
  );
}
