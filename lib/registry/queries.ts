import "server-only";
import { z } from "zod";
import { readTenant, type TenantContext } from "../auth/tenant";
import { pageOf } from "../domain/paging";
import { optionalParam } from "../http/params";
import { containing, everyWord, ListSearch, sortOf, sortParam } from "../http/list-search";

/** How many organizations a page of the registry shows. */
export const REGISTRY_PAGE_SIZE = 50;

/** The registry's search in the address: a name, ИНН or page address; the type (a school's kind, or a municipality); the order; the page. */
export const RegistrySearchInput = ListSearch.extend({
  type: optionalParam(z.enum(["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY", "MUNICIPALITY"])),
  sort: sortParam(["kind", "name"]),
});
export type RegistrySearch = z.output<typeof RegistrySearchInput>;

const CHILD_SELECT = { id: true, slug: true, name: true, shortName: true, kind: true, schoolKind: true, place: true, address: true, inn: true, archivedAt: true } as const;

/**
 * One page of the office's own subordinate organizations (the directory: requisites, no school data), filtered and
 * sorted by the database — a district of 2,000 schools sends one page (issue #19) — with the count of all that match.
 */
export function listRegistryPage(ctx: TenantContext, search: RegistrySearch, size = REGISTRY_PAGE_SIZE) {
  const where = {
    parentId: ctx.organization.id,
    ...(search.type === "MUNICIPALITY" ? { kind: "MUNICIPALITY" as const } : search.type ? { kind: "SCHOOL" as const, schoolKind: search.type } : {}),
    ...everyWord(search.q, (w) => [{ name: containing(w) }, { shortName: containing(w) }, { inn: containing(w) }, { slug: containing(w) }]),
  };
  const sort = sortOf(search.sort, "kind");
  const d = sort.descending ? ("desc" as const) : ("asc" as const);
  const orderBy = sort.column === "name" ? [{ name: d }, { id: d }] : [{ kind: d }, { schoolKind: d }, { name: "asc" as const }, { id: "asc" as const }];
  return readTenant(ctx, async (tx) => {
    const total = await tx.organization.count({ where });
    const shown = pageOf(total, size, search.page);
    const rows = await tx.organization.findMany({ where, select: CHILD_SELECT, orderBy, skip: shown.from, take: size });
    return { total, ...shown, rows };
  });
}
