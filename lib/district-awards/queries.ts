import "server-only";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { loadDistrictMentors } from "../banks/district";

// District recognition (decision 060). The office reads the awards it gave (its officeId policy) and picks mentors
// from the district bank only; a school reads the awards its own mentors received (its organizationId policy).

const AWARD_SELECT = { id: true, kind: true, title: true, awardedOn: true, basis: true } as const;

/** The office's page: the awards it gave, newest first, and the mentors it may award (the district bank). */
export async function loadDistrictAwardsAdmin(ctx: TenantContext) {
  const officeId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [awards, mentors] = await Promise.all([
      tx.districtAward.findMany({
        where: { officeId },
        select: { ...AWARD_SELECT, personName: true, organization: { select: { name: true, shortName: true } } },
        orderBy: [{ awardedOn: "desc" }, { createdAt: "desc" }],
        take: 500,
      }),
      loadDistrictMentors(tx, officeId, organizationToday(ctx)),
    ]);
    return {
      awards: awards.map(({ organization, ...a }) => ({ ...a, school: organization.shortName ?? organization.name })),
      mentors: mentors.map((m) => ({ id: m.id, name: m.name, school: m.organizationName, position: m.position })),
    };
  });
}

export type DistrictAwardsAdmin = Awaited<ReturnType<typeof loadDistrictAwardsAdmin>>;

/** What the school's bank shows of its mentors' district awards (a nested select of listMentorsPage: one statement). */
export const DISTRICT_AWARDS_OF_MENTOR = {
  select: { ...AWARD_SELECT, office: { select: { name: true, shortName: true } } },
  orderBy: [{ awardedOn: "desc" as const }, { createdAt: "desc" as const }],
};
