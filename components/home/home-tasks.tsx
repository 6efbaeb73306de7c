import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { fixLinks, UnmetConditions } from "@/components/program/unmet-conditions";
import { Notice } from "@/components/ui/notice";
import type { AppRole } from "@/lib/auth/roles";
import { Section } from "@/components/ui/page-header";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate } from "@/lib/format";
import { DUE_SOON_DAYS, type HomeApprovals, type HomeData, type HomeProgram } from "@/lib/home/queries";
import { toLocale } from "@/lib/i18n/config";

const LINK = "text-brand-700 underline";

/** The current program: its stage, what holds it back, what is overdue or due soon. */
export async function ProgramTasks({ base, program, isSchool, roles, canCreate, year }: { base: string; program: HomeProgram | null; isSchool: boolean; roles: readonly AppRole[]; canCreate: boolean; year: number }) {
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  if (!program) {
    return (
      <Section title={t("homeTodo.title")} id="todo-program">
        <p className="mb-2">{t("homeTodo.noProgram", { year: formatAcademicYear(year) })}</p>
        {canCreate ? <Link href={`${base}/program`} className={LINK}>{t("homeTodo.createProgram")}</Link> : null}
      </Section>
    );
  }
  const yearText = formatAcademicYear(program.academicYear);
  const activities = (rows: NonNullable<HomeProgram["overdue"]>["shown"]) => (
    <ul className="mb-3 flex list-disc flex-col gap-1 pl-5">
      {rows.map((a) => (
        <li key={a.id}>
          <Link href={`${base}/program/roadmap/${a.id}`} className={LINK}>{a.title}</Link>{" "}
          <span className="text-sm text-slate-700">({t("homeTodo.stageShort", { stage: a.stage })}{a.dueEnd ? `, ${t("homeTodo.dueOn", { date: formatDate(a.dueEnd, locale) })}` : ""})</span>
        </li>
      ))}
    </ul>
  );
  return (
    <Section title={t("homeTodo.title")} id="todo-program">
      <p className="mb-3 font-medium">
        {program.status === "COMPLETED" ? t("homeTodo.programCompleted", { year: yearText }) : t("homeTodo.programLine", { year: yearText, stage: program.stage, title: t(`stages.title${program.stage}` as "stages.title1") })}
      </p>
      {program.status === "ACTIVE" ? (
        program.unmet.length === 0 ? (
          <div className="mb-3"><Notice kind="success">{t("homeTodo.gateMet")}</Notice></div>
        ) : (
          <>
            <h3 className="mb-2 font-medium">{t("homeTodo.unmetTitle")}</h3>
            <UnmetConditions unmet={program.unmet} stage={program.stage} links={fixLinks(base, program, isSchool, roles)} label={t("homeTodo.unmetTitle")} />
          </>
        )
      ) : null}
      {program.overdue && program.overdue.count > 0 ? (
        <>
          <h3 className="mb-2 font-medium text-red-800">{t("homeTodo.overdueTitle", { count: program.overdue.count })}</h3>
          {activities(program.overdue.shown)}
        </>
      ) : null}
      {program.dueSoon && program.dueSoon.count > 0 ? (
        <>
          <h3 className="mb-2 font-medium">{t("homeTodo.dueSoonTitle", { days: DUE_SOON_DAYS, count: program.dueSoon.count })}</h3>
          {activities(program.dueSoon.shown)}
        </>
      ) : null}
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`${base}/program?year=${program.academicYear}`} className={LINK}>{t("homeTodo.openProgram")}</Link>
        <Link href={`${base}/program/roadmap`} className={LINK}>{t("homeTodo.allRoadmap")}</Link>
      </p>
    </Section>
  );
}

/** What waits for the head's (or the curator's) decision, each a link to the list where it is decided. */
export async function ApprovalTasks({ base, approvals }: { base: string; approvals: HomeApprovals | null }) {
  const t = await getTranslations("homeTodo");
  const rows = [
    { count: approvals?.acts, href: `${base}/acts`, label: "approvalActs" },
    { count: approvals?.mentors, href: `${base}/mentors`, label: "approvalMentors" },
    { count: approvals?.mentees, href: `${base}/mentees?approval=awaiting`, label: "approvalMentees" },
    { count: approvals?.pairs, href: `${base}/pairs`, label: "approvalPairs" },
    { count: approvals?.incentives, href: `${base}/mentors/incentives`, label: "approvalIncentives" },
    { count: approvals?.personalPrograms, href: `${base}/pairs`, label: "approvalPrograms" },
    { count: approvals?.openSurveys, href: `${base}/surveys`, label: "openSurveys" },
  ] as const;
  const waiting = rows.filter((r) => typeof r.count === "number" && r.count > 0);
  if (approvals === null) return null;
  return (
    <Section title={t("approvalsTitle")} id="todo-approvals">
      {waiting.length === 0 ? (
        <p>{t("allClear")}</p>
      ) : (
        <ul className="flex list-disc flex-col gap-1 pl-5">
          {waiting.map((r) => (
            <li key={r.label}>
              <Link href={r.href} className={LINK}>{t(r.label, { count: r.count! })}</Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Surveys sent to the signed-in person that are open and not answered yet. */
export async function SurveyTasks({ base, surveys }: { base: string; surveys: NonNullable<HomeData["mySurveys"]> }) {
  if (surveys.length === 0) return null;
  const t = await getTranslations("homeTodo");
  const locale = toLocale(await getLocale());
  return (
    <Section title={t("mySurveysTitle")} id="todo-surveys">
      <ul className="flex list-disc flex-col gap-1 pl-5">
        {surveys.map((s) => (
          <li key={s.id}>
            <Link href={`${base}/my-surveys/${s.id}`} className={LINK}>{s.title}</Link>
            {s.closesOn ? <span className="text-sm text-slate-700"> ({t("answerBy", { date: formatDate(s.closesOn, locale) })})</span> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
