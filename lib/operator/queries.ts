import "server-only";
import { now } from "../clock";
import { readOperator, type OperatorContext } from "../auth/tenant";
import { buildOrganizationTree, type OrganizationNode, type OrganizationRow, type OrganizationStatusRow } from "../domain/organization-tree";

// The operator's reads (decision 018), in the scope {userId}: "Organization" (not tenant data) and the
// counts of operator_organization_status() — never a row of a tenant table, never a name or an e-mail.

const ORG_FIELDS = {
  id: true, kind: true, schoolKind: true, parentId: true, slug: true, name: true, shortName: true, place: true, timeZone: true, archivedAt: true, createdAt: true,
} as const;

type StatusRow = { organization_id: string; heads: number; pending_invitations: number; members: number };

/** Every organization of the platform with its head's status, as the tree region → municipality → school. */
export async function listOrganizationTree(ctx: OperatorContext): Promise<OrganizationNode[]> {
  return readOperator(ctx, async (tx) => {
    const [rows, statuses] = await Promise.all([
      tx.organization.findMany({ select: ORG_FIELDS, orderBy: { name: "asc" } }) as Promise<OrganizationRow[]>,
      tx.$queryRaw<StatusRow[]>`SELECT * FROM operator_organization_status(${now()}::timestamp)`,
    ]);
    const status: OrganizationStatusRow[] = statuses.map((s) => ({
      organizationId: s.organization_id,
      heads: s.heads,
      pendingInvitations: s.pending_invitations,
      members: s.members,
    }));
    return buildOrganizationTree(rows, status);
  });
}

/** The choices of the operator's forms: regions (a municipality's parent) and active municipalities (where a school moves). */
export function organizationChoices(tree: OrganizationNode[]) {
  const all: OrganizationNode[] = [];
  const walk = (list: OrganizationNode[]) => list.forEach((n) => (all.push(n), walk(n.children)));
  walk(tree);
  const option = (n: OrganizationNode) => ({ id: n.id, name: n.shortName ?? n.name });
  return {
    regions: all.filter((n) => n.kind === "REGION" && !n.archivedAt).map(option),
    offices: all.filter((n) => n.kind !== "SCHOOL" && !n.archivedAt).map(option),
    municipalities: all.filter((n) => n.kind === "MUNICIPALITY" && !n.archivedAt).map(option),
    schools: all.filter((n) => n.kind === "SCHOOL").map(option),
  };
}
