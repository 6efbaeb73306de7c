import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeadlineMarksTable } from "@/components/deadlines/deadline-marks-table";
import { PageHeader, Section } from "@/components/ui/page-header";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { DeadlineMarksSearchInput, getOfficeDeadlinePage } from "@/lib/deadlines/queries";
import type { RawParams } from "@/lib/http/params";
import { listHref, readListParams } from "@/lib/http/list-search";
import { FilterSelect, ListFound, ListSearchForm } from "@/components/ui/list-controls";
import { Pager } from "@/components/ui/pager";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatCalendarDate } from "@/lib/format";
import { IdParam } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deadlines");
  return { title: t("title") };
}

/** One deadline of the office: each school's outcome and its mark with the evidence (issue #16 item 1, decision 054). */
export default async function DistrictDeadlinePage({ params, searchParams }: { params: Promise<{ org: string; deadlineId: string }>; searchParams: Promise<RawParams> }) {
  const { org, deadlineId } = await params;
  const ctx = await requireTenant(org, "deadlines.manage");
  if (ctx.organization.kind === "SCHOOL" || !IdParam.safeParse(deadlineId).success) notFound();
  const { search, ignored } = readListParams(DeadlineMarksSearchInput, await searchParams);
  const found = await readPage(ctx, (read) => getOfficeDeadlinePage(read, deadlineId, search));
  if (!found) notFound();
  const { deadline, rows } = found;
  const base = `/${org}/district/deadlines/${deadline.id}`;
  const href = (changes: Record<string, string | number>) => listHref(base, { q: search.q, status: search.status, page: found.page }, changes, "#schools");
  const t = await getTranslations("deadlines");
  const tActs = await getTranslations("acts.kinds");
  const region = ctx.organization.kind === "REGION";
  const condition = deadline.condition === "ACT" && deadline.actKind ? t("conditionAct", { kind: tActs(deadline.actKind as "OTHER") }) : t(`condition.${deadline.condition}`);
  const due = deadline.dueStart ? t("period", { from: formatCalendarDate(deadline.dueStart), to: formatCalendarDate(deadline.dueEnd) }) : t("by", { date: formatCalendarDate(deadline.dueEnd) });

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
        {found.schools > 0 ? (
          <>
            <ListSearchForm action={base} id="marks" title={t("marksSearch")} q={search.q} qLabel={t("marksSearchName")} resetHref={`${base}#schools`}>
              <FilterSelect
                id="marks-status"
                name="status"
                label={t("colStatus")}
                value={search.status}
                any={t("marksStatusAny")}
                options={(["onTime", "late", "pending", "overdue", "none"] as const).map((s) => ({ value: s, label: t(`marksStatus.${s}`) }))}
              />
            </ListSearchForm>
            <ListFound total={found.total} ignored={ignored} />
          </>
        ) : null}
        {rows.length === 0 ? (
          <p>{found.schools > 0 ? t("marksNone") : t("marksNoSchools")}</p>
        ) : (
          <DeadlineMarksTable rows={rows} org={org} deadlineId={deadline.id} region={region} />
        )}
        <Pager page={found.page} pages={found.pages} from={found.from} to={found.to} total={found.total} href={(page) => href({ page })} />
      </Section>
    </>
  );
}
