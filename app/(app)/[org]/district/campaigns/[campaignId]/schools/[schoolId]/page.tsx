import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AnswerTable } from "@/components/campaigns/answer-table";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getOfficeCampaign } from "@/lib/campaigns/queries";
import { formatDateTime } from "@/lib/format";
import { IdParam, readPageParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("campaigns");
  return { title: t("schoolAnswerTitle") };
}

// One school's answer to the office's campaign: its values against what the app computed, its comments
// and evidence (submitted answers only: a draft stays the school's).
export default async function DistrictCampaignSchoolPage({ params }: { params: Promise<{ org: string; campaignId: string; schoolId: string }> }) {
  const { org, campaignId, schoolId } = readPageParams(z.object({ org: z.string(), campaignId: IdParam, schoolId: IdParam }), await params);
  const ctx = await requireTenant(org, "campaigns.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const data = await readPage(ctx, (read) => getOfficeCampaign(read, campaignId));
  const school = data?.schools.find((s) => s.schoolId === schoolId);
  if (!data || !school) notFound();
  const t = await getTranslations("campaigns");
  const zone = ctx.organization.timeZone;
  return (
    <>
      <PageHeader title={`${school.name}: ${data.campaign.title}`}>
        <p>
          {t(`status.${school.status}`)}
          {school.submittedAt ? ` · ${t("colSubmittedAt")} ${formatDateTime(school.submittedAt, zone)}` : ""}
          {school.confirmedAt ? ` · ${t("colConfirmedAt")} ${formatDateTime(school.confirmedAt, zone)}` : ""}
        </p>
        <p>
          <Link href={`/${org}/district/campaigns/${campaignId}`} className="text-brand-700 underline">
            {data.campaign.title}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("schoolAnswerTitle")} id="answer">
        {school.submittedAt && (school.status === "SUBMITTED" || school.status === "CONFIRMED") ? (
          <AnswerTable lines={data.campaign.indicators} values={school.values} evidence={school.evidence} evidenceHref={(id) => `/${org}/campaigns/${campaignId}/evidence/${id}?school=${schoolId}`} />
        ) : (
          <p>{t("notSubmittedYet")}</p>
        )}
      </Section>
    </>
  );
}
