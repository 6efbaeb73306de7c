import { BlockList, isIP } from "node:net";
import { envVariable } from "../env";
import { getLogger } from "../observability/logger";
import { consoleText } from "../i18n/russian-console";

/**
 * The address of the client a request came from, for the per-address sign-in limit (decision 012).
 *
 * The peer — the socket's remote address — is the only value a client cannot choose. Our HTTP server
 * (lib/cli/serve.ts) writes it into PEER_HEADER on every request, overwriting whatever the client sent.
 * X-Forwarded-For is read only when the peer is one of the proxies named in TRUSTED_PROXIES, and then
 * from the right: each trusted hop is skipped, and the first address a trusted proxy did not add
 * itself — the right-most untrusted one — is the client. Entries to its left were written by the
 * client and are never believed.
 */
export const PEER_HEADER = "x-nastavnik-peer";

/** Set by lib/cli/serve.ts in its own process: without it PEER_HEADER could come from the client. */
export const PEER_HEADER_ENV = "NASTAVNIK_PEER_HEADER" as const;

export const UNKNOWN_ADDRESS = "unknown";

/** "::ffff:10.0.0.1" → "10.0.0.1"; "[::1]:443" and "10.0.0.1:5000" lose the port; anything else → null. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const family = isIP(value);
  if (family === 0) return null;
  return family === 6 ? value.toLowerCase() : value;
}

export type TrustedProxies = { list: BlockList; entries: string[] };

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges separated by commas or spaces ("127.0.0.1, 10.1.0.0/16, ::1").
 * Throws on an entry that is neither, so a typo stops the server instead of trusting nothing silently.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split("/");
    const normalized = normalizeAddress(address);
    const family = normalized ? (isIP(normalized) === 6 ? "ipv6" : "ipv4") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === "ipv6" ? 128 : 32;
    if (!normalized || !family || extra !== undefined || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits) )) {
      throw new Error(consoleText("proxy.badEntry", { entry }));
    }
    if (bits === null) list.addAddress(normalized, family);
    else list.addSubnet(normalized, bits, family);
  }
  return { list, entries };
}

function isTrusted(address: string, trusted: TrustedProxies): boolean {
  return trusted.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** Whether the connection's peer is one of TRUSTED_PROXIES (its X-Request-Id is then kept, lib/observability/http.ts). */
export function isTrustedPeer(peer: string | null | undefined, trusted: TrustedProxies): boolean {
  const address = normalizeAddress(peer);
  return address !== null && isTrusted(address, trusted);
}

/** The client's address from the peer and the X-Forwarded-For chain, believing only trusted proxies. */
export function resolveClientAddress(input: { peer: string | null | undefined; forwardedFor: string | null | undefined; trusted: TrustedProxies }): string {
  const peer = normalizeAddress(input.peer);
  if (!peer) return UNKNOWN_ADDRESS;
  if (!isTrusted(peer, input.trusted)) return peer;
  const hops = (input.forwardedFor ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A malformed entry ends the chain: nothing to its left can be attributed to a trusted proxy.
    if (!hop) break;
    client = hop;
    if (!isTrusted(hop, input.trusted)) break;
  }
  return client;
}

let configured: { value: string | undefined; trusted: TrustedProxies } | null = null;

function trustedFromEnv(): TrustedProxies {
  const value = envVariable("TRUSTED_PROXIES");
  if (!configured || configured.value !== value) configured = { value, trusted: parseTrustedProxies(value) };
  return configured.trusted;
}

let warned = false;

/**
 * The current request's client address (inside a Next request); UNKNOWN_ADDRESS outside one (scripts,
 * tests) and when the app is not served by lib/cli/serve.ts — then every client shares one per-address
 * count, which errs on the side of limiting, and the per-account limit is unaffected.
 */
export async function requestClientAddress(): Promise<string> {
  let headers: Headers;
  try {
    const { headers: read } = await import("next/headers");
    headers = await read();
  } catch {
    return UNKNOWN_ADDRESS;
  }
  if (envVariable(PEER_HEADER_ENV) !== "1") {
    if (!warned) {
      warned = true;
      getLogger().warn({ component: "auth" }, consoleText("proxy.notServed"));
    }
    return UNKNOWN_ADDRESS;
  }
  return resolveClientAddress({ peer: headers.get(PEER_HEADER), forwardedFor: headers.get("x-forwarded-for"), trusted: trustedFromEnv() });
}
