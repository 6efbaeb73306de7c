import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MeetingMaterials } from "@/components/communities/meeting-materials";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getCommunityMeeting } from "@/lib/communities/queries";
import { formatCalendarDate } from "@/lib/format";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("communities");
  return { title: t("title") };
}

// A meeting of an office's community: its agenda, who of the members attended, its materials (and attaching one).
export default async function CommunityMeetingPage({ params }: { params: Promise<{ org: string; communityId: string; meetingId: string }> }) {
  const { org, communityId, meetingId } = await params;
  const ctx = await requireTenant(org, "communities.view");
  if (ctx.organization.kind !== "MUNICIPALITY" || ![communityId, meetingId].every((id) => IdParam.safeParse(id).success)) notFound();
  const meeting = await readPage(ctx, (read) => getCommunityMeeting(read, communityId, meetingId));
  if (!meeting) notFound();
  const t = await getTranslations("communities");
  const base = `/${org}/district/communities/${communityId}`;
  const attended = meeting.members.filter((m) => m.attended).length;
  return (
    <>
      <PageHeader title={t("meetingTitle", { date: formatCalendarDate(meeting.date) })}>
        <p>{meeting.community.name}</p>
        <p className="mt-1">
          <Link href={base} className="text-brand-700 underline">
            {t("toCommunity")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("agendaTitle")} id="agenda">
        <p className="whitespace-pre-line">{meeting.agenda}</p>
      </Section>
      <Section title={t("attendanceTitle")} id="attendance">
        <p className="mb-2">{t("attendedCount", { n: attended, total: meeting.members.length })}</p>
        <Table caption={t("attendanceCaption")} head={[t("colPerson"), t("colSchool"), t("colAttended")]}>
          {meeting.members.map((m) => (
            <tr key={m.id}>
              <Td>{m.name ?? t("nameErased")}</Td>
              <Td>{m.school}</Td>
              <Td>{m.attended ? t("attendedYes") : t("attendedNo")}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <MeetingMaterials org={org} href={`${base}/meetings/${meeting.id}/materials`} meetingId={meeting.id} materials={meeting.materials} manage={hasPermission(ctx.roles, "communities.manage")} />
    </>
  );
}
