// Results of every server action: refusals are values with a Russian (or English) message.
// UNAVAILABLE: the database could not be reached; the action's outcome is unknown (decision 015).
export type ErrorCode = "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "UNAVAILABLE" | "INTERNAL";

export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]>; details?: string[] };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

/** A refusal decided by an action body; `messageKey` is a key under "errors" in the message files. */
export type Refusal = {
  refused: true;
  code: ErrorCode;
  messageKey: string;
  fieldErrors?: Record<string, string>;
  /** Values for the message's placeholders ({stage}). */
  values?: Record<string, string | number>;
  /** Already-worded lines shown under the message (e.g. the unmet exit conditions). */
  details?: string[];
  /** Values for a field error's placeholders, by field ({ endsOn: { minCount, … } }). */
  fieldValues?: Record<string, Record<string, string | number>>;
};

export function refuse(
  code: ErrorCode,
  messageKey: string,
  fieldErrors?: Record<string, string>,
  extra: { values?: Record<string, string | number>; details?: string[]; fieldValues?: Record<string, Record<string, string | number>> } = {},
): Refusal {
  return { refused: true, code, messageKey, fieldErrors, ...extra };
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === "object" && value !== null && (value as Refusal).refused === true;
}
