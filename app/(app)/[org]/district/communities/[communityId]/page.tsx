import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { AddMembers } from "@/components/communities/add-members";
import { CommunityMeetings, CommunityMembers } from "@/components/communities/community-members";
import { MeetingForm } from "@/components/communities/meeting-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { getCommunity, listCommunityCandidates, listCommunitySchools } from "@/lib/communities/queries";
import { IdParam, optionalParam, readPageParams, type RawParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("communities");
  return { title: t("title") };
}

const CommunitySearch = z.object({ school: optionalParam(IdParam) });

// One community of the office: members (with their school), meetings; for the methodist, adding people of a chosen
// school who consented (?school=…) and recording a meeting with its attendance.
export default async function CommunityPage({ params, searchParams }: { params: Promise<{ org: string; communityId: string }>; searchParams: Promise<RawParams> }) {
  const { org, communityId } = await params;
  const ctx = await requireTenant(org, "communities.view");
  if (ctx.organization.kind !== "MUNICIPALITY" || !IdParam.safeParse(communityId).success) notFound();
  const { school } = readPageParams(CommunitySearch, await searchParams);
  const manage = hasPermission(ctx.roles, "communities.manage");
  const today = organizationToday(ctx);
  const [community, schools, candidates] = await readPage(ctx, (read) =>
    Promise.all([
      getCommunity(read, communityId),
      manage ? listCommunitySchools(read) : [],
      manage && school ? listCommunityCandidates(read, communityId, school, today) : null,
    ]),
  );
  if (!community) notFound();
  const t = await getTranslations("communities");
  const base = `/${org}/district/communities/${community.id}`;
  return (
    <>
      <PageHeader title={community.name}>
        <p>
          {t(`kinds.${community.kind}`)}
          {community.area ? ` · ${community.area}` : ""}
        </p>
        <p className="mt-1">
          <Link href={`/${org}/district/communities`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      <CommunityMembers org={org} members={community.members} manage={manage} timeZone={ctx.organization.timeZone} />
      {manage ? <AddMembers org={org} communityId={community.id} schools={schools} school={school ?? null} candidates={candidates} /> : null}
      <CommunityMeetings base={base} meetings={community.meetings} />
      {manage ? (
        <Section title={t("holdTitle")} id="hold">
          <MeetingForm org={org} communityId={community.id} members={community.members.flatMap((m) => (m.leftAt === null && m.name !== null ? [{ id: m.id, name: m.name, school: m.school }] : []))} />
        </Section>
      ) : null}
    </>
  );
}
