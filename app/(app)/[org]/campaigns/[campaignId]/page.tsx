import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AnswerForm } from "@/components/campaigns/answer-form";
import { AnswerTable } from "@/components/campaigns/answer-table";
import { wordedLines } from "@/components/campaigns/line-titles";
import { EvidenceForm } from "@/components/campaigns/evidence-form";
import { SchoolCampaignState } from "@/components/campaigns/school-campaign-state";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getSchoolCampaign } from "@/lib/campaigns/queries";
import { readStoredValues } from "@/lib/domain/monitoring-indicators";
import { formatDate } from "@/lib/format";
import { IdParam, readPageParams } from "@/lib/http/params";
import { ACCEPT, DOCUMENT_MAX_BYTES, megabytes } from "@/lib/uploads/limits";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("schoolTitle") };
}

// The school's form of one campaign: pre-filled from its data while it may be changed, read-only once sent;
// the head confirms a sent form.
export default async function SchoolCampaignPage({ params }: { params: Promise<{ org: string; campaignId: string }> }) {
  const { org, campaignId } = readPageParams(z.object({ org: z.string(), campaignId: IdParam }), await params);
  const ctx = await requireTenant(org, "campaigns.answer");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await readPage(ctx, (read) => getSchoolCampaign(read, campaignId));
  if (!data) notFound();
  const t = await getTranslations("campaigns");
  const { campaign, editable } = data;
  const lines = await wordedLines(data.lines);
  return (
    <>
      <PageHeader title={campaign.title}>
        <p>
          {t("from", { from: campaign.from })}. {t("windowText", { from: formatDate(campaign.opensOn), to: formatDate(campaign.closesOn) })}
        </p>
        <p>
          <Link href={`/${org}/campaigns`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <SchoolCampaignState org={org} campaignId={campaign.id} data={data} zone={ctx.organization.timeZone} canConfirm={hasPermission(ctx.roles, "campaigns.confirm")} />
      <Section title={t("schoolAnswerTitle")} id="answer">
        {editable ? (
          <AnswerForm org={org} campaignId={campaign.id} lines={lines} />
        ) : (
          <AnswerTable lines={lines} values={readStoredValues(data.submission?.values)} evidence={data.submission?.evidence ?? []} evidenceHref={(id) => `/${org}/campaigns/${campaign.id}/evidence/${id}`} />
        )}
      </Section>
      {editable ? (
        <Section title={t("evidenceTitle")} id="evidence">
          <EvidenceForm org={org} campaignId={campaign.id} lines={lines} accept={ACCEPT.letter} maxBytes={DOCUMENT_MAX_BYTES} maxMb={megabytes(DOCUMENT_MAX_BYTES)} />
        </Section>
      ) : null}
    </>
  );
}
