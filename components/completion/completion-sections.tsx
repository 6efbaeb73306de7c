import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AwardForm } from "@/components/completion/award-form";
import { AdvanceButton } from "@/components/program/stage-controls";
import { ReportButtons } from "@/components/tasks/report-buttons";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { Notice } from "@/components/ui/notice";
import { deleteAward, markFinalReport } from "@/lib/completion/actions";
import type { getCompletionOverview } from "@/lib/completion/queries";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

// The sections of the program's completion page (app/(app)/[org]/program/completion/page.tsx), which reads the
// overview once.

type Overview = NonNullable<Awaited<ReturnType<typeof getCompletionOverview>>>;
type CompletionProgram = { id: string; stage: number; academicYear: number };

const link = (href: string, label: string) => (
  <Link href={href} className="text-brand-700 underline">
    {label}
  </Link>
);

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

/** The program and its year, the way back to it, and a note when it is completed or not yet at stage 7. */
export async function CompletionHeader({ program, base, locale }: { program: CompletionProgram & { title: string; status: string; completedAt: Date | null }; base: string; locale: AppLocale }) {
  const t = await getTranslations("completion");
  const tr = await getTranslations();
  const completed = program.status === "COMPLETED";
  return (
    <>
      <PageHeader title={t("title")}>
        <p>
          {program.title} · {tr("program.yearLabel", { year: formatAcademicYear(program.academicYear) })}
        </p>
        <p>{t("intro")}</p>
        <p>
          <Link href={`${base}/program?year=${program.academicYear}`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
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
    </>
  );
}

/** Stage 7's checklist, each item with the place it is done, and the button to the next stage. */
export async function CompletionChecklistSection({
  overview,
  program,
  org,
  base,
  canReport,
  canMarkFinal,
  canAdvance,
  locale,
}: {
  overview: Overview;
  program: CompletionProgram;
  org: string;
  base: string;
  canReport: boolean;
  canMarkFinal: boolean;
  canAdvance: boolean;
  locale: AppLocale;
}) {
  const t = await getTranslations("completion");
  const tr = await getTranslations();
  const { facts } = overview;
  const status = (ok: boolean) => (ok ? t("done") : t("notDone"));
  return (
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
          {canReport ? (
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
  );
}

/** The program's questionnaires and how many answered. */
export async function CompletionSurveysSection({ surveys, base }: { surveys: Overview["surveys"]; base: string }) {
  const t = await getTranslations("completion");
  const tr = await getTranslations();
  return (
    <Section title={t("surveysTitle")} id="surveys">
      {surveys.length === 0 ? (
        <p>
          {t("surveysEmpty")} {link(`${base}/surveys`, t("openSurveys"))}
        </p>
      ) : (
        <Table caption={t("surveysCaption")} head={[t("surveyColumns.title"), t("surveyColumns.kind"), t("surveyColumns.status"), t("surveyColumns.answered")]}>
          {surveys.map((s) => (
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
  );
}

/** The cases written from the program's practice. */
export async function CompletionCasesSection({ cases, base, canWrite }: { cases: Overview["cases"]; base: string; canWrite: boolean }) {
  const t = await getTranslations("completion");
  return (
    <Section title={t("casesTitle")} id="cases">
      {cases.length === 0 ? <p className="mb-2">{t("casesEmpty")}</p> : (
        <ul className="mb-2 flex list-disc flex-col gap-1 pl-5">
          {cases.map((c) => (
            <li key={c.id}>
              {link(`${base}/practices/${c.id}`, c.title)}
              {c.sharedWithDistrict ? <span className="text-sm text-slate-700"> · {t("shared")}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {canWrite ? link(`${base}/practices#create`, t("writeCase")) : null}
    </Section>
  );
}

/** The awards of the program's participants and the form that adds one. */
export async function CompletionAwardsSection({
  overview,
  org,
  programId,
  canManage,
  defaultDate,
  locale,
}: {
  overview: Overview;
  org: string;
  programId: string;
  canManage: boolean;
  defaultDate: string;
  locale: AppLocale;
}) {
  const t = await getTranslations("completion");
  return (
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
          <AwardForm org={org} programId={programId} candidates={overview.candidates} defaultDate={defaultDate} />
        ) : (
          <p>{t("noCandidates")}</p>
        )
      ) : null}
    </Section>
  );
}
