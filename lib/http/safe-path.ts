/**
 * A return path taken from a request (the login form's callbackUrl, the language switch's returnTo) as a
 * path of this app, or `fallback`. Browsers read `\` as `/`, drop tabs and newlines inside URLs, and follow
 * `//host` and `/\host` off-site; a redirect may be decoded once more on the way. So: a string starting
 * with one `/`, without backslashes or control characters even after percent-decoding, that resolves to
 * this origin; returned normalized (path, query, fragment). Pure, no I/O.
 */
const BASE = "http://app.invalid";
const MAX_LENGTH = 2048;
const FORBIDDEN = /[\\\u0000-\u001f\u007f]/;

function unsafe(path: string): boolean {
  return !path.startsWith("/") || path.startsWith("//") || FORBIDDEN.test(path);
}

export function safePath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH || unsafe(value)) return fallback;
  let decoded = value;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback; // malformed percent-encoding
    }
    if (next === decoded) break;
    if (unsafe(next)) return fallback;
    decoded = next;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return unsafe(path) ? fallback : path;
}
