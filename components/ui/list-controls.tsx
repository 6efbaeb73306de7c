import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { nextSort, type SortState } from "@/lib/http/list-search";
import type { TableSort } from "@/components/ui/table";

// The shared parts of a large list (issue #19 item 1, decision 056): its search form, «Найдено: N», the sortable
// column headers. Server components: plain links and a GET form, nothing to hydrate; the state is in the address.

export type HeadColumn = { label: string; sort?: string };

/**
 * A table's header cells, the sortable ones as links that keep the list's other state (`href(sort)`), and which
 * column the table is sorted by (for `aria-sort` on that header: Table's `sorted`).
 */
export function sortableHead(columns: HeadColumn[], sort: SortState, href: (sort: string) => string): { head: ReactNode[]; sorted: TableSort } {
  const index = columns.findIndex((c) => c.sort === sort.column);
  return {
    head: columns.map((c) => (c.sort ? <SortLink key={c.sort} label={c.label} column={c.sort} sort={sort} href={href(nextSort(sort, c.sort))} /> : c.label)),
    sorted: index >= 0 ? { column: index, direction: sort.descending ? "descending" : "ascending" } : undefined,
  };
}

async function SortLink({ label, column, sort, href }: { label: string; column: string; sort: SortState; href: string }) {
  const t = await getTranslations("pages.list");
  const active = sort.column === column;
  // The link says what it will do; the header's aria-sort says how the table is sorted now.
  const next = active && !sort.descending ? t("sortDesc") : t("sortAsc");
  return (
    <Link href={href} className="inline-flex items-baseline gap-1 text-slate-900 underline decoration-slate-400 underline-offset-2 hover:decoration-brand-700">
      {label}
      <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-400"}>
        {active ? (sort.descending ? "▼" : "▲") : "↕"}
      </span>
      <span className="sr-only">{next}</span>
    </Link>
  );
}

/** «Найдено: N» (announced when it changes) and, when some address parameters could not be read, which were ignored. */
export async function ListFound({ total, ignored = [] }: { total: number; ignored?: string[] }) {
  const t = await getTranslations("pages.list");
  return (
    <>
      {ignored.length ? (
        <div className="mb-3">
          <Notice kind="info">{t("ignored", { names: ignored.join(", ") })}</Notice>
        </div>
      ) : null}
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {t("found", { count: total })}
      </p>
    </>
  );
}

/**
 * A list's search: a plain GET form (works without JavaScript) with the text field, the list's own filters
 * (children) and the order kept in a hidden field; «Сбросить» goes back to the plain list.
 */
export async function ListSearchForm({
  action,
  id,
  title,
  q,
  qLabel,
  sort,
  resetHref,
  children,
}: {
  action: string;
  id: string;
  title: string;
  q: string | undefined;
  qLabel: string;
  sort?: string;
  resetHref: string;
  children?: ReactNode;
}) {
  const t = await getTranslations("pages.list");
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-4" role="search" aria-label={title}>
      <div className="field">
        <label htmlFor={`${id}-q`} className={FILTER_LABEL}>
          {qLabel}
        </label>
        <input id={`${id}-q`} name="q" type="search" maxLength={100} defaultValue={q ?? ""} className={CONTROL} />
      </div>
      {children}
      {sort ? <input type="hidden" name="sort" value={sort} /> : null}
      <Button type="submit">{t("show")}</Button>
      <Link href={resetHref} className="pb-2 text-sm text-brand-700 underline">
        {t("reset")}
      </Link>
    </form>
  );
}

export const FILTER_LABEL = "text-sm font-medium text-slate-900";

/** A filter of a list's search form: a labelled select whose first option is «any». */
export function FilterSelect({ id, name, label, value, any, options }: { id: string; name: string; label: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={id} className={FILTER_LABEL}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={CONTROL}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
