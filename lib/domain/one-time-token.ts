// The shape of a one-time link's token (lib/auth/one-time-token.ts): 32 random bytes, base64url. Pure.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isWellFormedOneTimeToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN_PATTERN.test(token);
}
