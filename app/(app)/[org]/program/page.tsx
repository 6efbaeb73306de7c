import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateProgramForm } from "@/components/program/create-program-form";
import { AdvanceButton, DirectorDecisions } from "@/components/program/stage-controls";
import { StageBoard } from "@/components/program/stage-board";
import { fixLinks, UnmetConditions } from "@/components/program/unmet-conditions";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { now } from "@/lib/clock";
import { currentAcademicYear, formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate, formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { findProgram, getStageOverview } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { PdfLink } from "@/components/documents/pdf-link";

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

  const yearLinks =
    years.length > 1 ? (
      <nav aria-label={t("program.otherYears")} className="mb-4 flex flex-wrap gap-3 text-sm">
        {years.map((y) => (
          <Link key={y} href={`${base}/program?year=${y}`} aria-current={program?.academicYear === y ? "page" : undefined} className="text-brand-700 underline aria-[current=page]:font-bold">
            {formatAcademicYear(y)}
          </Link>
        ))}
      </nav>
    ) : null;

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
        <Section title={program.stage === 7 ? t("program.gateTitleLast") : t("program.gateTitle", { next: program.stage + 1 })} id="gate">
          <p className="mb-3 font-medium">
            {program.stage}. {t(`stages.title${program.stage}` as "stages.title1")}
          </p>
          {unmet.length === 0 ? (
            <Notice kind="success">{t("program.gateMet")}</Notice>
          ) : (
            <UnmetConditions unmet={unmet} stage={program.stage} links={fixLinks(base, program, ctx.organization.kind === "SCHOOL", ctx.roles)} label={t("program.gateTitle", { next: program.stage + 1 })} />
          )}
          {hasPermission(ctx.roles, "program.advance") ? (
            <div className="mt-4">
              <AdvanceButton org={org} programId={program.id} stage={program.stage} />
            </div>
          ) : null}
        </Section>
      ) : null}

      {!completed && hasPermission(ctx.roles, "program.override") ? (
        <Section title={t("program.directorTitle")} id="director">
          <p className="mb-4 text-slate-700">{t("program.directorIntro")}</p>
          <DirectorDecisions org={org} programId={program.id} stage={program.stage} />
        </Section>
      ) : null}

      <Section title={t("program.documents")} id="documents">
        <ul className="flex list-disc flex-col gap-2 pl-5">
          <li>
            <a href={`${base}/program/documents/roadmap?year=${program.academicYear}`} className="text-brand-700 underline">
              {t("program.roadmapDocx")}
            </a>
          </li>
          <PdfLink href={`${base}/program/documents/roadmap?year=${program.academicYear}`} item>
            {t("program.roadmapPdf")}
          </PdfLink>
          <li>
            <a href={`${base}/program/documents/roadmap-order?year=${program.academicYear}`} className="text-brand-700 underline">
              {t("program.orderDocx")}
            </a>
          </li>
          <PdfLink href={`${base}/program/documents/roadmap-order?year=${program.academicYear}`} item>
            {t("program.orderPdf")}
          </PdfLink>
          <li>
            <Link href={`${base}/program/stage1?year=${program.academicYear}`} className="text-brand-700 underline">
              {t("acts.stage1Link")}
            </Link>
          </li>
        </ul>
      </Section>

      <Section title={t("program.log")} id="log">
        {transitions.length === 0 ? (
          <p>{t("program.logEmpty")}</p>
        ) : (
          <Table caption={t("program.logCaption")} head={[t("program.logWhen"), t("program.logWho"), t("program.logWhat"), t("program.logReason")]}>
            {transitions.map((tr) => (
              <tr key={tr.id}>
                <Td className="whitespace-nowrap">{formatDateTime(tr.createdAt, ctx.organization.timeZone)}</Td>
                <Td>{tr.actor?.name ?? "—"}</Td>
                <Td>{t(`program.logKinds.${tr.kind}`, { from: tr.fromStage, to: tr.toStage })}</Td>
                <Td>{tr.reason ?? ""}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
