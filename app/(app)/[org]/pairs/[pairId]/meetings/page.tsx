import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LogMeetingSection, MeetingsListSection, MeetingsSummarySection, PairMeetingsHeader } from "@/components/pairs/meeting-sections";
import { MeetingSchedule } from "@/components/pairs/meeting-schedule";
import { Notice } from "@/components/ui/notice";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { INACTIVITY_DAYS } from "@/lib/domain/pairs";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { getPairMeetings } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("meetings");
  return { title: t("title") };
}

export default async function PairMeetingsPage({ params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await getPairMeetings(ctx, pairId);
  if (!data) notFound();
  const { pair, program, schedule, progress, meetings, canLog } = data;
  const t = await getTranslations("meetings");
  const locale = toLocale(await getLocale());
  const working = pair.status === "APPROVED" || pair.status === "ACTIVE";
  return (
    <>
      <PairMeetingsHeader pair={pair} org={org} />

      {progress?.inactive ? (
        <div className="mb-6">
          <Notice kind="error">
            {progress.lastMeetingOn
              ? t("inactiveSince", { days: INACTIVITY_DAYS, date: formatDate(progress.lastMeetingOn, locale) })
              : t("inactiveNever", { days: INACTIVITY_DAYS })}
          </Notice>
        </div>
      ) : null}
      {pair.status === "PROPOSED" ? (
        <div className="mb-6">
          <Notice kind="info">{t("awaitingApproval")}</Notice>
        </div>
      ) : !working ? (
        <div className="mb-6">
          <Notice kind="info">{t("readOnlyClosed")}</Notice>
        </div>
      ) : null}

      {schedule.summary.OVERDUE > 0 && working ? (
        <div className="mb-6">
          <Notice kind="error">{t("overdueNotice", { count: schedule.summary.OVERDUE })}</Notice>
        </div>
      ) : null}

      {progress ? <MeetingsSummarySection progress={progress} locale={locale} /> : null}

      {canLog ? <LogMeetingSection org={org} pair={pair} program={program} schedule={schedule} today={isoDate(organizationToday(ctx))} locale={locale} /> : null}

      <MeetingsListSection org={org} meetings={meetings} canLog={canLog} locale={locale} />

      <MeetingSchedule schedule={schedule.meetings} locale={locale} />
    </>
  );
}
