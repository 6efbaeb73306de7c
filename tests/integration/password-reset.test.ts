import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkCredentials, LOGIN_MAX_FAILURES } from "../../lib/auth/credentials";
import { openSession } from "../../lib/auth/sessions";
import { createUser, TEST_PASSWORD } from "../factories";
import { now } from "../../lib/clock";
import { setupTestDatabase } from "../setup/database";
import { call } from "../setup/call";
import { letterText, startSmtpSink } from "../setup/mail";
import { requestPasswordReset, resetPassword } from "../../lib/auth/password-reset-actions";

// Password reset by e-mail (issue #13 item 5) against a real SMTP server on loopback (smtp-server):
// the same answer for unknown addresses, a hashed one-hour one-time link, limits like sign-in, every
// session ended after a reset.
const db = setupTestDatabase();

const letters: { to: string; text: string }[] = [];
let sink: SMTPServer;
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };

beforeAll(async () => {
  sink = await startSmtpSink(0, ({ to, raw }) => letters.push({ to: to.join(","), text: raw }));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
  process.env.APP_URL = "https://nastavnik.example.ru";
});

afterAll(async () => {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

beforeEach(async () => {
  letters.length = 0;
  await db().prisma.passwordResetRequest.deleteMany();
});

/** The link from the last letter to an address. */
function linkFor(email: string): string {
  const letter = [...letters].reverse().find((l) => l.to === email);
  expect(letter, `a letter to ${email}`).toBeTruthy();
  const text = letterText(letter!.text);
  const match = /https:\/\/nastavnik\.example\.ru\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text);
  expect(match, "a reset link in the letter").toBeTruthy();
  return match![1]!;
}

describe("password.requestReset", () => {
  it("answers the same for an unknown and a known address; only the known one gets a letter, with a hashed one-hour token", async () => {
    const user = await createUser(db().prisma, { email: "forgetful@example.test" });
    const unknown = await call(requestPasswordReset, null, { email: "nobody@example.test" });
    const known = await call(requestPasswordReset, null, { email: " Forgetful@Example.test " });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ ok: true, data: { sent: true } });
    expect(letters.map((l) => l.to)).toEqual([user.email]);
    const token = linkFor(user.email);
    const rows = await db().prisma.passwordResetRequest.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.email, r.userId, r.tokenHash === null])).toEqual([
      ["nobody@example.test", null, true],
      [user.email, user.id, false],
    ]);
    expect(rows[1]!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(rows[1]!.expiresAt!.getTime() - rows[1]!.createdAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("writes the letter in the account's language: Russian by default, English for an account that chose it", async () => {
    const ru = await createUser(db().prisma, { email: "ru-reader@example.test" });
    const en = await createUser(db().prisma, { email: "en-reader@example.test" });
    await db().prisma.user.update({ where: { id: en.id }, data: { locale: "en" } });
    await call(requestPasswordReset, null, { email: ru.email });
    await call(requestPasswordReset, null, { email: en.email });
    const text = (email: string) => letterText(letters.find((l) => l.to === email)!.text);
    expect(text(ru.email)).toContain("Кто-то (возможно, вы) попросил восстановить пароль");
    expect(text(en.email)).toContain("Someone (perhaps you) asked to reset the password");
    expect(text(en.email)).not.toMatch(/\p{Script=Cyrillic}/u);
    expect(linkFor(en.email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it(`is limited like sign-in: after ${LOGIN_MAX_FAILURES} requests in the window no more letters, and the answer does not change`, async () => {
    const user = await createUser(db().prisma, { email: "spammed@example.test" });
    const answers = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES + 2; i++) answers.push(await call(requestPasswordReset, null, { email: user.email }));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(letters.length).toBe(LOGIN_MAX_FAILURES);
  });

  it("bad input gets a Russian message and writes nothing; without SMTP and APP_URL it is refused as not set up", async () => {
    expect(await call(requestPasswordReset, null, { email: "не-почта" })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const url = process.env.APP_URL;
    delete process.env.APP_URL;
    try {
      expect(await call(requestPasswordReset, null, { email: "forgetful@example.test" })).toMatchObject({
        ok: false,
        error: { message: "Восстановление пароля по почте не настроено. Обратитесь к руководителю или куратору своей организации." },
      });
    } finally {
      process.env.APP_URL = url;
    }
    expect(await db().prisma.passwordResetRequest.count()).toBe(0);
    expect(letters).toEqual([]);
  });
});

describe("password.reset", () => {
  it("sets the new password once, ends every session, and lifts a sign-in lock of the account", async () => {
    const user = await createUser(db().prisma, { email: "reset-me@example.test" });
    const session = await openSession(user.id);
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await checkCredentials({ email: user.email, password: `guess-${i}`, ip: `192.0.2.${i}` });
    await call(requestPasswordReset, null, { email: user.email });
    const token = linkFor(user.email);

    const differ = await call(resetPassword, null, { token, password: "a-new-password-1", passwordRepeat: "a-new-password-2" });
    expect(differ).toMatchObject({ ok: false, error: { fieldErrors: { passwordRepeat: ["Пароли не совпадают."] } } });
    const res = await call(resetPassword, null, { token, password: "a-new-password-1", passwordRepeat: "a-new-password-1" });
    expect(res).toEqual({ ok: true, data: { email: user.email } });

    expect((await db().prisma.userSession.findUniqueOrThrow({ where: { id: session } })).revokedAt).not.toBeNull();
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.9" })).toEqual({ ok: false, reason: "invalid" });
    expect((await checkCredentials({ email: user.email, password: "a-new-password-1", ip: "198.51.100.9" })).ok).toBe(true);

    const again = await call(resetPassword, null, { token, password: "a-third-password", passwordRepeat: "a-third-password" });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await checkCredentials({ email: user.email, password: "a-new-password-1", ip: "198.51.100.9" })).ok).toBe(true);
  });

  it("refuses expired, forged and malformed links without changing anything", async () => {
    const user = await createUser(db().prisma, { email: "late@example.test" });
    await call(requestPasswordReset, null, { email: user.email });
    const token = linkFor(user.email);
    await db().prisma.passwordResetRequest.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(now().getTime() - 1000) } });
    const hashBefore = (await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    for (const t of [token, "A".repeat(43), "short", ""]) {
      const res = await call(resetPassword, null, { token: t, password: "a-new-password-1", passwordRepeat: "a-new-password-1" });
      expect(res.ok, t).toBe(false);
    }
    expect((await db().prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
  });
});
