// The idempotency key a form sends with a creating action (decision 015): shared by the browser (the
// forms) and the server (the action wrapper). No server-only imports.

/** The input field holding the key; the wrapper takes it out before the action's own schema sees the input. */
export const IDEMPOTENCY_FIELD = "idempotencyKey";

/** 16–100 characters of letters, digits, '-' and '_' (a UUID, or 32 hex digits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

/** How long a key's first result is kept (and replayed): one day. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh random key: 128 bits as hex. crypto.getRandomValues, not randomUUID — a school's server is often
 * reached over plain http, where browsers offer randomUUID only on localhost.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
