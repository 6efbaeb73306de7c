import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

type Row = { id: string; topic: string; askedAt: Date; status: "OPEN" | "CLOSED"; school: string; messages: number };

/** The consultations of the school, or those addressed to the office (then with the school's name). */
export async function ConsultationList({ rows, base, zone, office }: { rows: Row[]; base: string; zone: string; office: boolean }) {
  const t = await getTranslations("consultations");
  if (rows.length === 0) return <p>{t("none")}</p>;
  const head = [t("colTopic"), ...(office ? [t("colSchool")] : []), t("colAsked"), t("colMessages"), t("colStatus")];
  return (
    <Table caption={t("listTitle")} head={head}>
      {rows.map((c) => (
        <tr key={c.id}>
          <Td>
            <Link href={`${base}/${c.id}`} className="text-brand-700 underline">
              {c.topic}
            </Link>
          </Td>
          {office ? <Td>{c.school}</Td> : null}
          <Td>{formatDateTime(c.askedAt, zone)}</Td>
          <Td>{c.messages}</Td>
          <Td>{t(`status.${c.status}`)}</Td>
        </tr>
      ))}
    </Table>
  );
}
