import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MentorDistrictAwards } from "@/components/district-awards/mentor-awards";
import { Table, Td, type TableSort } from "@/components/ui/table";
import type { listMenteesPage, listMentorsPage } from "@/lib/banks/queries";
import { tagLabels } from "@/components/banks/tag-labels";
import { fullName } from "@/lib/domain/names";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { readerWords } from "@/components/i18n/reader-words";
import { rewordLeavingNote } from "@/lib/people/leaving-words";

// The tables of the two banks (app/(app)/[org]/mentors/page.tsx and mentees/page.tsx); the pages read a page of
// rows and build the sortable head, these show the rows.

type TableProps<R> = { org: string; rows: R[]; head: ReactNode[]; sorted: TableSort; locale: AppLocale };
type MentorRow = Awaited<ReturnType<typeof listMentorsPage>>["rows"][number];
type MenteeRow = Awaited<ReturnType<typeof listMenteesPage>>["rows"][number];

/** The bank of mentors: name and district awards, position, competencies, capacity, trainings, status, district. */
export async function MentorBankTable({ org, rows, head, sorted, locale }: TableProps<MentorRow>) {
  const t = await getTranslations("banks");
  const tv = await getTranslations("vocabulary");
  const words = await readerWords();
  return (
    <Table caption={t("caption")} head={head} sorted={sorted}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>
            <Link href={`/${org}/mentors/${r.id}`} className="text-brand-700 underline">
              {fullName(r.person)}
            </Link>
            <MentorDistrictAwards awards={r.districtAwards} />
          </Td>
          <Td>{[r.person.position ?? r.person.externalOrganization ?? r.person.grade, r.person.subjects.join(", ")].filter(Boolean).join("; ") || "—"}</Td>
          <Td>{tagLabels(tv, "competency", r.competencies)}</Td>
          <Td>{r.capacity}</Td>
          <Td>{t("trainingsCount", { count: r._count.trainings })}</Td>
          <Td>{r.status === "LEFT" && r.leftReason ? t("leftReason", { reason: rewordLeavingNote(r.leftReason, r.person, words) }) : t(`mentorStatus.${r.status}`)}</Td>
          <Td>{r.districtVisibleSince ? t("districtYes", { date: formatDate(r.districtVisibleSince, locale) }) : t("districtNo")}</Td>
        </tr>
      ))}
    </Table>
  );
}

/** The bank of mentees: name, kind, category, difficulties, source, status and approval. */
export async function MenteeBankTable({ org, rows, head, sorted, locale }: TableProps<MenteeRow>) {
  const t = await getTranslations("banks");
  const tp = await getTranslations("people");
  const tv = await getTranslations("vocabulary");
  const words = await readerWords();
  return (
    <Table caption={t("caption")} head={head} sorted={sorted}>
      {rows.map((r) => (
        <tr key={r.id}>
          <Td>
            <Link href={`/${org}/mentees/${r.id}`} className="text-brand-700 underline">
              {fullName(r.person)}
            </Link>
          </Td>
          <Td>
            {tp(`kinds.${r.person.kind}`)}
            {r.person.grade ? `, ${r.person.grade}` : ""}
          </Td>
          <Td>{r.category ? tv(`menteeCategory.${r.category}`) : "—"}</Td>
          <Td>{tagLabels(tv, "difficulty", r.difficulties)}</Td>
          <Td>{tv(`informationSource.${r.source}`)}</Td>
          <Td>{r.status === "LEFT" && r.leftReason ? t("leftReason", { reason: rewordLeavingNote(r.leftReason, r.person, words) }) : t(`menteeStatus.${r.status}`)}</Td>
          <Td>{r.approvedAt ? t("approval.approvedOn", { date: formatDate(r.approvedAt, locale) }) : t("approval.notApproved")}</Td>
        </tr>
      ))}
    </Table>
  );
}
