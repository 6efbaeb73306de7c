import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import type { PlannedMeetingState } from "@/lib/domain/meeting-schedule";
import type { MeetingKind } from "@/lib/domain/pairs";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

type Planned = { id: string; plannedOn: Date; kind: MeetingKind; topic: string; state: PlannedMeetingState; heldOn: Date | null };

/** The program's meeting schedule beside the log: planned and held (with the day it was held), overdue marked. */
export async function MeetingSchedule({ schedule, locale }: { schedule: Planned[]; locale: AppLocale }) {
  const t = await getTranslations("meetings");
  const tv = await getTranslations("vocabulary");
  return (
    <Section title={t("scheduleTitle")} id="schedule">
      {schedule.length === 0 ? (
        <p>{t("scheduleEmpty")}</p>
      ) : (
        <Table caption={t("scheduleTitle")} head={[t("plannedOn"), t("kind"), t("topic"), t("state")]}>
          {schedule.map((m) => (
            <tr key={m.id}>
              <Td>{formatDate(m.plannedOn, locale)}</Td>
              <Td>{tv(`meetingKind.${m.kind}`)}</Td>
              <Td>{m.topic}</Td>
              <Td className={m.state === "OVERDUE" ? "font-medium text-red-800" : undefined}>{t(`states.${m.state}`, { date: m.heldOn ? formatDate(m.heldOn, locale) : "" })}</Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
