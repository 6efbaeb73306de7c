import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress, UNKNOWN_ADDRESS } from "./client-address";

const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("127.0.0.1, ::1 10.1.0.0/16");

describe("resolveClientAddress", () => {
  it("takes the peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1", trusted: none })).toBe("203.0.113.7");
    expect(resolveClientAddress({ peer: "::ffff:203.0.113.7", forwardedFor: "1.2.3.4, 5.6.7.8", trusted: none })).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress({ peer: "203.0.113.7", forwardedFor: "198.51.100.1", trusted: proxies })).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted hop behind trusted proxies, never what the client wrote to its left", () => {
    // The client forged "192.0.2.50" (a school's NAT address); the proxy appended the real one.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "192.0.2.50, 203.0.113.9", trusted: proxies })).toBe("203.0.113.9");
    // Two trusted proxies: 10.1.2.3 forwarded to 127.0.0.1.
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "192.0.2.50, 203.0.113.9, 10.1.2.3", trusted: proxies })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "::1", forwardedFor: "2001:db8::5", trusted: proxies })).toBe("2001:db8::5");
  });

  it("rotating a forged header does not change the address", () => {
    const seen = new Set(
      ["1.1.1.1", "2.2.2.2, 3.3.3.3", "garbage", ""].map((xff) => resolveClientAddress({ peer: "198.51.100.4", forwardedFor: xff, trusted: proxies })),
    );
    expect([...seen]).toEqual(["198.51.100.4"]);
  });

  it("stops at a malformed hop and falls back to the last address a trusted proxy vouched for", () => {
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "203.0.113.9, not-an-ip", trusted: proxies })).toBe("127.0.0.1");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "", trusted: proxies })).toBe("127.0.0.1");
  });

  it("is unknown without a peer", () => {
    expect(resolveClientAddress({ peer: undefined, forwardedFor: "1.2.3.4", trusted: proxies })).toBe(UNKNOWN_ADDRESS);
    expect(resolveClientAddress({ peer: "bogus", forwardedFor: null, trusted: proxies })).toBe(UNKNOWN_ADDRESS);
  });
});

describe("parseTrustedProxies / normalizeAddress", () => {
  it("refuses entries that are neither an address nor a CIDR range", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.1/8/1", "::1/129", "10.0.0/8"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it("normalizes mapped, bracketed and ported forms", () => {
    expect(normalizeAddress("::FFFF:10.0.0.1")).toBe("10.0.0.1");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("10.0.0.1:5000")).toBe("10.0.0.1");
    expect(normalizeAddress("10.0.0.300")).toBeNull();
  });
});
