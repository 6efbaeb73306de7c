// Results of every server action: refusals are values with a Russian (or English) message.
export type ErrorCode = "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INTERNAL";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** A refusal decided by an action body; `messageKey` is a key under "errors" in the message files. */
export type Refusal = { refused: true; code: ErrorCode; messageKey: string; fieldErrors?: Record<string, string> };

export function refuse(code: ErrorCode, messageKey: string, fieldErrors?: Record<string, string>): Refusal {
  return { refused: true, code, messageKey, fieldErrors };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as Refusal).refused === true;
}
