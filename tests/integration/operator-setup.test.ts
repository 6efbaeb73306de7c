import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { checkCredentials } from "../../lib/auth/credentials";
import { hashOneTimeToken } from "../../lib/auth/one-time-token";
import { now } from "../../lib/clock";
import type { OutgoingEmail } from "../../lib/reminders/mailer";
import { NO_PASSWORD, SETUP_LINK_TTL_MS, setupPlatform } from "../../lib/operator/setup-platform";
import { createOrganization } from "../factories";
import { onPostgres, setupTestDatabase } from "../setup/database";
import { call } from "../setup/call";
import { resetPassword } from "../../lib/auth/password-reset-actions";

// `npm run setup -- --operator-email ADDRESS` (decision 018): the operator and the one-time link to set the
// password, once; a second run is refused and changes nothing.
const db = setupTestDatabase();
const APP_URL = "https://nastavnik.example.ru";

describe("setupPlatform", () => {
  it("creates the operator without a usable password and a 7-day one-time link, mails it, and refuses a second run", async () => {
    const letters: OutgoingEmail[] = [];
    const transport = { send: async (e: OutgoingEmail) => void letters.push(e) };
    const first = await setupPlatform({ db: db(), email: "operator@region.test", appUrl: `${APP_URL}/`, smtp: null, transport });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.link).toMatch(/^https:\/\/nastavnik\.example\.ru\/reset-password\/[A-Za-z0-9_-]{43}$/);
    expect(first.mailed).toBe(true);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ to: "operator@region.test", subject: "Учётная запись оператора — Наставник" });
    expect(letters[0]!.text).toContain(first.link);
    const prisma = db().prisma;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "operator@region.test" } });
    expect(user).toMatchObject({ isOperator: true, passwordHash: NO_PASSWORD });
    const token = first.link.split("/").pop()!;
    const reset = await prisma.passwordResetRequest.findUniqueOrThrow({ where: { tokenHash: hashOneTimeToken(token) } });
    expect(reset.userId).toBe(user.id);
    expect(Math.abs(reset.expiresAt!.getTime() - now().getTime() - SETUP_LINK_TTL_MS)).toBeLessThan(60_000);
    // No password works before the link is used.
    expect((await checkCredentials({ email: "operator@region.test", password: NO_PASSWORD, ip: "127.0.0.9" })).ok).toBe(false);

    const snapshot = async () => ({
      users: await prisma.user.count(),
      resets: await prisma.passwordResetRequest.count(),
      organizations: await prisma.organization.count(),
    });
    const before = await snapshot();
    const second = await setupPlatform({ db: db(), email: "someone.else@region.test", appUrl: APP_URL, smtp: null, transport });
    expect(second).toMatchObject({ ok: false, reason: "alreadySetUp", message: expect.stringContaining("Платформа уже настроена") });
    expect(await snapshot()).toEqual(before);
    expect(letters).toHaveLength(1);

    // The link is a password-reset link: it sets the password once; then the operator signs in.
    const set = await call(resetPassword, null, { token, password: "operator-password-1", passwordRepeat: "operator-password-1" });
    expect(set).toMatchObject({ ok: true });
    expect((await checkCredentials({ email: "operator@region.test", password: "operator-password-1", ip: "127.0.0.9" })).ok).toBe(true);
    expect(await call(resetPassword, null, { token, password: "another-password-2", passwordRepeat: "another-password-2" })).toMatchObject({ ok: false });
  });

  it("refuses a database that already has organizations (e.g. the demo), without creating anything", async () => {
    await db().prisma.user.updateMany({ data: { isOperator: false } });
    await createOrganization(db().prisma, { kind: "MUNICIPALITY" });
    const users = await db().prisma.user.count();
    const res = await setupPlatform({ db: db(), email: "late@region.test", appUrl: APP_URL, smtp: null });
    expect(res).toMatchObject({ ok: false, reason: "alreadySetUp" });
    expect(await db().prisma.user.count()).toBe(users);
  });
});

/** Runs `npm run setup` (tsx lib/cli/setup.ts) as a separate process. */
function runSetup(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/setup.ts", ...args], { cwd: path.resolve(__dirname, "../.."), env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe.runIf(onPostgres)("npm run setup on an empty PostgreSQL database", () => {
  it("migrates, prints the link, and refuses a second run with a Russian message and a non-zero exit, changing nothing", async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = `nastavnik_setup_${randomBytes(5).toString("hex")}`;
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const adminClient = new pg.Client({ connectionString: admin });
    await adminClient.connect();
    await adminClient.query(`CREATE DATABASE ${name}`);
    try {
      const env = { DATABASE_URL: url.toString(), APP_URL, SMTP_URL: "", SMTP_HOST: "" };
      const usage = await runSetup([], env);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain("Не указан адрес оператора");
      const noUrl = await runSetup(["--operator-email", "operator@region.test"], { ...env, APP_URL: "", AUTH_URL: "" });
      expect(noUrl.code).toBe(2);
      expect(noUrl.stderr).toContain("APP_URL не задан");

      const first = await runSetup(["--operator-email", "Operator@Region.test"], env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/https:\/\/nastavnik\.example\.ru\/reset-password\/[A-Za-z0-9_-]{43}\n/);
      expect(first.stdout).toContain("SMTP не настроен");
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const state = async () => (await client.query(`SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "PasswordResetRequest")::int AS resets, (SELECT count(*) FROM "Organization")::int AS orgs, (SELECT string_agg(email || ':' || "isOperator", ',') FROM "User") AS who`)).rows[0];
        const before = await state();
        expect(before).toEqual({ users: 1, resets: 1, orgs: 0, who: "operator@region.test:true" });
        const second = await runSetup(["--operator-email", "other@region.test"], env);
        expect(second.code).toBe(1);
        expect(second.stderr).toContain("Платформа уже настроена");
        expect(second.stdout).not.toContain("reset-password");
        expect(await state()).toEqual(before);
      } finally {
        await client.end();
      }
    } finally {
      await adminClient.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await adminClient.end();
    }
  }, 120_000);
});
