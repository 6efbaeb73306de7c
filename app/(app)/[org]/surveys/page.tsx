import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateSurveyForm } from "@/components/surveys/create-survey-form";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { formatDate } from "@/lib/format";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { toLocale } from "@/lib/i18n/config";
import { listBeforeAssessments, listSurveyPrograms, listSurveys } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("title") };
}

export default async function SurveysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "surveys.view");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("surveys");
  const locale = toLocale(await getLocale());
  const manage = hasPermission(ctx.roles, "surveys.manage");
  const [rows, programs, befores] = await readPage(ctx, (read) => Promise.all([listSurveys(read), manage ? listSurveyPrograms(read) : [], manage ? listBeforeAssessments(read) : []]));
  return (
    <>
      <PageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </PageHeader>
      <Section title={t("listTitle")} id="surveys">
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <Table caption={t("listTitle")} head={[t("surveyTitle"), t("kind"), t("status"), t("answeredOfSent"), t("closesOn")]}>
            {rows.map((q) => (
              <tr key={q.id}>
                <Td>
                  <Link href={`/${org}/surveys/${q.id}`} className="text-brand-700 underline">
                    {q.title}
                  </Link>
                </Td>
                <Td>{t(`kinds.${q.kind}`)}</Td>
                <Td>{t(`statuses.${q.status}`)}</Td>
                <Td>{t("answeredCount", { answered: q.answered, sent: q.sent })}</Td>
                <Td>{q.closesOn ? formatDate(q.closesOn, locale) : "—"}</Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      {manage ? (
        <Section title={t("createTitle")} id="create">
          <p className="mb-4 text-slate-700">{t("createIntro")}</p>
          <CreateSurveyForm
            org={org}
            programs={programs.map((p) => ({ id: p.id, label: `${p.title} (${formatAcademicYear(p.academicYear)})` }))}
            befores={befores.map((b) => ({ id: b.id, label: b.openedAt ? `${b.title} (${formatDate(b.openedAt, locale)})` : b.title }))}
          />
        </Section>
      ) : null}
    </>
  );
}
