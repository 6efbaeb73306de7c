import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { sortableHead } from "@/components/ui/list-controls";
import type { SortState } from "@/lib/http/list-search";
import type { listRegistryPage } from "@/lib/registry/queries";

type Child = Awaited<ReturnType<typeof listRegistryPage>>["rows"][number];

/** A page of the office's subordinate organizations with their requisites (the directory, no school data), sortable by name and type. */
export async function OrganizationsTable({ organizations, filtered, sort, sortHref }: { organizations: Child[]; filtered: boolean; sort: SortState; sortHref: (sort: string) => string }) {
  const t = await getTranslations();
  if (organizations.length === 0) return <p>{filtered ? t("registry.searchNone") : t("registry.listEmpty")}</p>;
  const { head, sorted } = sortableHead(
    [{ label: t("schools.name"), sort: "name" }, { label: t("schools.kind"), sort: "kind" }, { label: t("schools.address") }, { label: t("registry.colInn") }, { label: t("registry.colSlug") }],
    sort,
    sortHref,
  );
  return (
    <Table caption={t("schools.caption")} head={head} sorted={sorted}>
      {organizations.map((o) => (
        <tr key={o.id}>
          <Td>
            {o.name}
            {o.shortName ? <span className="block text-slate-700">{o.shortName}</span> : null}
          </Td>
          <Td>{o.kind === "SCHOOL" ? t(`schoolKinds.${o.schoolKind ?? "GENERAL"}`) : t(`orgKinds.${o.kind}`)}</Td>
          <Td>{o.address ?? "—"}</Td>
          <Td>{o.inn ?? "—"}</Td>
          <Td className="font-mono">
            {o.slug}
            {o.archivedAt ? <span className="block font-sans text-slate-700">{t("registry.archived")}</span> : null}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
