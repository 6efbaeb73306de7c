import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { CrossPairView } from "@/lib/cross-pairs/queries";

/** The school's cross-school pairs from one side: its mentees' (owned) or its mentors' (held for other schools). */
export async function CrossPairTable({ org, pairs, side }: { org: string; pairs: CrossPairView[]; side: "mentee" | "mentor" }) {
  const t = await getTranslations("crossPairs");
  const caption = side === "mentee" ? t("ownedCaption") : t("mentoringCaption");
  if (pairs.length === 0) return <p>{side === "mentee" ? t("ownedEmpty") : t("mentoringEmpty")}</p>;
  return (
    <Table caption={caption} head={[t("mentee"), t("mentor"), side === "mentee" ? t("mentorSchool") : t("menteeSchool"), t("status"), t("open")]}>
      {pairs.map((p) => (
        <tr key={p.id}>
          <Td>{p.mentee.name}</Td>
          <Td>{p.mentor.name}</Td>
          <Td>{side === "mentee" ? p.mentorSchool : p.menteeSchool}</Td>
          <Td>{t(`statuses.${p.status}`)}</Td>
          <Td>
            <Link href={`/${org}/cross-pairs/${p.id}`} className="text-brand-700 underline">
              {t("openPair", { mentee: p.mentee.name, mentor: p.mentor.name })}
            </Link>
          </Td>
        </tr>
      ))}
    </Table>
  );
}
