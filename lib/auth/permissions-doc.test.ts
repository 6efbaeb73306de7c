import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";

// docs/domain.md «Roles» prints the permission table with the tenant actions that use each permission. This keeps
// the page true to the code: a permission, a role's mark or an action added, moved or removed here fails until the
// page says the same.

const root = path.resolve(__dirname, "../..");
const HINT = "update the permission table in docs/domain.md «Roles» (CONTRIBUTING.md «Adding an action», step 2)";

/** Every tenant action written in lib/ as `defineAction({ name, scope: "tenant", permission })`, by permission. */
function actionsByPermission(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")) {
        const text = readFileSync(full, "utf8");
        for (const m of text.matchAll(/defineAction\(\s*\{\s*name:\s*"([^"]+)",\s*scope:\s*"tenant",\s*permission:\s*"([^"]+)"/g)) {
          out.set(m[2]!, [...(out.get(m[2]!) ?? []), m[1]!]);
        }
      }
    }
  };
  walk(path.join(root, "lib"));
  return out;
}

/** The table's rows: permission → marks per role (in ROLES order) and the actions named. */
function documentedRows(): Map<string, { marks: string[]; actions: string[] }> {
  const text = readFileSync(path.join(root, "docs/domain.md"), "utf8");
  const rows = new Map<string, { marks: string[]; actions: string[] }>();
  for (const line of text.split("\n")) {
    const m = line.match(/^\| `([a-zA-Z]+\.[a-zA-Z]+)` \|(.*)\|$/);
    if (!m) continue;
    const cells = m[2]!.split("|").map((c) => c.trim());
    if (cells.length !== ROLES.length + 1) continue;
    const actions = [...cells[ROLES.length]!.matchAll(/`([^`]+)`/g)].map((a) => a[1]!);
    rows.set(m[1]!, { marks: cells.slice(0, ROLES.length), actions });
  }
  return rows;
}

describe("docs/domain.md «Roles»: the permission table", () => {
  const rows = documentedRows();
  const actions = actionsByPermission();

  it("lists every permission of lib/auth/permissions.ts once, in its order, and no other", () => {
    expect([...rows.keys()], HINT).toEqual(Object.keys(PERMISSIONS));
  });

  it.each(Object.entries(PERMISSIONS))("%s: the roles marked ✓ are the roles allowed", (permission, allowed) => {
    const expected = ROLES.map((role) => ((allowed as readonly string[]).includes(role) ? "✓" : "·"));
    expect(rows.get(permission)?.marks, HINT).toEqual(expected);
  });

  it.each(Object.keys(PERMISSIONS))("%s: the actions named are the tenant actions that use it", (permission) => {
    expect([...(rows.get(permission)?.actions ?? [])].sort(), HINT).toEqual([...(actions.get(permission) ?? [])].sort());
  });
});
