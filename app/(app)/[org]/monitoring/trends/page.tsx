import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DistrictTrends } from "@/components/monitoring/district-trends";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { academicYearOf, formatAcademicYear } from "@/lib/domain/academic-year";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import type { Tr } from "@/lib/monitoring/district-text";
import { getSchoolTrends } from "@/lib/monitoring/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("schoolMonitoring.trendsPage");
  return { title: t("title") };
}

/** A school's indicators of a year against the year before (issue #16 item 4, decision 053). */
export default async function SchoolTrendsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const search = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const page = await getTranslations("schoolMonitoring.trendsPage");
  const intl = await getTranslations("monitoring.district");
  const t: Tr = (key, values) => intl(key as never, values as never);
  const year = search.year ?? academicYearOf(organizationToday(ctx));
  const yearText = formatAcademicYear(year);
  const previousText = formatAcademicYear(year - 1);
  const { current, previous } = await readPage(ctx, (read) => getSchoolTrends(read, year));

  return (
    <>
      <PageHeader title={page("title")}>
        <p>{page("intro", { year: yearText, previous: previousText })}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link href={`/${org}/monitoring?year=${year}`} className="text-brand-700 underline">
            {page("back")}
          </Link>
          <Link href={`/${org}/monitoring/trends?year=${year - 1}`} className="text-brand-700 underline">
            {page("earlier", { year: previousText })}
          </Link>
        </p>
      </PageHeader>
      {current.withProgram === 0 ? (
        <Notice kind="info">{page("noProgram", { year: yearText })}</Notice>
      ) : (
        <DistrictTrends t={t} previous={previous} current={current} yearText={yearText} previousText={previousText} scope="school" />
      )}
    </>
  );
}
