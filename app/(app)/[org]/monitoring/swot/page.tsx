import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { SwotFormSection } from "@/components/monitoring/swot-section";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatAcademicYear } from "@/lib/domain/academic-year";
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
        <SwotFormSection key={f.form} swot={f} org={org} programId={swot.program.id} editable={editable} />
      ))}
    </>
  );
}
