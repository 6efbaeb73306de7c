// The operator's view of the platform (decision 018): organizations as a tree region → municipality →
// school, each with its status. Pure: the rows come from "Organization" and operator_organization_status().

export type HeadStatus = "joined" | "invited" | "none";

export type OrganizationRow = {
  id: string;
  kind: "REGION" | "MUNICIPALITY" | "SCHOOL";
  schoolKind: "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY" | null;
  parentId: string | null;
  slug: string;
  name: string;
  shortName: string | null;
  place: string | null;
  timeZone: string;
  archivedAt: Date | null;
  createdAt: Date;
};

export type OrganizationStatusRow = { organizationId: string; heads: number; pendingInvitations: number; members: number };

export type OrganizationNode = OrganizationRow & { headStatus: HeadStatus; members: number; children: OrganizationNode[] };

export function headStatus(status: Pick<OrganizationStatusRow, "heads" | "pendingInvitations"> | undefined): HeadStatus {
  if (!status) return "none";
  if (status.heads > 0) return "joined";
  return status.pendingInvitations > 0 ? "invited" : "none";
}

const KIND_ORDER = { REGION: 0, MUNICIPALITY: 1, SCHOOL: 2 } as const;

/**
 * The forest of organizations: roots are organizations without a parent (regions, top-level
 * municipalities) and — should one's parent be missing — orphans. Siblings: offices before schools, then by name.
 */
export function buildOrganizationTree(rows: OrganizationRow[], statuses: OrganizationStatusRow[]): OrganizationNode[] {
  const byOrg = new Map(statuses.map((s) => [s.organizationId, s]));
  const nodes = new Map<string, OrganizationNode>(
    rows.map((r) => [r.id, { ...r, headStatus: headStatus(byOrg.get(r.id)), members: byOrg.get(r.id)?.members ?? 0, children: [] }]),
  );
  const roots: OrganizationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrganizationNode[]) => {
    list.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "ru"));
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Every node of the forest, depth first, with its depth (for a flat, indented table). */
export function flattenTree(roots: OrganizationNode[]): { node: OrganizationNode; depth: number }[] {
  const out: { node: OrganizationNode; depth: number }[] = [];
  const walk = (list: OrganizationNode[], depth: number) => {
    for (const node of list) {
      out.push({ node, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}
