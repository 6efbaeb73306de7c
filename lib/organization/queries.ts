import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import { headPositionOf, type OrganizationRequisites } from "../domain/organization-profile";
import { REQUISITES_SELECT } from "./requisites";

// The organization's profile (issue #13 item 3): its page, and the requisites every generated document reads.

export type OrganizationProfile = OrganizationRequisites & {
  slug: string;
  timeZone: string;
  /** The position documents print: the profile's, else the kind's default («Заведующий» for a kindergarten). */
  effectiveHeadPosition: string;
  parentName: string | null;
};

/** The profile page: the organization of the context with its parent's name. */
export function getOrganizationProfile(ctx: TenantContext): Promise<OrganizationProfile> {
  return readTenant(ctx, async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({
      where: { id: ctx.organization.id },
      select: { ...REQUISITES_SELECT, slug: true, timeZone: true, parent: { select: { name: true } } },
    });
    const { parent, ...rest } = org;
    return { ...rest, effectiveHeadPosition: headPositionOf(rest), parentName: parent?.name ?? null };
  });
}
