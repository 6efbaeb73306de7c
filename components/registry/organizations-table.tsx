import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { listRegistryChildren } from "@/lib/registry/queries";

type Child = Awaited<ReturnType<typeof listRegistryChildren>>[number];

/** The office's subordinate organizations with their requisites (the directory, no school data). */
export async function OrganizationsTable({ organizations }: { organizations: Child[] }) {
  const t = await getTranslations();
  if (organizations.length === 0) return <p>{t("registry.listEmpty")}</p>;
  return (
    <Table caption={t("schools.caption")} head={[t("schools.name"), t("schools.kind"), t("schools.address"), t("registry.colInn"), t("registry.colSlug")]}>
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
