import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CompletionAwardsSection, CompletionHeader, CompletionCasesSection, CompletionChecklistSection, CompletionSurveysSection } from "@/components/completion/completion-sections";
import { UpdateBanksForm } from "@/components/completion/update-banks-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { getCompletionOverview } from "@/lib/completion/queries";
import { academicYearEnd, academicYearStart } from "@/lib/domain/academic-year";
import { toLocale } from "@/lib/i18n/config";
import { findProgram } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("completion");
  return { title: t("title") };
}

/** The date the award form starts with: today when it falls in the program's year, else the year's last day. */
function defaultAwardDate(academicYear: number, today: Date): string {
  const from = academicYearStart(academicYear);
  const to = academicYearEnd(academicYear);
  const day = today < from ? from : today > to ? to : today;
  return day.toISOString().slice(0, 10);
}

export default async function CompletionPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("completion");
  const locale = toLocale(await getLocale());
  const base = `/${org}`;
  const { program, overview } = await readPage(ctx, async (read) => {
    const { program } = await findProgram(read, year);
    return { program, overview: program ? await getCompletionOverview(read, program.id) : null };
  });
  if (!program || !overview) {
    return (
      <>
        <PageHeader title={t("title")}>
          <p>{t("intro")}</p>
        </PageHeader>
        <Notice kind="info">{t("noProgram")}</Notice>
      </>
    );
  }
  const completed = program.status === "COMPLETED";
  const canManage = hasPermission(ctx.roles, "completion.manage") && !completed;
  const canAdvance = hasPermission(ctx.roles, "program.advance") && !completed && program.stage === 7;
  const canMarkFinal = hasPermission(ctx.roles, "reports.produce") && !completed && program.stage === 7;

  return (
    <>
      <CompletionHeader program={program} base={base} locale={locale} />

      <CompletionChecklistSection
        overview={overview}
        program={program}
        org={org}
        base={base}
        canReport={hasPermission(ctx.roles, "reports.produce")}
        canMarkFinal={canMarkFinal}
        canAdvance={canAdvance}
        locale={locale}
      />

      <CompletionSurveysSection surveys={overview.surveys} base={base} />

      <CompletionCasesSection cases={overview.cases} base={base} canWrite={hasPermission(ctx.roles, "practices.manage")} />

      <CompletionAwardsSection
        overview={overview}
        org={org}
        programId={program.id}
        canManage={canManage}
        defaultDate={defaultAwardDate(program.academicYear, organizationToday(ctx))}
        locale={locale}
      />

      <Section title={t("banksTitle")} id="banks">
        <p className="mb-4 text-slate-700">{t("banksIntro")}</p>
        <UpdateBanksForm org={org} programId={program.id} mentees={overview.staleMentees} canManage={hasPermission(ctx.roles, "completion.manage")} />
      </Section>
    </>
  );
}
