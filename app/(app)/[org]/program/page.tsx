import { getLocale, getTranslations } from "next-intl/server";
import { CreateProgramForm } from "@/components/program/create-program-form";
import { ProgramDocumentsSection, ProgramGateSection, ProgramLogSection, ProgramYearLinks } from "@/components/program/program-sections";
import { DirectorDecisions } from "@/components/program/stage-controls";
import { StageBoard } from "@/components/program/stage-board";
import { fixLinks } from "@/components/program/unmet-conditions";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { currentAcademicYear, formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { findProgram, getStageOverview } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("program");
  return { title: t("title") };
}

export default async function ProgramPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "program.view");
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const current = currentAcademicYear(ctx.organization.timeZone, now());
  const { program, years, overview } = await readPage(ctx, async (read) => {
    const found = await findProgram(read, year);
    return { ...found, overview: found.program ? await getStageOverview(read, found.program) : null };
  });
  const base = `/${org}`;
  const canManage = hasPermission(ctx.roles, "program.manage");

  const yearLinks = <ProgramYearLinks years={years} current={program?.academicYear} base={base} />;

  if (!program) {
    const free = [current, current + 1].filter((y) => !years.includes(y));
    return (
      <>
        <PageHeader title={t("program.title")}>
          <p>{t("program.none", { year: formatAcademicYear(year ?? current) })}</p>
        </PageHeader>
        {yearLinks}
        {canManage && free.length > 0 ? (
          <Section title={t("program.createTitle")} id="create">
            <CreateProgramForm org={org} years={free} defaultYear={free[0]!} defaultTemplate={ctx.organization.kind === "SCHOOL" ? "school" : "municipal"} />
          </Section>
        ) : null}
      </>
    );
  }

  const { unmet, transitions, byStage } = overview!;
  const completed = program.status === "COMPLETED";
  return (
    <>
      <PageHeader title={program.title}>
        <p>
          {t("program.yearLabel", { year: formatAcademicYear(program.academicYear) })} · {t(`program.status.${program.status}`)} ·{" "}
          {t("program.stageOf", { stage: program.stage })}
        </p>
        <p>
          {t("program.curator")}: {program.curator?.name ?? t("program.notSet")} · {t("program.coordinator")}: {program.coordinator?.name ?? t("program.notSet")}
        </p>
      </PageHeader>
      {yearLinks}
      {completed && program.completedAt ? (
        <div className="mb-6">
          <Notice kind="info">{t("program.completedNote", { date: formatDate(program.completedAt, locale) })}</Notice>
        </div>
      ) : null}

      <Section title={t("program.stageBoard")} id="stages">
        <StageBoard stage={program.stage} completed={completed} byStage={byStage} />
      </Section>

      {!completed ? (
        <ProgramGateSection
          org={org}
          program={program}
          unmet={unmet}
          links={fixLinks(base, program, ctx.organization.kind === "SCHOOL", ctx.roles)}
          canAdvance={hasPermission(ctx.roles, "program.advance")}
        />
      ) : null}

      {!completed && hasPermission(ctx.roles, "program.override") ? (
        <Section title={t("program.directorTitle")} id="director">
          <p className="mb-4 text-slate-700">{t("program.directorIntro")}</p>
          <DirectorDecisions org={org} programId={program.id} stage={program.stage} />
        </Section>
      ) : null}

      <ProgramDocumentsSection base={base} year={program.academicYear} />

      <ProgramLogSection transitions={transitions} timeZone={ctx.organization.timeZone} />
    </>
  );
}
