import { describe, expect, expectTypeOf, it } from "vitest";
import type { Role } from "../db";
import { hasPermission, INVITABLE_ROLES, invitableRoles, PERMISSIONS } from "./permissions";
import { MUNICIPAL_ROLES, ROLES, SCHOOL_ROLES, type AppRole } from "./roles";

describe("roles", () => {
  it("are exactly the database enum", () => {
    expectTypeOf<AppRole>().toEqualTypeOf<Role>();
    expect([...SCHOOL_ROLES, ...MUNICIPAL_ROLES].sort()).toEqual([...ROLES].sort());
  });
});

describe("permission table", () => {
  it("every permission names at least one known role", () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      expect(roles.length, permission).toBeGreaterThan(0);
      for (const role of roles) expect(ROLES).toContain(role);
    }
  });

  it("any held role that grants a permission is enough", () => {
    expect(hasPermission(["MENTOR"], "members.invite")).toBe(false);
    expect(hasPermission(["MENTOR", "CURATOR"], "members.invite")).toBe(true);
    expect(hasPermission([], "organization.view")).toBe(false);
  });

  it("only roles with members.invite can hand out roles, and only roles of their own level", () => {
    for (const role of ROLES) {
      const grants = INVITABLE_ROLES[role];
      if (grants.length) expect(hasPermission([role], "members.invite"), role).toBe(true);
      const level: readonly AppRole[] = (SCHOOL_ROLES as readonly AppRole[]).includes(role) ? SCHOOL_ROLES : MUNICIPAL_ROLES;
      for (const g of grants) expect(level, `${role} → ${g}`).toContain(g);
    }
    expect(invitableRoles(["CURATOR"])).toEqual(["MENTOR", "MENTEE"]);
    expect(invitableRoles(["CURATOR", "DIRECTOR"]).sort()).toEqual(["CURATOR", "DIRECTOR", "MENTEE", "MENTOR", "PSYCHOLOGIST"]);
  });
});
