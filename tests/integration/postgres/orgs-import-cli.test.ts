// `npm run orgs:import -- [--into PARENT_SLUG] FILE` as an operator runs it: a real process (tsx) against a
// fresh PostgreSQL database of TEST_DATABASE_URL; the last line of stdout is the JSON result.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "../../../lib/db/database";
import { applyMigrations } from "../../../lib/db/migrate";
import { createOrganization, createUser } from "../../factories";
import { nthInn } from "../../fixtures/registry/numbers";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const adminUrl = process.env.TEST_DATABASE_URL ?? "";
const name = `orgs_import_test_${randomBytes(6).toString("hex")}`;
const url = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
})();
const fixture = (file: string) => path.join(repoRoot, "tests/fixtures/registry", file);
const tmp = mkdtempSync(path.join(tmpdir(), "orgs-import-"));
let db: Database;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type Run = { code: number | null; stdout: string; stderr: string; json: { created: number; slugs: string[]; refused: { row: number; reason: string }[] } | null };

function orgsImport(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(repoRoot, "node_modules/.bin/tsx"), ["lib/registry/cli.ts", ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let json: Run["json"] = null;
      try {
        json = JSON.parse(last);
      } catch {
        json = null;
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}

const csvFile = (fileName: string, text: string) => {
  const file = path.join(tmp, fileName);
  writeFileSync(file, text);
  return file;
};

let district: { id: string; slug: string };
let school: { slug: string };

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  db = await openPostgres(url, { maxConnections: 2 });
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: true }));
  district = await createOrganization(db.prisma, { kind: "MUNICIPALITY", slug: "blagodarnensky", name: "Благодарненский муниципальный округ" });
  school = await createOrganization(db.prisma, { parentId: district.id, slug: "existing-school", name: "Существующая школа" });
}, 60_000);

afterAll(async () => {
  await db?.close();
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(tmp, { recursive: true, force: true });
});

const countUnder = (parentId: string) => db.prisma.organization.count({ where: { parentId } });

describe("npm run orgs:import", () => {
  it("refuses to run while the platform has no operator", async () => {
    const run = await orgsImport(["--into", district.slug, fixture("municipal-office.xlsx")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("На платформе нет оператора: сначала создайте его командой npm run setup");
    expect(run.json).toEqual({ created: 0, slugs: [], refused: [{ row: 0, reason: expect.stringContaining("нет оператора") }] });
    expect(await countUnder(district.id)).toBe(1);
  }, 60_000);

  it("answers usage, an unknown parent and a school as parent with clear messages", async () => {
    const user = await createUser(db.prisma, { email: "operator@platform.example" });
    await db.prisma.user.update({ where: { id: user.id }, data: { isOperator: true } });
    const usage = await orgsImport([]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Использование: npm run orgs:import");
    const unknown = await orgsImport(["--into", "no-such-district", fixture("municipal-office.xlsx")]);
    expect(unknown.code).toBe(1);
    expect(unknown.json?.refused).toEqual([{ row: 0, reason: "Организация с адресом «no-such-district» не найдена: проверьте --into." }]);
    const intoSchool = await orgsImport(["--into", school.slug, fixture("municipal-office.xlsx")]);
    expect(intoSchool.code).toBe(1);
    expect(intoSchool.json?.refused[0]?.reason).toContain("в неё нельзя добавлять организации");
  }, 90_000);

  it("creates nothing from a list with errors and names every refused row", async () => {
    const run = await orgsImport(["--into", district.slug, fixture("hand-typed-errors.csv")]);
    expect(run.code).toBe(1);
    expect(run.json?.created).toBe(0);
    expect([...new Set(run.json?.refused.map((r) => r.row))]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(run.stdout).toContain("Строка 2: ИНН «");
    expect(await countUnder(district.id)).toBe(1);
  }, 60_000);

  it("imports the office's list into the district as the operator, invitations queued", async () => {
    const run = await orgsImport(["--into", district.slug, fixture("municipal-office-cp1251.csv")]);
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ created: 6, slugs: ["sosh-1", "sosh-2", "oosh-14", "d-s-5", "do-ddt", "bat"], refused: [] });
    expect(run.stdout).toContain("Создано организаций: 6 в «Благодарненский муниципальный округ» (от имени оператора operator@platform.example).");
    expect(await countUnder(district.id)).toBe(7);
    const operator = await db.prisma.user.findUniqueOrThrow({ where: { email: "operator@platform.example" } });
    expect(await db.prisma.invitation.count({ where: { invitedById: operator.id, emailStatus: "QUEUED", role: "DIRECTOR" } })).toBe(4);
    expect(await db.prisma.auditEvent.count({ where: { organizationId: district.id, action: "registry.import", actorId: operator.id } })).toBe(1);
    // The same file again: every ИНН is taken now, nothing more is created.
    const again = await orgsImport(["--into", district.slug, fixture("municipal-office.xlsx")]);
    expect(again.code).toBe(1);
    expect(again.json?.refused[0]).toEqual({ row: 2, reason: `организация с ИНН ${nthInn("26050", 101)} уже зарегистрирована` });
    expect(await countUnder(district.id)).toBe(7);
  }, 90_000);

  it("creates top-level regions and municipalities without --into, and refuses a school there", async () => {
    const school = await orgsImport([csvFile("top.csv", "Полное наименование;Вид\nМинистерство образования Северного края;регион\nШкола без округа;школа\n")]);
    expect(school.code).toBe(1);
    expect(school.json?.refused).toEqual([{ row: 3, reason: expect.stringContaining("без вышестоящей организации создаются только регионы и муниципалитеты") }]);
    expect(await db.prisma.organization.count({ where: { name: "Министерство образования Северного края" } })).toBe(0);
    const run = await orgsImport([
      csvFile("top-ok.csv", "Полное наименование;Краткое наименование;Вид;E-mail руководителя\nМинистерство образования Северного края;Минобр Северного края;регион;minister@north.example\nУправление образования г. Полярного;УО Полярный;муниципалитет;\n"),
    ]);
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ created: 2, slugs: ["minobr-severnogo-kraya", "uo-polyarniy"], refused: [] });
    const region = await db.prisma.organization.findUniqueOrThrow({ where: { slug: "minobr-severnogo-kraya" }, include: { invitations: true } });
    expect(region).toMatchObject({ kind: "REGION", parentId: null });
    expect(region.invitations).toEqual([expect.objectContaining({ role: "MUNICIPAL_HEAD", email: "minister@north.example", emailStatus: "QUEUED" })]);
  }, 90_000);
});
