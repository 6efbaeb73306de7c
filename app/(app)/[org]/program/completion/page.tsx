import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AwardForm } from "@/components/completion/award-form";
import { UpdateBanksForm } from "@/components/completion/update-banks-form";
import { AdvanceButton } from "@/components/program/stage-controls";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { organizationToday, readPage, requireTenant } from "@/lib/auth/tenant";
import { deleteAward, markFinalReport } from "@/lib/completion/actions";
import { getCompletionOverview } from "@/lib/completion/queries";
import { academicYearEnd, academicYearStart, formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { findProgram } from "@/lib/programs/queries";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { ReportButtons } from "@/components/tasks/report-buttons";

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

function Item({ ok, title, detail, children }: { ok: boolean; title: string; detail?: string; children?: ReactNode }) {
  return (
    <li className={`rounded-md border-l-4 px-3 py-2 ${ok ? "border-green-700 bg-green-50" : "border-amber-600 bg-amber-50"}`}>
      <p className="font-medium">
        <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
        {title}
      </p>
      {detail ? <p className="text-sm text-slate-800">{detail}</p> : null}
      {children ? <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">{children}</div> : null}
    </li>
  );
}

export default async function CompletionPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("completion");
  const tr = await getTranslations();
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
  const { facts } = overview;
  const completed = program.status === "COMPLETED";
  const canManage = hasPermission(ctx.roles, "completion.manage") && !completed;
  const canAdvance = hasPermission(ctx.roles, "program.advance") && !completed && program.stage === 7;
  const canMarkFinal = hasPermission(ctx.roles, "reports.produce") && !completed && program.stage === 7;
  const link = (href: string, label: string) => (
    <Link href={href} className="text-brand-700 underline">
      {label}
    </Link>
  );
  const status = (ok: boolean) => (ok ? t("done") : t("notDone"));

  return (
    <>
      <PageHeader title={t("title")}>
        <p>
          {program.title} · {tr("program.yearLabel", { year: formatAcademicYear(program.academicYear) })}
        </p>
        <p>{t("intro")}</p>
        <p>{link(`${base}/program?year=${program.academicYear}`, t("back"))}</p>
      </PageHeader>
      {completed && program.completedAt ? (
        <div className="mb-6">
          <Notice kind="info">{t("completedNote", { date: formatDate(program.completedAt, locale) })}</Notice>
        </div>
      ) : program.stage < 7 ? (
        <div className="mb-6">
          <Notice kind="info">{t("stageNote", { stage: program.stage })}</Notice>
        </div>
      ) : null}

      <Section title={t("checklistTitle")} id="checklist">
        <ul className="flex flex-col gap-2" aria-label={t("checklistCaption")}>
          <Item ok={facts.openPairs === 0} title={`${t("items.pairs")} — ${status(facts.openPairs === 0)}`} detail={facts.openPairs ? t("items.pairsOpen", { count: facts.openPairs }) : undefined}>
            {link(`${base}/pairs`, t("openPairs"))}
          </Item>
          <Item ok={facts.menteeSatisfactionCollected} title={`${t("items.satisfactionMentees")} — ${status(facts.menteeSatisfactionCollected)}`}>
            {link(`${base}/surveys`, t("openSurveys"))}
          </Item>
          <Item ok={facts.mentorSatisfactionCollected} title={`${t("items.satisfactionMentors")} — ${status(facts.mentorSatisfactionCollected)}`}>
            {link(`${base}/surveys`, t("openSurveys"))}
          </Item>
          <Item ok={facts.assessmentCompared} title={`${t("items.assessment")} — ${status(facts.assessmentCompared)}`}>
            {link(`${base}/surveys`, t("openSurveys"))}
          </Item>
          <Item ok={facts.cases > 0} title={`${t("items.cases")} — ${status(facts.cases > 0)}`} detail={t("items.casesCount", { count: facts.cases })}>
            {link(`${base}/practices`, t("openPractices"))}
          </Item>
          <Item ok={facts.awards > 0} title={`${t("items.awards")} — ${status(facts.awards > 0)}`} detail={t("items.awardsCount", { count: facts.awards })}>
            {link("#awards", t("toAwards"))}
          </Item>
          <Item
            ok={facts.menteesNotUpdated === 0}
            title={`${t("items.banks")} — ${status(facts.menteesNotUpdated === 0)}`}
            detail={facts.menteesNotUpdated ? t("items.banksStale", { count: facts.menteesNotUpdated }) : undefined}
          >
            {link("#banks", t("toBanks"))}
          </Item>
          <Item
            ok={facts.finalReportProduced}
            title={`${t("items.report")} — ${status(facts.finalReportProduced)}`}
            detail={overview.finalReportAt ? t("items.reportAt", { date: formatDate(overview.finalReportAt, locale) }) : undefined}
          >
            {hasPermission(ctx.roles, "reports.produce") ? (
              <ReportButtons org={org} year={program.academicYear} pending={tr("tasks.producing")} labels={{ docx: t("reportDocx"), pdf: t("reportPdf"), xlsx: t("reportXlsx") }} />
            ) : null}
            {canMarkFinal ? (
              <ActionButton action={markFinalReport} input={{ org, programId: program.id }} label={t("markFinal")} confirm={t("markFinalConfirm")} done={t("markFinalDone")} />
            ) : null}
          </Item>
        </ul>
        {canAdvance ? (
          <div className="mt-4">
            <AdvanceButton org={org} programId={program.id} stage={program.stage} />
          </div>
        ) : null}
      </Section>

      <Section title={t("surveysTitle")} id="surveys">
        {overview.surveys.length === 0 ? (
          <p>
            {t("surveysEmpty")} {link(`${base}/surveys`, t("openSurveys"))}
          </p>
        ) : (
          <Table caption={t("surveysCaption")} head={[t("surveyColumns.title"), t("surveyColumns.kind"), t("surveyColumns.status"), t("surveyColumns.answered")]}>
            {overview.surveys.map((s) => (
              <tr key={s.id}>
                <Td>{link(`${base}/surveys/${s.id}`, s.title)}</Td>
                <Td>{tr(`surveys.kinds.${s.kind}` as never)}</Td>
                <Td>{tr(`surveys.statuses.${s.status}` as never)}</Td>
                <Td>{s.answered}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>

      <Section title={t("casesTitle")} id="cases">
        {overview.cases.length === 0 ? <p className="mb-2">{t("casesEmpty")}</p> : (
          <ul className="mb-2 flex list-disc flex-col gap-1 pl-5">
            {overview.cases.map((c) => (
              <li key={c.id}>
                {link(`${base}/practices/${c.id}`, c.title)}
                {c.sharedWithDistrict ? <span className="text-sm text-slate-700"> · {t("shared")}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {hasPermission(ctx.roles, "practices.manage") ? link(`${base}/practices#create`, t("writeCase")) : null}
      </Section>

      <Section title={t("awardsTitle")} id="awards">
        <p className="mb-4 text-slate-700">{t("awardsIntro")}</p>
        {overview.awards.length === 0 ? (
          <p className="mb-4">{t("awardsEmpty")}</p>
        ) : (
          <div className="mb-6">
            <Table
              caption={t("awardsCaption")}
              head={[t("awardColumns.person"), t("awardColumns.kind"), t("awardColumns.title"), t("awardColumns.date"), t("awardColumns.basis"), ...(canManage ? [t("awardColumns.actions")] : [])]}
            >
              {overview.awards.map((a) => (
                <tr key={a.id}>
                  <Td>{a.name}</Td>
                  <Td>{t(`awardKinds.${a.kind}`)}</Td>
                  <Td>{a.title}</Td>
                  <Td className="whitespace-nowrap">{formatDate(a.awardedOn, locale)}</Td>
                  <Td>{a.basis ?? "—"}</Td>
                  {canManage ? (
                    <Td>
                      <ActionButton action={deleteAward} input={{ org, awardId: a.id }} label={t("deleteAward")} confirm={t("deleteAwardConfirm")} done={t("awardDeleted")} variant="danger" />
                    </Td>
                  ) : null}
                </tr>
              ))}
            </Table>
          </div>
        )}
        {canManage ? (
          overview.candidates.length ? (
            <AwardForm org={org} programId={program.id} candidates={overview.candidates} defaultDate={defaultAwardDate(program.academicYear, organizationToday(ctx))} />
          ) : (
            <p>{t("noCandidates")}</p>
          )
        ) : null}
      </Section>

      <Section title={t("banksTitle")} id="banks">
        <p className="mb-4 text-slate-700">{t("banksIntro")}</p>
        <UpdateBanksForm org={org} programId={program.id} mentees={overview.staleMentees} canManage={hasPermission(ctx.roles, "completion.manage")} />
      </Section>
    </>
  );
}
