import "server-only";
import { isDatabaseUnavailable } from "../db";
import { DEFAULT_LOCALE, type AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { getLogger } from "../observability/logger";
import type { ActionError } from "../actions/result";

// Every answer of /api/v1 is JSON; a refusal is { error: { code, message, fieldErrors?, details? } } with the
// status its code implies (decision 045). Nothing leaves as an exception: an unexpected one is logged and
// answered like the others, an unreachable database is 503.

export const API_ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;

const HEADERS = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };

/** The language of messages: English when the client asks for it first, else Russian. */
export function apiLocale(request: Request): AppLocale {
  return /^\s*en\b/i.test(request.headers.get("accept-language") ?? "") ? "en" : DEFAULT_LOCALE;
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });
}

/** A refusal worded from a message key of `errors`. */
export function apiError(locale: AppLocale, code: ApiErrorCode, key: string, extra: { values?: Record<string, string | number>; fieldErrors?: Record<string, string[]>; details?: string[]; headers?: Record<string, string> } = {}): Response {
  const t = translator(locale);
  const message = t.has(`errors.${key}` as never) ? t(`errors.${key}` as never, extra.values as never) : t("errors.validation");
  const error: Record<string, unknown> = { code, message };
  if (extra.fieldErrors) error.fieldErrors = extra.fieldErrors;
  if (extra.details?.length) error.details = extra.details;
  return apiJson({ error }, API_ERROR_STATUS[code], extra.headers);
}

/** An action's refusal (already worded by the wrapper) as a response. */
export function apiActionError(error: ActionError): Response {
  const body: Record<string, unknown> = { code: error.code, message: error.message };
  if (error.fieldErrors) body.fieldErrors = error.fieldErrors;
  if (error.details?.length) body.details = error.details;
  return apiJson({ error: body }, API_ERROR_STATUS[error.code]);
}

/** Runs a handler's body; what it throws becomes a JSON 503 (database unreachable) or 500, never an HTML page. */
export async function apiHandle(request: Request, name: string, body: (locale: AppLocale) => Promise<Response>): Promise<Response> {
  const locale = apiLocale(request);
  try {
    return await body(locale);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError(locale, "UNAVAILABLE", "unavailable");
    getLogger().error({ component: "api", endpoint: name, err: error }, "api request failed");
    return apiError(locale, "INTERNAL", "internal");
  }
}
