import { describe, expect, it } from "vitest";
import { INVITATION_TTL_DAYS, invitationExpiry, invitationState, isWellFormedInvitationToken } from "./invitation";

const now = new Date("2026-11-25T10:00:00Z");

describe("invitationState", () => {
  const base = { acceptedAt: null, revokedAt: null, expiresAt: new Date("2026-11-26T10:00:00Z") };
  it("is pending before expiry", () => expect(invitationState(base, now)).toBe("pending"));
  it("is expired exactly at expiry and after", () => {
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationState({ ...base, expiresAt: new Date("2026-11-24T10:00:00Z") }, now)).toBe("expired");
  });
  it("accepted wins over expired and revoked", () =>
    expect(invitationState({ acceptedAt: now, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("accepted"));
  it("revoked wins over expired", () => expect(invitationState({ ...base, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked"));
});

describe("invitationExpiry", () => {
  it(`adds ${INVITATION_TTL_DAYS} days`, () =>
    expect(invitationExpiry(now).toISOString()).toBe("2026-12-02T10:00:00.000Z"));
});

describe("isWellFormedInvitationToken", () => {
  it("accepts 43 base64url characters", () => expect(isWellFormedInvitationToken("a".repeat(42) + "_")).toBe(true));
  it.each(["", "a".repeat(42), "a".repeat(44), "a".repeat(42) + "=", "a".repeat(42) + "/", 42, null])("rejects %s", (t) =>
    expect(isWellFormedInvitationToken(t)).toBe(false));
});
