import { getTranslations } from "next-intl/server";
import { PlannedMeetingForm } from "@/components/pairs/planned-meeting-form";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { PlannedMeetingState } from "@/lib/domain/meeting-schedule";
import type { MeetingKind } from "@/lib/domain/pairs";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { deletePlannedMeeting } from "@/lib/pairs/meeting-schedule-actions";
import { approvePersonalProgram } from "@/lib/pairs/personal-program-actions";
import type { PlanFields } from "@/lib/domain/program-approval";

// Parts of a pair's personalized program page (app/(app)/[org]/pairs/[pairId]/program): the read-only
// program, the curator's approval, the meeting schedule (planned and held).

const day = (d: Date) => d.toISOString().slice(0, 10);

type ProgramText = PlanFields & { achievedResults: string | null };

/** The program as the mentee and the director read it; the mentor's school of a cross-school pair reads it without the difficulties (decision 062). */
/** The cells of a plan item every view of the program shows: number, title, due date, status, result. */
export function PlanItemCells({ number, item, status, locale }: { number: number; item: { title: string; dueOn: Date; result: string | null }; status: string; locale: AppLocale }) {
  return (
    <>
      <Td>{number}</Td>
      <Td>{item.title}</Td>
      <Td>{formatDate(item.dueOn, locale)}</Td>
      <Td>{status}</Td>
      <Td className="whitespace-pre-line">{item.result ?? "—"}</Td>
    </>
  );
}

export async function ProgramReadOnly({ program, locale }: { program: Omit<ProgramText, "difficulties"> & { difficulties?: string[] }; locale: AppLocale }) {
  const t = await getTranslations("personalProgram");
  const tv = await getTranslations("vocabulary");
  const rows: [string, string][] = [
    [t("period"), t("periodValue", { from: formatDate(program.startsOn, locale), to: formatDate(program.endsOn, locale) })],
    [t("workingMode"), program.workingMode ? t(`workingModes.${program.workingMode as "IN_PERSON"}`) : "—"],
    [t("direction"), program.direction],
    [t("goals"), program.goals],
    [t("tasks"), program.tasks ?? "—"],
    ...(program.difficulties ? [[t("difficulties"), program.difficulties.length ? program.difficulties.map((d) => (tv.has(`difficulty.${d}`) ? tv(`difficulty.${d}`) : d)).join("; ") : "—"] as [string, string]] : []),
    [t("intermediateResults"), program.intermediateResults ?? "—"],
    [t("expectedResults"), program.expectedResults],
    [t("achievedResults"), program.achievedResults ?? "—"],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[max-content_1fr]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium">{term}</dt>
          <dd className="whitespace-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type Approval = { status: "DRAFT" | "APPROVED"; version: number; approvedAt: Date | null; approvedBy: { name: string } | null };

/** «Согласование с куратором»: the state (who and when), the approve button for the curator or the director. */
export async function ProgramApproval({
  org,
  pairId,
  program,
  canApprove,
  canEdit,
  locale,
}: {
  org: string;
  pairId: string;
  program: Approval;
  canApprove: boolean;
  canEdit: boolean;
  locale: AppLocale;
}) {
  const t = await getTranslations("personalProgram");
  const who = { name: program.approvedBy?.name ?? "—", date: program.approvedAt ? formatDate(program.approvedAt, locale) : "—" };
  const approved = program.status === "APPROVED";
  return (
    <Section title={t("approvalTitle")} id="approval">
      <div className="flex flex-col gap-3">
        <Notice kind={approved ? "success" : "info"}>
          {approved ? t("statusApproved", who) : program.approvedAt ? t("statusReturned", who) : t("statusDraft")}
        </Notice>
        {approved && canEdit ? <p className="text-sm text-slate-700">{t("editWarning")}</p> : null}
        {canApprove ? (
          <div className="flex flex-col gap-2">
            {!approved ? <p className="text-sm text-slate-700">{t("approveHint")}</p> : null}
            <ActionButton
              // A new version (the plan changed) is a new approval: the button starts afresh.
              key={program.version}
              action={approvePersonalProgram}
              input={{ org, pairId, version: program.version }}
              label={t("approve")}
              confirm={t("approveConfirm")}
              done={t("approved")}
              gone={approved}
            />
          </div>
        ) : null}
      </div>
    </Section>
  );
}

type Planned = { id: string; plannedOn: Date; kind: MeetingKind; topic: string; state: PlannedMeetingState; heldOn: Date | null };

/** The meeting schedule: planned meetings with their state (held on a date, overdue, planned), editable while not held. */
export async function ProgramSchedule({
  org,
  pairId,
  schedule,
  period,
  isGroup,
  canEdit,
  locale,
}: {
  org: string;
  pairId: string;
  schedule: { meetings: Planned[]; summary: Record<PlannedMeetingState, number> };
  period: { min: string; max: string } | null;
  isGroup: boolean;
  canEdit: boolean;
  locale: AppLocale;
}) {
  const t = await getTranslations("personalProgram");
  const tv = await getTranslations("vocabulary");
  const { meetings, summary } = schedule;
  return (
    <Section title={t("scheduleTitle")} id="schedule">
      {meetings.length === 0 ? (
        <p className="mb-3">{t("noSchedule")}</p>
      ) : (
        <>
          <p className="mb-3">{t("scheduleSummary", { held: summary.HELD, planned: summary.PLANNED, overdue: summary.OVERDUE })}</p>
          <Table caption={t("scheduleCaption")} head={[t("number"), t("plannedOn"), t("meetingKind"), t("topic"), t("scheduleState"), ...(canEdit ? [t("actions")] : [])]}>
            {meetings.map((m, i) => (
              <tr key={m.id}>
                <Td>{i + 1}</Td>
                <Td>{formatDate(m.plannedOn, locale)}</Td>
                <Td>{tv(`meetingKind.${m.kind}`)}</Td>
                <Td>{m.topic}</Td>
                <Td className={m.state === "OVERDUE" ? "font-medium text-red-800" : undefined}>
                  {t(`scheduleStates.${m.state}`, { date: m.heldOn ? formatDate(m.heldOn, locale) : "" })}
                </Td>
                {canEdit ? (
                  <Td>
                    {period && m.state !== "HELD" ? (
                      <details className="min-w-64">
                        <summary className="cursor-pointer text-brand-700 underline">
                          {t("editItem")}
                          <span className="sr-only">: {m.topic}</span>
                        </summary>
                        <div className="mt-2 flex flex-col gap-3">
                          <PlannedMeetingForm
                            org={org}
                            pairId={pairId}
                            period={period}
                            isGroup={isGroup}
                            label={t("editMeetingLabel", { number: i + 1 })}
                            initial={{ plannedMeetingId: m.id, plannedOn: day(m.plannedOn), kind: m.kind, topic: m.topic }}
                          />
                          <ActionButton
                            action={deletePlannedMeeting}
                            input={{ org, pairId, plannedMeetingId: m.id }}
                            label={t("deleteMeeting")}
                            confirm={t("deleteMeetingConfirm")}
                            done={t("meetingDeleted")}
                            variant="danger"
                          />
                        </div>
                      </details>
                    ) : null}
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        </>
      )}
      {canEdit && period ? (
        <div className="mt-4">
          <h3 className="mb-2 font-semibold">{t("addMeetingTitle")}</h3>
          <PlannedMeetingForm org={org} pairId={pairId} period={period} isGroup={isGroup} label={t("addMeetingTitle")} />
        </div>
      ) : canEdit ? (
        <p className="text-sm text-slate-700">{t("meetingsAfterProgram")}</p>
      ) : null}
    </Section>
  );
}
