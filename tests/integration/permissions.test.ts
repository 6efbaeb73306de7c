import { now } from "../../lib/clock";
import { DEFAULT_TIME_ZONE, isoToday } from "../../lib/domain/local-date";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTION_REGISTRY, runAction, type AnyActionDef } from "../../lib/actions/action";
import { PERMISSIONS } from "../../lib/auth/permissions";
import { ROLES, type AppRole } from "../../lib/auth/roles";
// Every actions module of lib/, found by name, so a new one cannot be left out of the matrix.
// (lib/auth/actions.ts only composes registered actions with next-auth's signIn; it defines none.)
import.meta.glob(["../../lib/**/*actions.ts", "!../../lib/auth/actions.ts"], { eager: true });
import { createMember, createOrganization } from "../factories";
import { synthesize } from "../security/payloads";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
const users = new Map<AppRole, { id: string }>();
let org: { slug: string };

beforeAll(async () => {
  const organization = await createOrganization(db().prisma);
  org = organization;
  for (const role of ROLES) users.set(role, await createMember(db().prisma, organization.id, [role]));
});

const tenantActions = [...ACTION_REGISTRY.values()].filter((d): d is Extract<AnyActionDef, { scope: "tenant" }> => d.scope === "tenant");

/** Every `defineAction({ name: "…" })` written anywhere in lib/ (not only in files the glob above finds). */
function actionNamesInSource(): string[] {
  const root = path.resolve(__dirname, "../../lib");
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        const text = readFileSync(full, "utf8");
        for (const m of text.matchAll(/defineAction\(\s*\{\s*name:\s*"([^"]+)"/g)) names.push(m[1]!);
      }
    }
  };
  walk(root);
  return names;
}

describe("the action registry", () => {
  it("holds every action defined in lib/ (a module left out of the glob is caught), each with a known scope and permission", () => {
    const inSource = actionNamesInSource();
    // The scan itself works: it finds the actions, and no name twice.
    expect(inSource.length).toBeGreaterThan(50);
    expect(new Set(inSource).size).toBe(inSource.length);
    expect([...ACTION_REGISTRY.keys()].sort()).toEqual([...inSource].sort());
    for (const def of ACTION_REGISTRY.values()) expect(["tenant", "user", "public", "operator"]).toContain(def.scope);
    for (const def of tenantActions) expect(Object.keys(PERMISSIONS)).toContain(def.permission);
  });
});

const FORBIDDEN_MESSAGE = "Недостаточно прав для этого действия.";
/** A payload the action's schema accepts (random ids): a denied role must be refused before validation. */
const plausible = (def: AnyActionDef) =>
  synthesize(def.input, { org: org.slug, id: () => undefined, hint: (key) => (key === "expectedStage" || key === "version" ? 1 : undefined), today: isoToday(DEFAULT_TIME_ZONE, now()) });

describe.each(tenantActions.map((d) => [d.name, d] as const))("%s: allow/deny for every role", (_name, def) => {
  it.each(ROLES.map((r) => [r]))("%s", async (role) => {
    const allowed = (PERMISSIONS[def.permission] as readonly AppRole[]).includes(role);
    // Empty input: an allowed role gets past the permission check and fails validation instead.
    const res = await runAction(def, users.get(role)!.id, { org: org.slug });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    if (allowed) expect(res.error.code).toBe("VALIDATION");
    else expect(res.error).toMatchObject({ code: "FORBIDDEN", message: FORBIDDEN_MESSAGE });
    // A well-formed request changes nothing about a denial; an allowed role is never refused for its role.
    const full = await runAction(def, users.get(role)!.id, plausible(def));
    if (allowed) expect(full.ok || full.error.message !== FORBIDDEN_MESSAGE || full.error.code !== "FORBIDDEN", JSON.stringify(full)).toBe(true);
    else expect(full).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
  });

  it("all the denied roles held together are still denied", async () => {
    const denied = ROLES.filter((r) => !(PERMISSIONS[def.permission] as readonly AppRole[]).includes(r));
    if (denied.length === 0) return;
    const prisma = db().prisma;
    const organization = await prisma.organization.findUniqueOrThrow({ where: { slug: org.slug } });
    const user = await createMember(prisma, organization.id, denied);
    expect(await runAction(def, user.id, plausible(def))).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
  });
});

// The platform operator's actions (decision 018): refused to every role of an organization, and to all of
// them held together, before validation; an operator gets past the check (and fails validation instead).
const operatorActions = [...ACTION_REGISTRY.values()].filter((d) => d.scope === "operator");
describe.each(operatorActions.map((d) => [d.name, d] as const))("%s: the operator's alone", (_name, def) => {
  it("refuses every organization role, and all of them together", async () => {
    expect(operatorActions.length).toBeGreaterThanOrEqual(5);
    const prisma = db().prisma;
    const organization = await prisma.organization.findUniqueOrThrow({ where: { slug: org.slug } });
    const everyRole = await createMember(prisma, organization.id, [...ROLES]);
    for (const user of [...users.values(), everyRole]) {
      expect(await runAction(def, user.id, {})).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
      expect(await runAction(def, user.id, plausible(def))).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: FORBIDDEN_MESSAGE } });
    }
    const operator = await prisma.user.update({ where: { id: (await createMember(prisma, organization.id, [])).id }, data: { isOperator: true } });
    expect(await runAction(def, operator.id, {})).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
  });
});

// Cross-tenant refusals (other schools, another municipality, the district office) are the generated
// suite tests/integration/security-cross-tenant.test.ts.

describe("user and public actions need no organization role", () => {
  it("refuse a missing session (user scope)", async () => {
    for (const def of ACTION_REGISTRY.values()) {
      if (def.scope !== "user") continue;
      expect(await runAction(def, null, {})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
  });
});
