import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";

// The office's own view of its public section (district.publication, decision 060): its state and texts, its
// documents (without their bytes) and every news item.

export async function loadOfficeSiteAdmin(ctx: TenantContext) {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const [section, documents, news] = await Promise.all([
      tx.publicSection.findUnique({ where: { organizationId }, select: { publishedAt: true, intro: true, contacts: true } }),
      tx.officeDocument.findMany({
        where: { organizationId },
        select: { id: true, kind: true, title: true, number: true, issuedOn: true, fileName: true, fileSize: true, publishedOnSite: true },
        orderBy: [{ issuedOn: "desc" }, { createdAt: "desc" }],
      }),
      tx.news.findMany({
        where: { organizationId },
        select: { id: true, title: true, body: true, publishedAt: true },
        orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      }),
    ]);
    return { section, documents, news };
  });
}

export type OfficeSiteAdmin = Awaited<ReturnType<typeof loadOfficeSiteAdmin>>;
