import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LogMeetingForm } from "@/components/pairs/meeting-form";
import { MeetingSchedule } from "@/components/pairs/meeting-schedule";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { organizationToday, requireTenant } from "@/lib/auth/tenant";
import { isoDate } from "@/lib/domain/local-date";
import { INACTIVITY_DAYS, MEETING_KINDS, MENTORING_FORMS, MENTORING_TYPES } from "@/lib/domain/pairs";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { deleteMeeting } from "@/lib/pairs/meeting-actions";
import { getPairMeetings } from "@/lib/pairs/work-queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("meetings");
  return { title: t("title") };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function PairMeetingsPage({ params }: { params: Promise<{ org: string; pairId: string }> }) {
  const { org, pairId } = await params;
  const ctx = await requireTenant(org, "organization.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const data = await getPairMeetings(ctx, pairId);
  if (!data) notFound();
  const { pair, program, schedule, progress, meetings, canLog } = data;
  const t = await getTranslations("meetings");
  const tp = await getTranslations("personalProgram");
  const locale = toLocale(await getLocale());
  const working = pair.status === "APPROVED" || pair.status === "ACTIVE";
  return (
    <>
      <PageHeader title={t("title")}>
        <p>
          {tp("mentor")}: {pair.mentor.name} · {pair.isGroup ? tp("menteesMany") : tp("menteesOne")}: {pair.mentees.map((m) => m.name).join(", ")}
        </p>
        <p>
          {MENTORING_FORMS[pair.form]} · {MENTORING_TYPES[pair.type]} · {tp(`pairStatuses.${pair.status}`)}
        </p>
        <p className="flex flex-wrap gap-4">
          <Link href={`/${org}/pairs/${pair.id}`} className="text-brand-700 underline">
            {tp("backToPair")}
          </Link>
          <Link href={`/${org}/pairs/${pair.id}/program`} className="text-brand-700 underline">
            {t("programLink")}
          </Link>
        </p>
      </PageHeader>

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

      {progress ? (
        <Section title={t("summaryTitle")} id="summary">
          <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("count")}</dt>
            <dd>{progress.meetings}</dd>
            <dt className="font-medium">{t("lastMeeting")}</dt>
            <dd>{progress.lastMeetingOn ? formatDate(progress.lastMeetingOn, locale) : "—"}</dd>
            <dt className="font-medium">{t("final")}</dt>
            <dd>{progress.hasFinal ? t("finalHeld") : t("finalNotYet")}</dd>
            <dt className="font-medium">{t("planProgress")}</dt>
            <dd>{progress.hasProgram ? t("planProgressValue", { done: progress.itemsDone, total: progress.itemsTotal }) : t("noProgram")}</dd>
          </dl>
        </Section>
      ) : null}

      {canLog ? (
        <Section title={t("logTitle")} id="log">
          {!program ? <p className="mb-3 text-sm text-slate-700">{t("noProgramHint")}</p> : null}
          <LogMeetingForm
            org={org}
            pairId={pair.id}
            isGroup={pair.isGroup}
            mentees={pair.mentees.map((m) => ({ id: m.id, name: m.name }))}
            items={(program?.items ?? [])
              .filter((i) => i.status !== "CANCELLED")
              .map((i) => ({ id: i.id, label: `${i.title} (${formatDate(i.dueOn, locale)})` }))}
            period={program ? { min: day(program.startsOn), max: day(program.endsOn) } : null}
            today={isoDate(organizationToday(ctx))}
            planned={schedule.meetings
              .filter((p) => p.state !== "HELD")
              .map((p) => ({
                id: p.id,
                plannedOn: day(p.plannedOn),
                kind: p.kind,
                label: t("plannedOption", { date: formatDate(p.plannedOn, locale), kind: MEETING_KINDS[p.kind], topic: p.topic }),
              }))}
          />
        </Section>
      ) : null}

      <Section title={t("listTitle")} id="meetings">
        {meetings.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("listTitle")} head={[t("heldOn"), t("kind"), t("attendees"), t("coveredItems"), t("notes"), t("loggedBy"), ...(canLog ? [t("actions")] : [])]}>
            {meetings.map((m) => (
              <tr key={m.id}>
                <Td>{formatDate(m.heldOn, locale)}</Td>
                <Td>{MEETING_KINDS[m.kind]}</Td>
                <Td>{m.attendees.join(", ") || "—"}</Td>
                <Td>
                  {m.items.length ? (
                    <ul className="list-disc pl-4">
                      {m.items.map((title, i) => (
                        <li key={i}>{title}</li>
                      ))}
                    </ul>
                  ) : (
                    "—"
                  )}
                </Td>
                <Td className="whitespace-pre-line">{m.notes ?? "—"}</Td>
                <Td>{m.loggedBy}</Td>
                {canLog ? (
                  <Td>
                    {m.canDelete ? (
                      <ActionButton
                        action={deleteMeeting}
                        input={{ org, meetingId: m.id }}
                        label={t("delete")}
                        confirm={t("deleteConfirm", { date: formatDate(m.heldOn, locale) })}
                        done={t("deleted")}
                        variant="danger"
                      />
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <MeetingSchedule schedule={schedule.meetings} locale={locale} />
    </>
  );
}
