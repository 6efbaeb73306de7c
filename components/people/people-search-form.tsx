import { getTranslations } from "next-intl/server";
import { FilterSelect, ListSearchForm } from "@/components/ui/list-controls";
import type { PeopleSearch } from "@/lib/people/queries";

const KINDS = ["TEACHER", "STUDENT", "EXTERNAL"] as const;

// The people list's search: a plain GET form (works without JavaScript), its state in the address; the order is
// chosen by the column headers and kept.
export async function PeopleSearchForm({ org, search }: { org: string; search: PeopleSearch }) {
  const t = await getTranslations("people");
  return (
    <ListSearchForm action={`/${org}/people`} id="people" title={t("search.title")} q={search.q} qLabel={t("search.name")} sort={search.sort} resetHref={`/${org}/people#people`}>
      <FilterSelect id="people-kind" name="kind" label={t("search.kind")} value={search.kind} any={t("search.kindAny")} options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
    </ListSearchForm>
  );
}
