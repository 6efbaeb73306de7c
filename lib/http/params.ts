import { notFound } from "next/navigation";
import { z } from "zod";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale } from "../i18n/config";
import { translator } from "../i18n/translator";

/**
 * Route and search parameters of pages and route handlers, validated like action input (issue #12): one
 * zod schema per route, these shared fields, and two readers — a page answers a bad parameter with its
 * not-found page (404), a route handler with 400 and a plain Russian text. Never a 500: a huge or
 * malformed number never reaches a query.
 */

/** A row id in a URL. */
export const IdParam = z.uuid();
/** An academic year by its first calendar year (2026 = 2026/2027), as the links write it. */
export const YearParam = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number)
  .pipe(z.number().int().min(2000).max(2100));
/** Free text in a URL (a filter): at most `max` characters, nothing PostgreSQL cannot store (NUL, broken UTF-16). */
export const TextParam = (max: number) => z.string().max(max).refine((s) => !s.includes("\u0000") && s.isWellFormed());

/** An optional search parameter: absent or empty (a filter form's "any") is undefined, anything else must pass `schema`. */
export function optionalParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
}
/** The page search of the year pages (program, passport, completion, monitoring). */
export const YearSearch = z.object({ year: optionalParam(YearParam) });

/** A public section's or an organization's slug. */
export const SlugParam = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/);

export type RawParams = Record<string, string | string[] | undefined>;

/** A request's search parameters as pages get them (a repeated key becomes a list, which the schemas refuse). */
export function searchOf(request: Request | URL | string): RawParams {
  const url = request instanceof Request ? new URL(request.url) : new URL(request);
  const out: RawParams = {};
  for (const [key, value] of url.searchParams) {
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}

/** A page's parameters through its schema; anything it refuses is this page's 404. */
export function readPageParams<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

export type RouteParams<T> = { ok: true; data: T } | { ok: false; response: Response };

/** A route handler's parameters through its schema; a refusal is a 400 response naming the parameter, in the visitor's language. */
export function readRouteParams<S extends z.ZodType>(schema: S, raw: unknown, request?: Request): RouteParams<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const name = String(parsed.error.issues[0]?.path[0] ?? "");
  const cookie = request?.headers.get("cookie")?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`))?.[1];
  const t = translator(cookie ? toLocale(cookie) : DEFAULT_LOCALE);
  return {
    ok: false,
    response: new Response(t("errors.badParameter", { name: name.slice(0, 40) }), {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    }),
  };
}
