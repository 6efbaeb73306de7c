import { describe, expect, it } from "vitest";
import { passwordResetExpiry, passwordResetState } from "./password-reset";

describe("password reset links", () => {
  const created = new Date("2026-12-04T10:00:00Z");
  const expiresAt = passwordResetExpiry(created);

  it("live for exactly one hour", () => {
    expect(expiresAt.toISOString()).toBe("2026-12-04T11:00:00.000Z");
    expect(passwordResetState({ usedAt: null, expiresAt }, new Date("2026-12-04T10:59:59.999Z"))).toBe("pending");
    expect(passwordResetState({ usedAt: null, expiresAt }, new Date("2026-12-04T11:00:00.000Z"))).toBe("expired");
  });

  it("used once, then never again; a request without a token is no link", () => {
    expect(passwordResetState({ usedAt: new Date("2026-12-04T10:05:00Z"), expiresAt }, new Date("2026-12-04T10:06:00Z"))).toBe("used");
    expect(passwordResetState({ usedAt: null, expiresAt: null }, created)).toBe("expired");
  });
});
