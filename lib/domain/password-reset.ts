// Pure rules of password reset links: lifetime and state. No I/O.

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000; // one hour
/** Requests per address and per account within the sign-in window, like failed sign-ins. */
export const PASSWORD_RESET_MAX_REQUESTS = 5;

export type PasswordResetState = "pending" | "used" | "expired";

export function passwordResetExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + PASSWORD_RESET_TTL_MS);
}

export function passwordResetState(reset: { usedAt: Date | null; expiresAt: Date | null }, now: Date): PasswordResetState {
  if (reset.usedAt) return "used";
  if (!reset.expiresAt || reset.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}
