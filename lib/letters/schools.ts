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
