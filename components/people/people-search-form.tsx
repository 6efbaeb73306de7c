import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { CONTROL } from "@/components/ui/field";
import type { PeopleSearch } from "@/lib/people/queries";

const KINDS = ["TEACHER", "STUDENT", "EXTERNAL"] as const;
const SORTS = ["name", "-name", "kind"] as const;

// The people list's search: a plain GET form (works without JavaScript), its state in the address.
export async function PeopleSearchForm({ org, search }: { org: string; search: PeopleSearch }) {
  const t = await getTranslations("people");
  const label = "text-sm font-medium text-slate-900";
  return (
    <form method="get" action={`/${org}/people`} className="mb-4 flex flex-wrap items-end gap-4" role="search" aria-label={t("search.title")}>
      <div className="field">
        <label htmlFor="people-q" className={label}>
          {t("search.name")}
        </label>
        <input id="people-q" name="q" type="search" maxLength={100} defaultValue={search.q ?? ""} className={CONTROL} />
      </div>
      <div className="field">
        <label htmlFor="people-kind" className={label}>
          {t("search.kind")}
        </label>
        <select id="people-kind" name="kind" defaultValue={search.kind ?? ""} className={CONTROL}>
          <option value="">{t("search.kindAny")}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="people-sort" className={label}>
          {t("search.sort")}
        </label>
        <select id="people-sort" name="sort" defaultValue={search.sort ?? "name"} className={CONTROL}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`search.sorts.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit">{t("search.show")}</Button>
      <Link href={`/${org}/people#people`} className="pb-2 text-sm text-brand-700 underline">
        {t("search.reset")}
      </Link>
    </form>
  );
}
