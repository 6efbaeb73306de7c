import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClosePairForm } from "@/components/pairs/close-pair-form";
import { PairCriteriaSection } from "@/components/pairs/pair-criteria";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireTenant } from "@/lib/auth/tenant";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { getPairDetails } from "@/lib/pairs/work-queries";
import { PdfLink } from "@/components/documents/pdf-link";

export const dynamic = "force-dynamic";


export default async function PairPage({ params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await getPairDetails(ctx, pairId);
  if (!data) notFound();
  const { pair, extra } = data;
  const t = await getTranslations("pairs");
  const tv = await getTranslations("vocabulary");
  const locale = toLocale(await getLocale());
  const mentees = pair.mentees.map((m) => fullName(m.mentee.person));
  const criteria = (extra.matchCriteria ?? []) as Parameters<typeof PairCriteriaSection>[0]["criteria"];
  const staff = data.as === "staff";
  return (
    <>
      <PageHeader title={t("pairTitle", { mentor: fullName(pair.mentor.person), mentees: mentees.join(", ") })}>
        <p>
          {tv(`mentoringForm.${pair.form}`)} · {tv(`mentoringType.${pair.type}`)}
          {pair.direction ? ` · ${pair.direction}` : ""} · {t(`statuses.${pair.status}`)}
        </p>
        <p className="flex flex-wrap gap-4">
          {staff ? (
            <Link href={`/${org}/pairs`} className="text-brand-700 underline">
              {t("back")}
            </Link>
          ) : null}
          <Link href={`/${org}/pairs/${pair.id}/program`} className="text-brand-700 underline">
            {t("programLink")}
          </Link>
          <Link href={`/${org}/pairs/${pair.id}/meetings`} className="text-brand-700 underline">
            {t("meetingsLink")}
          </Link>
          {extra.order && staff ? (
            <>
              <a href={`/${org}/pairs/orders/${extra.order.id}`} className="text-brand-700 underline">
                {t("downloadOrder", { number: extra.order.number })}
              </a>
              <PdfLink href={`/${org}/pairs/orders/${extra.order.id}`}>{t("downloadOrderPdf", { number: extra.order.number })}</PdfLink>
            </>
          ) : null}
        </p>
      </PageHeader>
      <Section title={t("status")} id="status">
        <ul className="flex flex-col gap-1">
          {staff ? <li>{t("proposedBy", { name: extra.proposedBy.name })}</li> : null}
          {extra.decidedBy && pair.decidedAt ? <li>{t("decidedBy", { name: extra.decidedBy.name, date: formatDate(pair.decidedAt, locale) })}</li> : null}
          {extra.order ? <li>{t("order")}: {t("orderLine", { number: extra.order.number, date: formatDate(extra.order.date, locale) })}</li> : null}
          {extra.decisionComment ? <li>{t("comment", { comment: extra.decisionComment })}</li> : null}
          {extra.closedReason ? <li>{t("comment", { comment: extra.closedReason })}</li> : null}
        </ul>
      </Section>
      {staff && criteria.length > 0 ? <PairCriteriaSection criteria={criteria} score={extra.matchScore ?? null} /> : null}
      {hasPermission(ctx.roles, "pairs.manage") && (pair.status === "APPROVED" || pair.status === "ACTIVE") ? (
        <Section title={t("closeTitle")} id="close">
          <ClosePairForm org={org} pairId={pair.id} version={pair.version} />
        </Section>
      ) : null}
    </>
  );
}
