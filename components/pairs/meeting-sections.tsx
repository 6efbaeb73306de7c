import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LogMeetingForm } from "@/components/pairs/meeting-form";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { deleteMeeting } from "@/lib/pairs/meeting-actions";
import type { getPairMeetings } from "@/lib/pairs/work-queries";

// The sections of a pair's meetings page (app/(app)/[org]/pairs/[pairId]/meetings/page.tsx), which reads them once.

type PairMeetings = NonNullable<Awaited<ReturnType<typeof getPairMeetings>>>;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The pair's mentor, mentees, form and status, with the links to the pair and its program. */
export async function PairMeetingsHeader({ pair, org }: { pair: PairMeetings["pair"]; org: string }) {
  const t = await getTranslations("meetings");
  const tp = await getTranslations("personalProgram");
  const tv = await getTranslations("vocabulary");
  return (
    <PageHeader title={t("title")}>
      <p>
        {tp("mentor")}: {pair.mentor.name} · {pair.isGroup ? tp("menteesMany") : tp("menteesOne")}: {pair.mentees.map((m) => m.name).join(", ")}
      </p>
      <p>
        {tv(`mentoringForm.${pair.form}`)} · {tv(`mentoringType.${pair.type}`)} · {tp(`pairStatuses.${pair.status}`)}
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
  );
}

/** How many meetings, the last one, the final one and the plan's progress. */
export async function MeetingsSummarySection({ progress, locale }: { progress: NonNullable<PairMeetings["progress"]>; locale: AppLocale }) {
  const t = await getTranslations("meetings");
  return (
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
  );
}

/** The form that records a held meeting: its attendees, the plan's items it covered and the planned meeting it was. */
export async function LogMeetingSection({
  org,
  pair,
  program,
  schedule,
  today,
  locale,
}: {
  org: string;
  pair: PairMeetings["pair"];
  program: PairMeetings["program"];
  schedule: PairMeetings["schedule"];
  today: string;
  locale: AppLocale;
}) {
  const t = await getTranslations("meetings");
  const tv = await getTranslations("vocabulary");
  return (
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
        today={today}
        planned={schedule.meetings
          .filter((p) => p.state !== "HELD")
          .map((p) => ({
            id: p.id,
            plannedOn: day(p.plannedOn),
            kind: p.kind,
            label: t("plannedOption", { date: formatDate(p.plannedOn, locale), kind: tv(`meetingKind.${p.kind}`), topic: p.topic }),
          }))}
      />
    </Section>
  );
}

/** The held meetings, newest first, each with the button that deletes it where the viewer may. */
export async function MeetingsListSection({ org, meetings, canLog, locale }: { org: string; meetings: PairMeetings["meetings"]; canLog: boolean; locale: AppLocale }) {
  const t = await getTranslations("meetings");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("listTitle")} id="meetings">
      {meetings.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <Table caption={t("listTitle")} head={[t("heldOn"), t("kind"), t("attendees"), t("coveredItems"), t("notes"), t("loggedBy"), ...(canLog ? [t("actions")] : [])]}>
          {meetings.map((m) => (
            <tr key={m.id}>
              <Td>{formatDate(m.heldOn, locale)}</Td>
              <Td>{tv(`meetingKind.${m.kind}`)}</Td>
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
  );
}
