import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActivityForm } from "@/components/program/activity-form";
import { RoadmapActivitiesSection, RoadmapDistrictSection, RoadmapFiltersSection } from "@/components/program/roadmap-sections";
import { PageHeader, Section } from "@/components/ui/page-header";
import { SchoolDeadlines } from "@/components/deadlines/school-deadlines";
import { listSchoolDeadlines } from "@/lib/deadlines/queries";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { ACTIVITY_STATUSES } from "@/lib/programs/schemas";
import { findProgram, listRoadmap, listStaff } from "@/lib/programs/queries";
import { optionalParam, readPageParams, TextParam, YearParam, type RawParams } from "@/lib/http/params";
import { z } from "zod";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("roadmap");
  return { title: t("title") };
}

const SearchInput = z.object({
  year: optionalParam(YearParam),
  stage: optionalParam(z.string().regex(/^[1-7]$/).transform(Number)),
  status: optionalParam(z.enum(ACTIVITY_STATUSES)),
  responsible: optionalParam(TextParam(100)),
  page: optionalParam(z.string().regex(/^\d{1,4}$/).transform(Number)),
});

export default async function RoadmapPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "program.view");
  const search = readPageParams(SearchInput, await searchParams);
  const filters = { stage: search.stage, status: search.status, responsible: search.responsible?.trim() || undefined };
  const data = await readPage(ctx, async (read) => {
    const { program } = await findProgram(read, search.year);
    if (!program) return null;
    const [roadmap, staff, deadlines] = await Promise.all([listRoadmap(read, program, filters), listStaff(read), listSchoolDeadlines(read, program.academicYear)]);
    return { program, ...roadmap, staff, deadlines };
  });
  if (!data) redirect(`/${org}/program`);
  const { program, activities, districtDeadlines, staff, deadlines } = data;
  const t = await getTranslations();
  const active = program.status === "ACTIVE";
  const canManage = active && hasPermission(ctx.roles, "program.manage");
  const canProgress = active && hasPermission(ctx.roles, "roadmap.progress");

  return (
    <>
      <PageHeader title={`${t("roadmap.title")}: ${formatAcademicYear(program.academicYear)}`}>
        <p>{t("roadmap.intro")}</p>
        {canManage ? (
          <p>
            <Link href={`/${org}/program/roadmap/import`} className="text-brand-700 underline">
              {t("roadmap.import")}
            </Link>
          </p>
        ) : null}
      </PageHeader>

      <RoadmapFiltersSection org={org} filters={filters} />

      <RoadmapActivitiesSection org={org} activities={activities} filters={filters} year={search.year} page={search.page} canManage={canManage} canProgress={canProgress} />

      {districtDeadlines.length > 0 ? <RoadmapDistrictSection districtDeadlines={districtDeadlines} /> : null}

      {deadlines.length > 0 ? <SchoolDeadlines org={org} deadlines={deadlines} canMark={active && hasPermission(ctx.roles, "deadlines.complete")} /> : null}

      {canManage ? (
        <Section title={t("roadmap.addTitle")} id="add">
          <ActivityForm org={org} programId={program.id} staff={staff} academicYear={formatAcademicYear(program.academicYear)} />
        </Section>
      ) : null}
    </>
  );
}
