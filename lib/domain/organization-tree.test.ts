import { describe, expect, it } from "vitest";
import { buildOrganizationTree, flattenTree, headStatus, type OrganizationRow } from "./organization-tree";

const row = (id: string, kind: OrganizationRow["kind"], parentId: string | null, name: string): OrganizationRow => ({
  id, kind, parentId, name, schoolKind: kind === "SCHOOL" ? "GENERAL" : null, slug: id, shortName: null, place: null,
  timeZone: "Europe/Moscow", archivedAt: null, createdAt: new Date("2026-12-01T00:00:00Z"),
});

describe("headStatus", () => {
  it("is joined when a head is a member, invited when only an invitation is pending, else none", () => {
    expect(headStatus({ heads: 1, pendingInvitations: 1 })).toBe("joined");
    expect(headStatus({ heads: 0, pendingInvitations: 2 })).toBe("invited");
    expect(headStatus({ heads: 0, pendingInvitations: 0 })).toBe("none");
    expect(headStatus(undefined)).toBe("none");
  });
});

describe("buildOrganizationTree", () => {
  it("nests region → municipality → school, offices before schools, names in Russian order, orphans at the root", () => {
    const rows = [
      row("s2", "SCHOOL", "m1", "Школа Я"),
      row("s1", "SCHOOL", "m1", "Школа А"),
      row("rs", "SCHOOL", "r1", "Аграрный колледж"),
      row("m1", "MUNICIPALITY", "r1", "Левокумский округ"),
      row("r1", "REGION", null, "Ставропольский край"),
      row("m0", "MUNICIPALITY", null, "Город без региона"),
      row("lost", "SCHOOL", "gone", "Потерянная школа"),
    ];
    const tree = buildOrganizationTree(rows, [{ organizationId: "m1", heads: 1, pendingInvitations: 0, members: 3 }]);
    expect(flattenTree(tree).map(({ node, depth }) => `${depth}:${node.id}`)).toEqual(["0:r1", "1:m1", "2:s1", "2:s2", "1:rs", "0:m0", "0:lost"]);
    const m1 = tree[0]!.children[0]!;
    expect(m1).toMatchObject({ headStatus: "joined", members: 3 });
    expect(tree[0]).toMatchObject({ headStatus: "none", members: 0 });
  });
});
