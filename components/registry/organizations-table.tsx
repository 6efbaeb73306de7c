import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";

type Child = { id: string; slug: string; name: string; shortName: string | null; kind: "REGION" | "MUNICIPALITY" | "SCHOOL"; schoolKind: string | null; place: string | null; inn: string | null };

/** The office's subordinate organizations with their requisites (the directory, no school data). */
export async function OrganizationsTable({ organizations }: { organizations: Child[] }) {
  const t = await getTranslations("registry");
  if (organizations.length === 0) return <p>{t("listEmpty")}</p>;
  return (
    <Table caption={t("listCaption")} head={[t("colName"), t("colKind"), t("colPlace"), t("colInn"), t("colSlug")]}>
      {organizations.map((o) => (
        <tr key={o.id}>
          <Td>
            {o.name}
            {o.shortName ? <span className="block text-slate-700">{o.shortName}</span> : null}
          </Td>
          <Td>{t(`kinds.${(o.kind === "SCHOOL" ? (o.schoolKind ?? "GENERAL") : o.kind) as "GENERAL"}`)}</Td>
          <Td>{o.place ?? "—"}</Td>
          <Td>{o.inn ?? "—"}</Td>
          <Td className="font-mono">{o.slug}</Td>
        </tr>
      ))}
    </Table>
  );
}
