import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { ACTION_REGISTRY, type AnyActionDef } from "../../lib/actions/action";
import { checkCredentials, LOGIN_MAX_FAILURES } from "../../lib/auth/credentials";
// Every actions module of lib/, so that an action with a password field cannot be left out.
import.meta.glob(["../../lib/**/*actions.ts", "!../../lib/auth/actions.ts"], { eager: true });
import { hashInvitationToken } from "../../lib/members/tokens";
import { createMember, createOrganization, createUser, TEST_PASSWORD } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { acceptInvitation, changePassword, inviteMember } from "../../lib/members/actions";
import { as, call } from "../setup/call";

// Issue #12, finding 1 and its suite: every path that checks a password is counted by the one sign-in
// limiter (lib/auth/credentials.ts). Three checks: no source but the limiter verifies a password hash;
// every registered action that takes a password either goes through the limiter or is declared to create
// one; and the paths that exist today share one count.

const db = setupTestDatabase();

/** Actions whose password fields set a new password and check none, with the reason. */
const CREATES_PASSWORD: Record<string, string> = {
  "invitation.accept": "a new person's account is created with this password; an existing account is refused (it accepts signed in)",
  "password.reset": "the new password of a one-time e-mailed link; the link, not a password, proves who it is",
};

function inputKeys(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: { type: string; shape?: Record<string, unknown>; options?: z.ZodType[]; in?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  if (def.shape) return Object.keys(def.shape);
  if (def.options) return def.options.flatMap(inputKeys);
  if (def.in) return inputKeys(def.in);
  if (def.innerType) return inputKeys(def.innerType);
  return [];
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!["generated", "node_modules"].includes(entry.name)) out.push(...sourcesUnder(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe("who may check a password", () => {
  it("only the limiter verifies a password hash (lib/, app/, components/)", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders = ["lib", "app", "components"]
      .flatMap((d) => sourcesUnder(path.join(root, d)))
      .filter((file) => !file.endsWith(path.join("lib", "auth", "credentials.ts")) && !file.endsWith(path.join("lib", "auth", "password.ts")))
      .filter((file) => /\bverifyPassword\b|argon2\.verify|\bverify\s*\(/.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it("every action with a password field is reauthenticated through the limiter or declared to create a password", () => {
    const withPassword = [...ACTION_REGISTRY.values()].filter((def) => inputKeys(def.input).some((k) => /password/i.test(k)));
    expect(withPassword.map((d) => d.name).sort()).toEqual(expect.arrayContaining(["account.changePassword", "invitation.accept"]));
    const unaccounted = withPassword.filter((def: AnyActionDef) => !(def.scope === "user" && def.reauthenticate) && !CREATES_PASSWORD[def.name]).map((d) => d.name);
    expect(unaccounted).toEqual([]);
    for (const def of withPassword) {
      if (def.scope === "user" && def.reauthenticate) expect(inputKeys(def.input)).toContain(def.reauthenticate);
    }
  });
});

describe("one count for every path", () => {
  let org: { id: string; slug: string };
  let director: { id: string };
  beforeAll(async () => {
    org = await createOrganization(db().prisma);
    director = await createMember(db().prisma, org.id, ["DIRECTOR"]);
  });

  const tryPassword = (userId: string, currentPassword: string) =>
    call(changePassword, userId, { currentPassword, newPassword: "brand-new-pass-1", newPasswordRepeat: "brand-new-pass-1" });

  it("wrong current passwords in «Смена пароля» count as failed sign-ins and lock the sign-in form", async () => {
    const user = await createUser(db().prisma, { email: "change-guess@example.test" });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(await tryPassword(user.id, `guess-${i}`)).toMatchObject({ ok: false, error: { fieldErrors: { currentPassword: ["Неверный пароль."] } } });
    }
    expect(await db().prisma.loginAttempt.count({ where: { email: user.email, success: false } })).toBe(LOGIN_MAX_FAILURES);
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.20" })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("failed sign-ins lock «Смена пароля» too, even for the right current password, and nothing changes", async () => {
    const user = await createUser(db().prisma, { email: "login-guess@example.test" });
    for (let i = 0; i < LOGIN_MAX_FAILURES - 2; i++) await checkCredentials({ email: user.email, password: `guess-${i}`, ip: `198.51.100.${30 + i}` });
    await tryPassword(user.id, "guess-a");
    await tryPassword(user.id, "guess-b");
    const hashBefore = (await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const locked = await tryPassword(user.id, TEST_PASSWORD);
    expect(locked).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Слишком много неверных паролей. Повторите через 15 минут." } });
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
  });

  it("an invitation link to a locked (or any existing) account checks no password and answers the same to right and wrong ones", async () => {
    const victim = await createUser(db().prisma, { email: "locked-victim@example.test" });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await checkCredentials({ email: victim.email, password: `guess-${i}`, ip: "198.51.100.50" });
    const invited = await call(inviteMember, as(director), { org: org.slug, email: victim.email, role: "MENTOR" });
    expect(invited.ok).toBe(true);
    if (!invited.ok) return;
    const token = invited.data.path!.split("/").pop()!;
    const attemptsBefore = await db().prisma.loginAttempt.count({ where: { email: victim.email } });
    const answers = [];
    for (const password of ["wrong-1", TEST_PASSWORD, "wrong-2"]) answers.push(await call(acceptInvitation, null, { token, password }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await db().prisma.loginAttempt.count({ where: { email: victim.email } })).toBe(attemptsBefore);
    const invitation = await db().prisma.invitation.findUniqueOrThrow({ where: { tokenHash: hashInvitationToken(token) } });
    expect(invitation.acceptedAt).toBeNull();
    expect(await db().prisma.membership.count({ where: { userId: victim.id } })).toBe(0);
  });
});
