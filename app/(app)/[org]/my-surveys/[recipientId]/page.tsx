import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AnswerForm } from "@/components/surveys/answer-form";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { requireTenant } from "@/lib/auth/tenant";
import { formatDate, formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { getMySurvey } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("myTitle") };
}

export default async function MySurveyPage({ params }: { params: Promise<{ org: string; recipientId: string }> }) {
  const { org, recipientId } = await params;
  const ctx = await requireTenant(org, "surveys.answer");
  if (ctx.organization.kind !== "SCHOOL" || !UUID.test(recipientId)) notFound();
  const survey = await getMySurvey(ctx, recipientId);
  if (!survey) notFound();
  const t = await getTranslations("surveys");
  const locale = toLocale(await getLocale());
  return (
    <>
      <PageHeader title={survey.questionnaire.title}>
        <p>{t("mySurveyIntro", { organization: ctx.organization.name })}</p>
        {survey.questionnaire.closesOn ? <p>{t("closesOnShort", { date: formatDate(survey.questionnaire.closesOn, locale) })}</p> : null}
        <p>
          <Link href={`/${org}/my-surveys`} className="text-brand-700 underline">
            {t("backToMy")}
          </Link>
        </p>
      </PageHeader>
      {survey.answeredAt ? (
        <div className="mb-6">
          <Notice kind="info">
            {survey.canAnswer ? t("answeredEditable", { date: formatDateTime(survey.answeredAt, ctx.organization.timeZone) }) : t("answeredFrozen", { date: formatDateTime(survey.answeredAt, ctx.organization.timeZone) })}
          </Notice>
        </div>
      ) : !survey.canAnswer ? (
        <div className="mb-6">
          <Notice kind="info">{t("surveyOver")}</Notice>
        </div>
      ) : null}
      <Section title={t("questionsTitle")} id="answers">
        <AnswerForm questions={survey.questionnaire.questions} initial={survey.answers} target={{ kind: "app", org, recipientId: survey.id }} readOnly={!survey.canAnswer} />
      </Section>
    </>
  );
}
