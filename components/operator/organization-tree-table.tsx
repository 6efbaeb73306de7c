import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/ui/action-button";
import { Table, Td } from "@/components/ui/table";
import { flattenTree, type OrganizationNode } from "@/lib/domain/organization-tree";
import { formatDate } from "@/lib/format";
import { archiveOrganization, restoreOrganization } from "@/lib/operator/actions";

/** Every organization of the platform, indented region → municipality → school, with status and the archive switch. */
export async function OrganizationTreeTable({ tree, locale }: { tree: OrganizationNode[]; locale: "ru" | "en" }) {
  const t = await getTranslations("operator");
  const rows = flattenTree(tree);
  if (rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <Table caption={t("treeTitle")} head={[t("colName"), t("colKind"), t("colStatus"), t("colHead"), t("colMembers"), t("colCreated"), t("colActions")]}>
      {rows.map(({ node, depth }) => (
        <tr key={node.id} data-testid={`org-${node.slug}`}>
          <Td>
            <span style={{ paddingInlineStart: `${depth * 1.5}rem` }} className="block">
              {node.shortName ?? node.name}
              <span className="block font-mono text-xs text-slate-600">/{node.slug}</span>
            </span>
          </Td>
          <Td>{t(`kind.${node.kind}`)}</Td>
          <Td>{node.archivedAt ? t("archived") : t("active")}</Td>
          <Td>{t(`head.${node.headStatus}`)}</Td>
          <Td>{node.members}</Td>
          <Td>{formatDate(node.createdAt, locale)}</Td>
          <Td>
            {node.archivedAt ? (
              <ActionButton action={restoreOrganization} input={{ organizationId: node.id }} label={t("restore")} done={t("restoreDone")} />
            ) : (
              <ActionButton action={archiveOrganization} input={{ organizationId: node.id }} label={t("archive")} done={t("archiveDone")} variant="danger" />
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
