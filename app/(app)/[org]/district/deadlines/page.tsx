import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { DeadlineForm } from "@/components/deadlines/deadline-form";
import { OfficeDeadlinesTable } from "@/components/deadlines/office-deadlines-table";
import { PageHeader, Section } from "@/components/ui/page-header";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { academicYearOf, formatAcademicYear } from "@/lib/domain/academic-year";
import { isoDate } from "@/lib/domain/local-date";
import { STAGES } from "@/lib/domain/stages";
import { listOfficeDeadlines } from "@/lib/deadlines/queries";
import { IdParam, optionalParam, readPageParams, YearParam, type RawParams } from "@/lib/http/params";
import { ACT_KINDS } from "@/lib/programs/schemas";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("deadlines");
  return { title: t("title") };
}

const SearchInput = z.object({ year: optionalParam(YearParam), edit: optionalParam(IdParam) });

// The office's deadlines for its schools (issue #16 item 1, decision 047): the list of a year and the form.
export default async function DistrictDeadlinesPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const search = readPageParams(SearchInput, await searchParams);
  const ctx = await requireTenant(org, "deadlines.manage");
  if (ctx.organization.kind === "SCHOOL") notFound();
  const year = search.year ?? academicYearOf(organizationToday(ctx));
  const rows = await readPage(ctx, (read) => listOfficeDeadlines(read, year));
  const editing = search.edit ? rows.find((r) => r.id === search.edit) : undefined;
  if (search.edit && !editing) notFound();
  const t = await getTranslations("deadlines");
  const tActs = await getTranslations("acts.kinds");
  const yearText = formatAcademicYear(year);
  const tStages = await getTranslations("stages");
  const stages = STAGES.map((s) => ({ value: String(s.number), label: `${s.number}. ${tStages(`title${s.number}` as "title1")}` }));
  const actKinds = ACT_KINDS.map((k) => ({ value: k, label: tActs(k) }));
  const blank = { title: "", stage: "1", dueStart: "", dueEnd: "", condition: "MARKED", actKind: "" };
  const initial = editing
    ? { deadlineId: editing.id, title: editing.title, stage: String(editing.stage), dueStart: editing.dueStart ? isoDate(editing.dueStart) : "", dueEnd: isoDate(editing.dueEnd), condition: editing.condition, actKind: editing.actKind ?? "" }
    : blank;

  return (
    <>
      <PageHeader title={`${t("title")}: ${yearText}`}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="list">
        {rows.length === 0 ? <p>{t("none")}</p> : <OfficeDeadlinesTable org={org} rows={rows} year={year} yearText={yearText} />}
      </Section>
      <Section title={editing ? t("editTitle") : t("createTitle")} id="edit">
        <DeadlineForm
          key={editing?.id ?? "new"}
          org={org}
          year={year}
          yearText={yearText}
          stages={stages}
          actKinds={actKinds}
          initial={initial}
          cancelHref={editing ? `/${org}/district/deadlines?year=${year}` : undefined}
        />
      </Section>
    </>
  );
}
