import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IncentivePayments, IncentivePeriods } from "@/components/incentives/incentive-tables";
import { actWords, periodWords } from "@/components/incentives/incentive-words";
import { ProposeIncentiveForm } from "@/components/incentives/propose-incentive-form";
import { SelectedApproval } from "@/components/banks/selected-approval";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { formatRubles } from "@/lib/domain/incentives";
import { isoDate } from "@/lib/domain/local-date";
import { fullName } from "@/lib/domain/names";
import { listIncentives } from "@/lib/incentives/queries";
import { toLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("banks.incentives");
  return { title: t("title") };
}

// /[org]/mentors/incentives — incentive payments to mentors per period (docs/decisions/025): the curator
// proposes, the head approves the selected ones, and the order for a period is downloaded per period.
export default async function IncentivesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "incentives.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("banks.incentives");
  const locale = toLocale(await getLocale());
  const { payments, mentors, acts, periods } = await readPage(ctx, (read) => listIncentives(read));
  const today = organizationToday(ctx);
  // The form starts on the current calendar month, the most common period of a school's bonus.
  const month = { from: isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))), to: isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0))) };
  const proposed = payments.filter((p) => p.status === "PROPOSED");
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("periodsTitle")} id="orders">
        <IncentivePeriods org={org} periods={periods} />
      </Section>
      {hasPermission(ctx.roles, "incentives.approve") ? (
        <Section title={t("approveTitle")} id="approve">
          <SelectedApproval
            org={org}
            kind="incentives"
            items={proposed.map((p) => ({
              id: p.id,
              label: `${fullName(p.mentor.person)} — ${formatRubles(p.amount)} ${t("rubles")}`,
              details: [periodWords(t, { from: p.periodFrom, to: p.periodTo }), p.basisAct ? actWords(t, p.basisAct) : t("basisMissing"), p.note].filter(Boolean).join("; "),
            }))}
          />
        </Section>
      ) : null}
      {hasPermission(ctx.roles, "incentives.propose") ? (
        <Section title={t("proposeTitle")} id="propose">
          {mentors.length === 0 ? (
            <p>{t("noMentors")}</p>
          ) : acts.length === 0 ? (
            <p>{t("noActs")}</p>
          ) : (
            <ProposeIncentiveForm
              org={org}
              period={month}
              mentors={mentors.map((m) => ({ id: m.id, label: [m.name, m.position].filter(Boolean).join(", ") }))}
              acts={acts.map((a) => ({ id: a.id, label: `${actWords(t, a)}${a.status === "APPROVED" ? "" : ` — ${t("actNotApproved")}`}` }))}
            />
          )}
        </Section>
      ) : null}
      <Section title={t("paymentsTitle")} id="payments">
        <IncentivePayments org={org} payments={payments} locale={locale} canWithdraw={hasPermission(ctx.roles, "incentives.propose")} />
      </Section>
    </>
  );
}
