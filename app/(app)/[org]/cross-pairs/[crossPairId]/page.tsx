import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ApproveForm, ConsentForms, WithdrawForm } from "@/components/cross-pairs/decision-forms";
import { CrossMeetingForm } from "@/components/cross-pairs/meeting-form";
import { CrossMeetingsTable, CrossPairDetails } from "@/components/cross-pairs/pair-details";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { crossPairPage } from "@/lib/cross-pairs/queries";
import { isoDate } from "@/lib/domain/local-date";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

// One cross-school pair as either of its two schools sees it (decision 058); 404 to any other organization.
export default async function CrossPairPage({ params }: { params: Promise<{ org: string; crossPairId: string }> }) {
  const { org, crossPairId } = await params;
  const ctx = await requireTenant(org, "crossPairs.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await readPage(ctx, (read) => crossPairPage(read, crossPairId));
  if (!data) notFound();
  const { pair, meetings } = data;
  const t = await getTranslations("crossPairs");
  const tp = await getTranslations("crossPrograms");
  const locale = toLocale(await getLocale());
  const today = isoDate(organizationToday(ctx));
  const key = { org, crossSchoolPairId: pair.id, version: pair.version };
  const consent = pair.side === "mentor" && pair.status === "PROPOSED" && hasPermission(ctx.roles, "crossPairs.consent");
  const approve = pair.side === "mentee" && pair.status === "CONSENTED" && hasPermission(ctx.roles, "pairs.approve");
  const withdraw = ["PROPOSED", "CONSENTED", "ACTIVE"].includes(pair.status) && hasPermission(ctx.roles, "pairs.manage");
  const participant = (pair.side === "mentor" ? pair.mentor.userId : pair.mentee.userId) === ctx.user.id;
  const log = pair.status === "ACTIVE" && hasPermission(ctx.roles, "meetings.log") && (hasPermission(ctx.roles, "pairs.propose") || participant);
  return (
    <>
      <PageHeader title={t("openPair", { mentee: pair.mentee.name, mentor: pair.mentor.name })}>
        <p>
          <Link href={`/${org}/cross-pairs`} className="text-brand-700 underline">
            {t("title")}
          </Link>
        </p>
        {pair.status === "ACTIVE" || pair.status === "WITHDRAWN" ? (
          <p>
            <Link href={`/${org}/cross-pairs/${pair.id}/program`} className="text-brand-700 underline">
              {tp("programLink")}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <Section title={t("details")} id="details">
        <CrossPairDetails pair={pair} locale={locale} />
      </Section>
      {consent ? (
        <Section title={t("consentTitle")} id="consent">
          <ConsentForms {...key} />
        </Section>
      ) : null}
      {approve ? (
        <Section title={t("approveTitle")} id="approve">
          <ApproveForm {...key} today={today} />
        </Section>
      ) : null}
      <Section title={t("meetings")} id="meetings">
        <CrossMeetingsTable meetings={meetings} />
        {log ? <CrossMeetingForm org={org} crossSchoolPairId={pair.id} today={today} /> : null}
      </Section>
      {withdraw ? (
        <Section title={t("withdrawTitle")} id="withdraw">
          <WithdrawForm {...key} />
        </Section>
      ) : null}
    </>
  );
}
