import "server-only";
import type { Tx } from "../db";

/** The filter of the office's own schools (a region: the schools of its municipalities), not archived. */
export function officeSchoolsWhere(office: { id: string; kind: string }) {
  return office.kind === "REGION"
    ? { kind: "SCHOOL" as const, archivedAt: null, parent: { parentId: office.id, kind: "MUNICIPALITY" as const } }
    : { kind: "SCHOOL" as const, archivedAt: null, parentId: office.id };
}

/** The office's own schools' ids, by name. */
export async function officeSchoolIds(tx: Tx, office: { id: string; kind: string }): Promise<string[]> {
  return (await tx.organization.findMany({ where: officeSchoolsWhere(office), select: { id: true }, orderBy: { name: "asc" } })).map((o) => o.id);
}

const collator = new Intl.Collator("ru", { numeric: true });

/**
 * The office's schools as its consolidations list them (a campaign's answers, a deadline's marks): the short name,
 * for a region the municipality, sorted by municipality and name in Russian order.
 */
export async function officeSchoolRows(tx: Tx, office: { id: string; kind: string }): Promise<{ id: string; name: string; municipality: string | null }[]> {
  const found = await tx.organization.findMany({ where: officeSchoolsWhere(office), select: { id: true, name: true, shortName: true, parent: { select: { name: true, kind: true } } } });
  const rows = found.map((o) => ({
    id: o.id,
    name: o.shortName ?? o.name,
    // A region consolidates its municipalities: its rows name the municipality.
    municipality: office.kind === "REGION" && o.parent?.kind === "MUNICIPALITY" ? o.parent.name : null,
  }));
  return rows.sort((a, b) => collator.compare(a.municipality ?? "", b.municipality ?? "") || collator.compare(a.name, b.name));
}

