import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { listMySurveys } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("myTitle") };
}

export default async function MySurveysPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "surveys.answer");
  if (ctx.organization.kind !== "SCHOOL") notFound();
  const t = await getTranslations("surveys");
  const locale = toLocale(await getLocale());
  const rows = await listMySurveys(ctx);
  return (
    <>
      <PageHeader title={t("myTitle")}>
        <p>{t("myIntro")}</p>
      </PageHeader>
      <Section title={t("myListTitle")} id="my-surveys">
        {rows.length === 0 ? (
          <p>{t("myEmpty")}</p>
        ) : (
          <Table caption={t("myListTitle")} head={[t("surveyTitle"), t("myState"), t("closesOn"), t("actions")]}>
            {rows.map((r) => (
              <tr key={r.id}>
                <Td>{r.questionnaire.title}</Td>
                <Td>
                  {r.answeredAt ? t("myAnswered", { date: formatDate(r.answeredAt, locale) }) : r.canAnswer ? t("myWaiting") : t("myMissed")}
                  {r.canAnswer ? null : <span className="block text-sm text-slate-700">{t("statuses.CLOSED")}</span>}
                </Td>
                <Td>{r.questionnaire.closesOn ? formatDate(r.questionnaire.closesOn, locale) : "—"}</Td>
                <Td>
                  <Link href={`/${org}/my-surveys/${r.id}`} className="text-brand-700 underline">
                    {r.canAnswer ? (r.answeredAt ? t("editAnswers") : t("answerNow")) : t("viewAnswers")}
                    <span className="sr-only">: {r.questionnaire.title}</span>
                  </Link>
                </Td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
