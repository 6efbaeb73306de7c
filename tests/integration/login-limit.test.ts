import { now } from "../../lib/clock";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCredentials, LOGIN_MAX_FAILURES } from "../../lib/auth/credentials";
import { createUser, TEST_PASSWORD } from "../factories";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();
let ip = 0;
const freshIp = () => `10.0.0.${++ip}`;

describe("checkCredentials", () => {
  let email: string;
  beforeAll(async () => {
    email = (await createUser(db().prisma, { email: "limit@example.test" })).email;
  });

  it("accepts the right password (email case and spaces ignored) and records the attempt", async () => {
    const res = await checkCredentials({ email: "  LIMIT@example.test ", password: TEST_PASSWORD, ip: freshIp() });
    expect(res).toMatchObject({ ok: true, user: { email } });
    expect(await db().prisma.loginAttempt.count({ where: { email, success: true } })).toBe(1);
  });

  it("answers the same for a wrong password and an unknown email", async () => {
    expect(await checkCredentials({ email, password: "wrong", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials({ email: "nobody@example.test", password: "wrong", ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
  });

  it(`locks an account after ${LOGIN_MAX_FAILURES} failures, even for the right password, from any address`, async () => {
    const user = await createUser(db().prisma, { email: "victim@example.test" });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      expect(await checkCredentials({ email: user.email, password: `guess-${i}`, ip: freshIp() })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await checkCredentials({ email: user.email, password: TEST_PASSWORD, ip: freshIp() })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("locks an unknown email the same way, so the answer reveals nothing", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await checkCredentials({ email: "ghost@example.test", password: "x", ip: freshIp() });
    expect(await checkCredentials({ email: "ghost@example.test", password: "x", ip: freshIp() })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("locks an address that failed on many accounts, but not other addresses", async () => {
    const address = freshIp();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await checkCredentials({ email: `spray-${i}@example.test`, password: "x", ip: address });
    const good = await createUser(db().prisma, { email: "good@example.test" });
    expect(await checkCredentials({ email: good.email, password: TEST_PASSWORD, ip: address })).toEqual({ ok: false, reason: "rate_limited" });
    expect((await checkCredentials({ email: good.email, password: TEST_PASSWORD, ip: freshIp() })).ok).toBe(true);
  });

  it("forgets failures older than the window", async () => {
    const user = await createUser(db().prisma, { email: "old@example.test" });
    const longAgo = new Date(now().getTime() - 16 * 60 * 1000);
    await db().prisma.loginAttempt.createMany({
      data: Array.from({ length: LOGIN_MAX_FAILURES }, () => ({ email: user.email, ip: "192.0.2.1", success: false, createdAt: longAgo })),
    });
    expect((await checkCredentials({ email: user.email, password: TEST_PASSWORD, ip: freshIp() })).ok).toBe(true);
  });
});
