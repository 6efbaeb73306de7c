import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { formatCalendarDate, formatDayIn } from "@/lib/format";
import { RemoveMemberForm } from "./remove-member-form";

type Meeting = { id: string; date: Date; agenda: string; attended: number; materials: number };
type Member = { id: string; name: string | null; position: string | null; school: string; curator: boolean; mentor: boolean; leftAt: Date | null; leftReason: string | null };

/** The roles a member held in their school when they joined («куратор, наставник»). */
export async function roleText(m: { curator: boolean; mentor: boolean }) {
  const t = await getTranslations("communities");
  return [m.curator ? t("curator") : null, m.mentor ? t("mentor") : null].filter(Boolean).join(", ") || "—";
}

/** The members still in (the methodist may end a membership with its reason), then those who left and why. */
export async function CommunityMembers({ org, members, manage, timeZone }: { org: string; members: Member[]; manage: boolean; timeZone: string }) {
  const t = await getTranslations("communities");
  const roles = new Map(await Promise.all(members.map(async (m) => [m.id, await roleText(m)] as const)));
  const current = members.filter((m) => m.leftAt === null);
  const left = members.filter((m) => m.leftAt !== null);
  return (
    <Section title={t("membersTitle")} id="members">
      {current.length === 0 ? (
        <p>{t("noMembers")}</p>
      ) : (
        <Table caption={t("membersCaption")} head={[t("colPerson"), t("colPosition"), t("colSchool"), t("colRole"), ...(manage ? [t("colRemove")] : [])]}>
          {current.map((m) => (
            <tr key={m.id}>
              <Td>{m.name ?? t("nameErased")}</Td>
              <Td>{m.position ?? "—"}</Td>
              <Td>{m.school}</Td>
              <Td>{roles.get(m.id)}</Td>
              {manage ? (
                <Td>
                  <RemoveMemberForm org={org} communityMemberId={m.id} name={m.name ?? t("nameErased")} />
                </Td>
              ) : null}
            </tr>
          ))}
        </Table>
      )}
      {left.length > 0 ? (
        <Table caption={t("leftCaption")} head={[t("colPerson"), t("colSchool"), t("colLeft"), t("colLeftReason")]}>
          {left.map((m) => (
            <tr key={m.id}>
              <Td>{m.name ?? t("nameErased")}</Td>
              <Td>{m.school}</Td>
              <Td>{formatDayIn(m.leftAt!, timeZone)}</Td>
              <Td>{m.name === null ? t("consentWithdrawn") : (m.leftReason ?? "—")}</Td>
            </tr>
          ))}
        </Table>
      ) : null}
    </Section>
  );
}

export async function CommunityMeetings({ base, meetings }: { base: string; meetings: Meeting[] }) {
  const t = await getTranslations("communities");
  return (
    <Section title={t("meetingsTitle")} id="meetings">
      {meetings.length === 0 ? (
        <p>{t("noMeetings")}</p>
      ) : (
        <Table caption={t("meetingsCaption")} head={[t("colDate"), t("colAgenda"), t("colAttended"), t("colMaterials")]}>
          {meetings.map((m) => (
            <tr key={m.id}>
              <Td>
                <Link href={`${base}/meetings/${m.id}`} className="text-brand-700 underline">
                  {formatCalendarDate(m.date)}
                </Link>
              </Td>
              <Td className="whitespace-pre-line">{m.agenda}</Td>
              <Td>{m.attended}</Td>
              <Td>{m.materials}</Td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
