import "server-only";
import type { Tx } from "../db";

/** The office's own schools (a region: the schools of its municipalities), not archived. */
export async function officeSchoolIds(tx: Tx, office: { id: string; kind: string }): Promise<string[]> {
  const where =
    office.kind === "REGION"
      ? { kind: "SCHOOL" as const, archivedAt: null, parent: { parentId: office.id, kind: "MUNICIPALITY" as const } }
      : { kind: "SCHOOL" as const, archivedAt: null, parentId: office.id };
  return (await tx.organization.findMany({ where, select: { id: true }, orderBy: { name: "asc" } })).map((o) => o.id);
}
