import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";

/** The office's own subordinate organizations: the organization directory (requisites), no school data. */
export function listRegistryChildren(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.organization.findMany({
      where: { parentId: ctx.organization.id },
      select: { id: true, slug: true, name: true, shortName: true, kind: true, schoolKind: true, place: true, address: true, inn: true, archivedAt: true },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
    }),
  );
}
