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
import { CampaignSchoolsSearchInput, listCampaignSchoolsPage } from "@/lib/campaigns/queries";
import { listHref, readListParams, sortOf } from "@/lib/http/list-search";
import type { RawParams } from "@/lib/http/params";
import { FilterSelect, ListFound, ListSearchForm } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { LIBRARY_KEYS, OWN_QUESTION_TYPES } from "@/lib/domain/monitoring-indicators";
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
const STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "CONFIRMED", "RETURNED"] as const;

export default async function DistrictCampaignPage({ params, searchParams }: { params: Promise<{ org: string; campaignId: string }>; searchParams: Promise<RawParams> }) {
  const { org, campaignId } = readPageParams(z.object({ org: z.string(), campaignId: IdParam }), await params);
  const ctx = await requireTenant(org, "campaigns.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const { search, ignored } = readListParams(CampaignSchoolsSearchInput, await searchParams);
  const data = await readPage(ctx, (read) => listCampaignSchoolsPage(read, campaignId, search));
  if (!data) notFound();
  const { campaign, today } = data;
  const t = await getTranslations("campaigns");
  const open = !campaign.closedAt;
  const editable = open && !data.anySubmitted;
  const base = `/${org}/district/campaigns/${campaign.id}`;
  const href = (changes: Record<string, string | number>) => listHref(base, { q: search.q, status: search.status, sort: search.sort, page: data.page }, changes, "#progress");
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
        <p className="mb-3">{t("progressCounts", { submitted: data.counts.SUBMITTED + data.counts.CONFIRMED, confirmed: data.counts.CONFIRMED, total: data.schools })}</p>
        <ListSearchForm action={base} id="progress" title={t("progressSearch")} q={search.q} qLabel={t("progressSearchName")} sort={search.sort} resetHref={`${base}#progress`}>
          <FilterSelect id="progress-status" name="status" label={t("colStatus")} value={search.status} any={t("statusAny")} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </ListSearchForm>
        <ListFound total={data.total} ignored={ignored} />
        {data.rows.length === 0 ? (
          <p>{search.q || search.status ? t("progressNone") : t("progressNoSchools")}</p>
        ) : (
          <CampaignProgress
            org={org}
            campaignId={campaign.id}
            schools={data.rows}
            region={ctx.organization.kind === "REGION"}
            zone={ctx.organization.timeZone}
            open={open}
            windowOver={today > campaign.closesOn}
            sort={sortOf(search.sort, "name")}
            sortHref={(sort) => href({ sort })}
          />
        )}
        <Pager page={data.page} pages={data.pages} from={data.from} to={data.to} total={data.total} href={(page) => href({ page })} />
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
          <AddIndicatorForm org={org} campaignId={campaign.id} library={LIBRARY_KEYS.map((key) => ({ key, title: t(`indicators.${key}`) }))} types={OWN_QUESTION_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))} />
        </Section>
      ) : null}
    </>
  );
}
