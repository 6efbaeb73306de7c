import { notFound } from "next/navigation";
import { z } from "zod";
import { optionalParam, TextParam } from "./params";

/**
 * The state of a large list in its address (issue #19 item 1, decision 056): a text search `q`, the order
 * `sort` (a column key, «-key» for the reverse), the `page`, and each list's own filters. One schema per list,
 * built from these fields; one reader; one link builder. The pages render plain links and GET forms.
 */

/** A 1-based page number as the links write it (six digits at most: a huge number never reaches a query). */
export const PageParam = optionalParam(z.string().regex(/^\d{1,6}$/).transform(Number));
/** The text search: at most 100 characters, trimmed. */
export const QueryParam = optionalParam(TextParam(100).transform((s) => s.trim()));
/** The order of a list: one of its column keys, or the key with «-» for the reverse order. */
export function sortParam<const K extends string>(columns: readonly K[]) {
  return optionalParam(z.enum([...columns, ...columns.map((c) => `-${c}` as `-${K}`)] as [K | `-${K}`, ...(K | `-${K}`)[]]));
}

/** The fields every list has; a list's schema extends it (`ListSearch.extend({ sort: sortParam([...]), status: … })`). */
export const ListSearch = z.object({ q: QueryParam, page: PageParam });

/** A list's search read from the address, and the parameters it could not read (ignored, named to the reader). */
export type ListParams<T> = { search: T; ignored: string[] };

/**
 * A list's search parameters through its schema. A list is forgiving where a page is not: a parameter it cannot
 * read (page=abc, sort=unknown, a stale filter value) is dropped and named, so the reader sees the first page in
 * the default order with a note saying what was ignored, not an error. Still a 404 if nothing can be read.
 */
export function readListParams<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): ListParams<z.output<S>> {
  const first = schema.safeParse(raw);
  if (first.success) return { search: first.data, ignored: [] };
  const ignored = [...new Set(first.error.issues.map((i) => String(i.path[0] ?? "")).filter(Boolean))];
  const rest = Object.fromEntries(Object.entries(raw).filter(([key]) => !ignored.includes(key)));
  const second = schema.safeParse(rest);
  if (!second.success) notFound();
  return { search: second.data, ignored: ignored.map((k) => k.slice(0, 40)) };
}

export type SortState<K extends string = string> = { column: K; descending: boolean };

/** The column and direction of a sort value («-name» → name, descending); the list's default when none is given. */
export function sortOf<K extends string>(sort: K | `-${K}` | undefined, fallback: K | `-${K}`): SortState<K> {
  const value = sort ?? fallback;
  return value.startsWith("-") ? { column: value.slice(1) as K, descending: true } : { column: value as K, descending: false };
}

/** The sort value a column's header link asks for: the reverse of the current order on that column, else ascending. */
export function nextSort(current: SortState, column: string): string {
  return current.column === column && !current.descending ? `-${column}` : column;
}

/**
 * The words of a text search, escaped for LIKE (Prisma's `contains` passes «%», «_» and «\» on as patterns:
 * escaped, they are letters like the others). At most five words.
 */
export function searchWords(q: string | undefined): string[] {
  return (q ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
}

/** A Prisma `where` part: every word matches one of the fields `match` names (AND of ORs); nothing when no words. */
export function everyWord<W>(q: string | undefined, match: (word: string) => W[]): { AND?: { OR: W[] }[] } {
  const words = searchWords(q);
  return words.length ? { AND: words.map((w) => ({ OR: match(w) })) } : {};
}

/** `contains` without regard to case, for everyWord's matchers. */
export const containing = (word: string) => ({ contains: word, mode: "insensitive" as const });

export type ListState = Record<string, string | number | boolean | null | undefined>;

/**
 * A list's address with its state and some changes (null removes a key). The first page, an empty value and
 * `false` are left out, so the plain list has the plain address. A change of anything but the page goes back to
 * page 1 — pass `page` in `changes` to move.
 */
export function listHref(path: string, state: ListState, changes: ListState = {}, hash = ""): string {
  const merged: ListState = { ...state, ...("page" in changes ? {} : { page: null }), ...changes };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    if (key === "page" && Number(value) <= 1) continue;
    query.set(key, value === true ? "1" : String(value));
  }
  const text = query.toString();
  return `${path}${text ? `?${text}` : ""}${hash}`;
}
