import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { CrossPairView } from "@/lib/cross-pairs/queries";
import type { CrossPairSide } from "@/lib/domain/cross-school-pairs";
import { formatCalendarDate, formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

/** What both schools see of the pair: the people and their schools, the program, the decisions. */
export async function CrossPairDetails({ pair, locale }: { pair: CrossPairView; locale: AppLocale }) {
  const t = await getTranslations("crossPairs");
  const side = (s: CrossPairSide) => (s === "mentee" ? t("bySideMentee") : t("bySideMentor"));
  const rows: [string, string][] = [
    [t("mentee"), [pair.mentee.name, pair.mentee.position, pair.menteeSchool].filter(Boolean).join(", ")],
    [t("mentor"), [pair.mentor.name, pair.mentor.position, pair.mentorSchool].filter(Boolean).join(", ")],
    [t("program"), pair.programTitle],
    [t("status"), t(`statuses.${pair.status}`)],
    [t("proposedOn"), formatDate(pair.createdAt, locale)],
  ];
  if (pair.direction) rows.push([t("direction"), pair.direction]);
  if (pair.consentedAt && pair.status !== "DECLINED") rows.push([t("consentedOn"), formatDate(pair.consentedAt, locale)]);
  if (pair.orderNumber && pair.orderDate) rows.push([t("order"), t("orderText", { number: pair.orderNumber, date: formatCalendarDate(pair.orderDate) })]);
  return (
    <>
      <dl className="grid gap-2 md:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium">{k}</dt>
            <dd className="break-words">{v}</dd>
          </div>
        ))}
      </dl>
      {pair.status === "DECLINED" && pair.declineReason ? <p>{t("declined", { reason: pair.declineReason })}</p> : null}
      {pair.status === "WITHDRAWN" && pair.closedAt ? <p>{t("closed", { date: formatDate(pair.closedAt, locale), side: side(pair.closedBy ?? "mentee"), reason: pair.closedReason ?? "" })}</p> : null}
    </>
  );
}

/** The pair's meetings, with the school that logged each. */
export async function CrossMeetingsTable({ meetings }: { meetings: { id: string; kind: string; heldOn: Date; notes: string | null; loggedBy: CrossPairSide }[] }) {
  const t = await getTranslations("crossPairs");
  const tv = await getTranslations("vocabulary");
  if (meetings.length === 0) return <p>{t("meetingsEmpty")}</p>;
  return (
    <Table caption={t("meetings")} head={[t("heldOn"), t("kind"), t("notes"), t("loggedBy")]}>
      {meetings.map((m) => (
        <tr key={m.id}>
          <Td>{formatCalendarDate(m.heldOn)}</Td>
          <Td>{tv(`meetingKind.${m.kind}`)}</Td>
          <Td>{m.notes ?? "—"}</Td>
          <Td>{m.loggedBy === "mentee" ? t("bySideMentee") : t("bySideMentor")}</Td>
        </tr>
      ))}
    </Table>
  );
}
