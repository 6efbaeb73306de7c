import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { formatCalendarDate } from "@/lib/format";

type Member = { id: string; name: string; position: string | null; school: string; curator: boolean; mentor: boolean };
type Meeting = { id: string; date: Date; agenda: string; attended: number; materials: number };

/** The roles a member held in their school when they joined («куратор, наставник»). */
export async function roleText(m: { curator: boolean; mentor: boolean }) {
  const t = await getTranslations("communities");
  return [m.curator ? t("curator") : null, m.mentor ? t("mentor") : null].filter(Boolean).join(", ") || "—";
}

export async function CommunityMembers({ members }: { members: Member[] }) {
  const t = await getTranslations("communities");
  const roles = await Promise.all(members.map((m) => roleText(m)));
  return (
    <Section title={t("membersTitle")} id="members">
      {members.length === 0 ? (
        <p>{t("noMembers")}</p>
      ) : (
        <Table caption={t("membersCaption")} head={[t("colPerson"), t("colPosition"), t("colSchool"), t("colRole")]}>
          {members.map((m, i) => (
            <tr key={m.id}>
              <Td>{m.name}</Td>
              <Td>{m.position ?? "—"}</Td>
              <Td>{m.school}</Td>
              <Td>{roles[i]}</Td>
            </tr>
          ))}
        </Table>
      )}
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
