import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { IndicatorsTable } from "@/components/program/indicators-table";
import { IndicatorForm, PassportForm } from "@/components/program/passport-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { toLocale } from "@/lib/i18n/config";
import { findProgram, listIndicators, listStaff } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("passport");
  return { title: t("title") };
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export default async function PassportPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "program.view");
  const data = await readPage(ctx, async (read) => {
    const { program } = await findProgram(read, year);
    if (!program) return null;
    const [indicators, staff] = await Promise.all([listIndicators(read, program.id), listStaff(read)]);
    return { program, indicators, staff };
  });
  if (!data) redirect(`/${org}/program`);
  const { program, indicators, staff } = data;
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const editable = program.status === "ACTIVE" && hasPermission(ctx.roles, "program.manage");

  return (
    <>
      <PageHeader title={`${t("passport.title")}: ${formatAcademicYear(program.academicYear)}`} />
      <Section title={t("passport.general")} id="general">
        <PassportForm
          org={org}
          programId={program.id}
          staff={staff}
          readOnly={!editable}
          initial={{
            title: program.title,
            audience: program.audience,
            goal: program.goal ?? "",
            tasks: program.tasks ?? "",
            expectedResults: program.expectedResults ?? "",
            risks: program.risks ?? "",
            startDate: isoDate(program.startDate),
            endDate: isoDate(program.endDate),
            curatorId: program.curatorId ?? "",
            coordinatorId: program.coordinatorId ?? "",
          }}
        />
      </Section>
      <Section title={t("passport.indicators")} id="indicators">
        <p className="mb-4 text-slate-700">{t("passport.indicatorsIntro", { year: formatAcademicYear(program.academicYear) })}</p>
        <IndicatorsTable indicators={indicators} org={org} programId={program.id} academicYear={program.academicYear} editable={editable} locale={locale} />
        {editable ? (
          <div className="mt-6">
            <IndicatorForm org={org} programId={program.id} label={t("passport.addIndicator")} />
          </div>
        ) : null}
      </Section>
    </>
  );
}
