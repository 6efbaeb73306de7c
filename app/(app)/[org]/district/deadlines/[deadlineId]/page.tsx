import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deadlineStatusText } from "@/components/deadlines/deadline-status";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { getOfficeDeadline } from "@/lib/deadlines/queries";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatCalendarDate } from "@/lib/format";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deadlines");
  return { title: t("title") };
}

/** One deadline of the office: each school's outcome and its mark with the evidence (issue #16 item 1, decision 054). */
export default async function DistrictDeadlinePage({ params }: { params: Promise<{ org: string; deadlineId: string }> }) {
  const { org, deadlineId } = await params;
  const ctx = await requireTenant(org, "deadlines.manage");
  if (ctx.organization.kind === "SCHOOL" || !IdParam.safeParse(deadlineId).success) notFound();
  const found = await readPage(ctx, (read) => getOfficeDeadline(read, deadlineId));
  if (!found) notFound();
  const { deadline, rows } = found;
  const t = await getTranslations("deadlines");
  const tActs = await getTranslations("acts.kinds");
  const region = ctx.organization.kind === "REGION";
  const condition = deadline.condition === "ACT" && deadline.actKind ? t("conditionAct", { kind: tActs(deadline.actKind as "OTHER") }) : t(`condition.${deadline.condition}`);
  const due = deadline.dueStart ? t("period", { from: formatCalendarDate(deadline.dueStart), to: formatCalendarDate(deadline.dueEnd) }) : t("by", { date: formatCalendarDate(deadline.dueEnd) });
  const head = [...(region ? [t("colMunicipality")] : []), t("colSchool"), t("colStatus"), t("colEvidence")];

  return (
    <>
      <PageHeader title={t("marksTitle", { title: deadline.title })}>
        <p>
          {formatAcademicYear(deadline.academicYear)} · {t("colStage")} {deadline.stage} · {due} · {condition}
        </p>
        <p className="mt-2">{deadline.condition === "MARKED" ? t("marksIntro") : t("marksConditionNote", { condition })}</p>
        <p className="mt-2 text-sm">
          <Link href={`/${org}/district/deadlines?year=${deadline.academicYear}`} className="text-brand-700 underline">
            {t("marksBack")}
          </Link>
        </p>
      </PageHeader>
      <Section title={t("marksSection")} id="schools">
        {rows.length === 0 ? (
          <p>{t("marksNoSchools")}</p>
        ) : (
          <Table caption={t("marksCaption")} head={head}>
            {rows.map((r) => (
              <tr key={r.schoolId}>
                {region ? <Td>{r.municipality ?? "—"}</Td> : null}
                <Td>{r.name}</Td>
                <Td>{r.timing ? deadlineStatusText(t, r.timing) : "—"}</Td>
                <Td>
                  {r.mark ? (
                    <ul className="space-y-1">
                      <li className="text-sm text-slate-700">{t("markedAt", { date: formatCalendarDate(r.mark.markedAt) })}</li>
                      {r.mark.comment ? <li>{t("markCommentOf", { text: r.mark.comment })}</li> : null}
                      {r.mark.link ? (
                        <li>
                          <a href={r.mark.link} className="text-brand-700 underline" rel="noopener noreferrer" target="_blank">
                            {t("markLinkText")}
                            <span className="sr-only">: {r.name}</span>
                          </a>
                        </li>
                      ) : null}
                      {r.mark.fileName ? (
                        <li>
                          <a href={`/${org}/deadlines/${deadline.id}/files/${r.schoolId}`} className="text-brand-700 underline">
                            {t("markFileOf", { name: r.mark.fileName })}
                          </a>
                        </li>
                      ) : null}
                    </ul>
                  ) : (
                    t("noEvidence")
                  )}
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
