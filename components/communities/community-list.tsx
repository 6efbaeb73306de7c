import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { CommunityKind } from "@/lib/domain/communities";
import { formatCalendarDate } from "@/lib/format";

type Row = { id: string; kind: CommunityKind; name: string; area: string | null; members: number; meetings: number; next: Date | null };

/** The office's communities: kind, area, members, meetings, the next meeting. */
export async function CommunityList({ org, rows }: { org: string; rows: Row[] }) {
  const t = await getTranslations("communities");
  if (rows.length === 0) return <p>{t("none")}</p>;
  return (
    <Table caption={t("caption")} head={[t("colName"), t("colKind"), t("colArea"), t("colMembers"), t("colMeetings"), t("colNext")]}>
      {rows.map((c) => (
        <tr key={c.id}>
          <Td>
            <Link href={`/${org}/district/communities/${c.id}`} className="text-brand-700 underline">
              {c.name}
            </Link>
          </Td>
          <Td>{t(`kinds.${c.kind}`)}</Td>
          <Td>{c.area ?? "—"}</Td>
          <Td>{c.members}</Td>
          <Td>{c.meetings}</Td>
          <Td>{c.next ? formatCalendarDate(c.next) : "—"}</Td>
        </tr>
      ))}
    </Table>
  );
}
