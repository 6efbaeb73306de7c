import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SwotForm } from "@/components/monitoring/swot-form";
import { SwotTable } from "@/components/monitoring/swot-table";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { SWOT_QUADRANTS } from "@/lib/domain/swot";
import { formatDate } from "@/lib/format";
import { readPageParams, YearSearch, type RawParams } from "@/lib/http/params";
import { toLocale } from "@/lib/i18n/config";
import { getProgramSwot } from "@/lib/monitoring/swot";
import { findProgram } from "@/lib/programs/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("swot");
  return { title: t("title") };
}

/** The first stage of monitoring per form of mentoring: computed SWOT lines and the curator's own (decision 049). */
export default async function SwotPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<RawParams> }) {
  const { org } = await params;
  const { year } = readPageParams(YearSearch, await searchParams);
  const ctx = await requireTenant(org, "monitoring.school");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("swot");
  const locale = toLocale(await getLocale());
  const { program, swot } = await readPage(ctx, async (read) => {
    const { program } = await findProgram(read, year);
    return { program, swot: program ? await getProgramSwot(read, program.id) : null };
  });
  if (!program || !swot) notFound();
  const editable = swot.program.status === "ACTIVE" && hasPermission(ctx.roles, "program.manage");
  const source = (d: Date | null) => (d ? t("closedOn", { date: formatDate(d, locale) }) : t("notClosed"));
  const quadrants = Object.fromEntries(SWOT_QUADRANTS.map((q) => [q, t(`quadrants.${q}`)])) as Record<(typeof SWOT_QUADRANTS)[number], string>;

  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro", { year: formatAcademicYear(program.academicYear) })}</p>
        <p className="mt-2 text-sm">{t("rules")}</p>
        <p className="mt-2 text-sm">{t("sources", { mentees: source(swot.sources.mentees), mentors: source(swot.sources.mentors), assessment: source(swot.sources.assessment) })}</p>
        <p className="mt-2 text-sm">
          <Link href={`/${org}/monitoring?year=${program.academicYear}`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>
      {swot.forms.length === 0 ? <Notice kind="info">{t("noForms")}</Notice> : null}
      {swot.program.status === "COMPLETED" ? <Notice kind="info">{t("readOnly")}</Notice> : null}
      {swot.forms.map((f) => (
        <Section key={f.form} title={f.title} id={`form-${f.form}`}>
          <p className="mb-3 text-sm text-slate-700">{t("basis", { pairs: f.pairs, answered: f.answered, asked: f.asked })}</p>
          {f.asked === 0 ? <Notice kind="info">{t("noAnswers")}</Notice> : null}
          <SwotTable computed={f.computed} notes={f.notes} labels={{ caption: t("caption", { form: f.title }), side: "SWOT", computed: t("computed"), own: t("own"), none: t("none"), quadrants }} />
          {f.suggestions.length ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm">{t("suggestionsTitle", { count: f.suggestions.length })}</summary>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {f.suggestions.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {editable ? (
            <div className="mt-4">
              <h3 className="mb-2 font-medium">{t("editTitle", { form: f.title })}</h3>
              <SwotForm org={org} programId={swot.program.id} form={f.form} formTitle={f.title} notes={f.notes} />
            </div>
          ) : null}
        </Section>
      ))}
    </>
  );
}
