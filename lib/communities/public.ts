import "server-only";
import { withDb, type Tx } from "../db";
import { nextMeetingDate, type CommunityKind } from "../domain/communities";

export type PublicCommunity = { name: string; kind: CommunityKind; area: string | null; nextMeeting: Date | null };

/**
 * The communities of a municipal office for its public section (issue #17 item 5): name, kind, area and the next
 * meeting date — no members, no attendance, no personal data. Read in the office's own scope (as a school's public
 * section is read in the school's); `today` is the calendar day in the office's zone.
 */
export async function loadPublicCommunities(officeId: string, today: Date): Promise<PublicCommunity[]> {
  return withDb({ organizationId: officeId }, (tx) => publicCommunitiesIn(tx, officeId, today));
}

/** The same list on a transaction already in the office's scope (the office's public section reads it with the rest). */
export async function publicCommunitiesIn(tx: Tx, officeId: string, today: Date): Promise<PublicCommunity[]> {
  const rows = await tx.districtCommunity.findMany({
    where: { organizationId: officeId, organization: { kind: "MUNICIPALITY" } },
    select: { name: true, kind: true, area: true, meetings: { where: { date: { gte: today } }, select: { date: true } } },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
  });
  return rows.map((c) => ({ name: c.name, kind: c.kind as CommunityKind, area: c.area, nextMeeting: nextMeetingDate(c.meetings.map((m) => m.date), today) }));
}
