import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AnswerForm } from "@/components/surveys/answer-form";
import { Notice } from "@/components/ui/notice";
import { formatDate } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { findSurveyByToken } from "@/lib/surveys/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("publicTitle"), robots: { index: false, follow: false } };
}

/** A questionnaire answered through a one-time link, without signing in. */
export default async function PublicSurveyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const survey = await findSurveyByToken(token);
  if (survey.state === "unknown") notFound();
  const t = await getTranslations("surveys");
  const locale = toLocale(await getLocale());

  if (survey.state !== "valid") {
    const { title, text } = {
      used: { title: t("linkUsedTitle"), text: t("linkUsedText") },
      expired: { title: t("linkExpiredTitle"), text: t("linkExpiredText") },
      closed: { title: t("surveyClosedTitle"), text: t("surveyClosedText") },
    }[survey.state];
    return (
      <div className="flex flex-col gap-4">
        <p className="text-slate-700">{survey.organizationName}</p>
        <h1 className="text-2xl font-semibold">{title}</h1>
        <Notice kind="info">{text}</Notice>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{survey.organizationName}</p>
      <h1 className="text-2xl font-semibold">{survey.title}</h1>
      <p>{t("publicIntro")}</p>
      {survey.closesOn ? <p className="text-sm text-slate-700">{t("closesOnShort", { date: formatDate(survey.closesOn, locale) })}</p> : null}
      <AnswerForm questions={survey.questions} initial={null} target={{ kind: "link", token }} />
    </div>
  );
}
