/**
 * Deterministic ids for the security suites' world. The suites pick "the first, middle and last row"
 * of each table by id, and fast-check picks ids by index: with random v4 ids the same seed aimed at
 * other rows on every run (an active pair one time, the proposed one the next). While installed,
 * `crypto.randomUUID` — which the Prisma client uses for `@default(uuid())` and the app for its own
 * ids — yields v4-shaped ids from a fixed seed, so the same world has the same ids every run.
 */
export function installSeededUuids(seed: number): () => void {
  const target = globalThis.crypto as Crypto & { randomUUID: () => string };
  let state = seed >>> 0;
  // mulberry32: a 32-bit state, period 2^32 — distinct states give distinct ids.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const seeded = () => {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 4) {
      const v = next();
      bytes.set([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255], i);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
    bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  Object.defineProperty(target, "randomUUID", { value: seeded, configurable: true, writable: true });
  return () => {
    // The own property shadows Crypto.prototype.randomUUID: removing it restores the real one.
    delete (target as { randomUUID?: unknown }).randomUUID;
  };
}
