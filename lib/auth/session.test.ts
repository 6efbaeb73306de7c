import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The session cookie is decrypted by getSessionIds alone (no Auth.js round trip): these are the checks it
// must keep — the cookie's own name as the key's salt, the secrets with rotation, expiry, the ids' form.
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [...jar].map(([name, value]) => ({ name, value })) }),
}));
vi.mock("react", async (importOriginal) => ({ ...(await importOriginal<typeof import("react")>()), cache: <T>(fn: T) => fn }));

const SECRET = "a-secret-of-the-test-0123456789abcdef";
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";
const uid = "0b0e8a4e-7f0c-4b3a-9d3e-2a1f5c6d7e8f";
const sid = "1c1f9b5f-8a1d-4c4b-8e4f-3b2a6d7e8f90";

async function token(salt: string, claims: Record<string, unknown> = { uid, sid }, options: { secret?: string; maxAge?: number } = {}) {
  return encode({ token: claims, secret: options.secret ?? SECRET, salt, maxAge: options.maxAge });
}

async function ids() {
  const { getSessionIds } = await import("./session");
  return getSessionIds();
}

describe("getSessionIds", () => {
  beforeEach(() => {
    jar.clear();
    vi.stubEnv("AUTH_SECRET", SECRET);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("reads the user and the session from the plain cookie and from the HTTPS one", async () => {
    jar.set(PLAIN, await token(PLAIN));
    expect(await ids()).toEqual({ userId: uid, sessionId: sid });
    jar.clear();
    jar.set(SECURE, await token(SECURE));
    expect(await ids()).toEqual({ userId: uid, sessionId: sid });
  });

  it("reads a cookie Auth.js split into chunks", async () => {
    const value = await token(PLAIN);
    jar.set(`${PLAIN}.0`, value.slice(0, 100));
    jar.set(`${PLAIN}.1`, value.slice(100));
    expect(await ids()).toEqual({ userId: uid, sessionId: sid });
  });

  it("refuses a token moved to the other cookie name, another secret's token, an expired or garbled one", async () => {
    jar.set(PLAIN, await token(SECURE));
    expect(await ids()).toBeNull();
    jar.set(PLAIN, await token(PLAIN, { uid, sid }, { secret: "another-secret-0123456789abcdef-xyz" }));
    expect(await ids()).toBeNull();
    jar.set(PLAIN, await token(PLAIN, { uid, sid }, { maxAge: -60 }));
    expect(await ids()).toBeNull();
    jar.set(PLAIN, "not.a.token");
    expect(await ids()).toBeNull();
    jar.clear();
    expect(await ids()).toBeNull();
  });

  it("refuses a cookie once it has expired, though it was read before (the decrypted claims are kept)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      jar.set(PLAIN, await token(PLAIN, { uid, sid }, { maxAge: 60 }));
      expect(await ids()).toEqual({ userId: uid, sessionId: sid });
      vi.setSystemTime(Date.now() + 70_000); // within the 15 s tolerance
      expect(await ids()).toEqual({ userId: uid, sessionId: sid });
      vi.setSystemTime(Date.now() + 10_000);
      expect(await ids()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not take a value read under one cookie name for the other name", async () => {
    const value = await token(PLAIN);
    jar.set(PLAIN, value);
    expect(await ids()).toEqual({ userId: uid, sessionId: sid });
    jar.clear();
    jar.set(SECURE, value);
    expect(await ids()).toBeNull();
  });

  it("refuses ids that are not UUIDs or are missing", async () => {
    jar.set(PLAIN, await token(PLAIN, { uid: "1 OR 1=1", sid }));
    expect(await ids()).toBeNull();
    jar.set(PLAIN, await token(PLAIN, { uid }));
    expect(await ids()).toBeNull();
  });

  it("accepts a cookie of a rotated secret (AUTH_SECRET_1) and nothing without a secret", async () => {
    const old = "the-old-secret-0123456789abcdef-old";
    jar.set(PLAIN, await token(PLAIN, { uid, sid }, { secret: old }));
    expect(await ids()).toBeNull();
    vi.stubEnv("AUTH_SECRET_1", old);
    expect(await ids()).toEqual({ userId: uid, sessionId: sid });
    vi.stubEnv("AUTH_SECRET_1", "");
    vi.stubEnv("AUTH_SECRET", "");
    jar.set(PLAIN, await token(PLAIN));
    expect(await ids()).toBeNull();
  });
});
