import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuestionEditor } from "@/components/surveys/question-editor";
import { QuestionList } from "@/components/surveys/question-list";
import { RecipientsForm } from "@/components/surveys/recipients-form";
import { SurveyControls } from "@/components/surveys/survey-controls";
import { SurveyHeader, SurveyRecipientsSection, SurveyResultsSection } from "@/components/surveys/survey-sections";
import { Notice } from "@/components/ui/notice";
import { Section } from "@/components/ui/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { toLocale } from "@/lib/i18n/config";
import { getSurvey, listRecipientCandidates } from "@/lib/surveys/queries";
import { problemText } from "@/lib/people/problem-text";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string; surveyId: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function generateMetadata() {
  const t = await getTranslations("surveys");
  return { title: t("title") };
}

export default async function SurveyPage({ params }: Params) {
  const { org, surveyId } = await params;
  const ctx = await requireTenant(org, "surveys.view");
  if (ctx.organization.kind !== "SCHOOL" || !UUID.test(surveyId)) notFound();
  // Individual answers only for those who run the questionnaires (curator, psychologist); the
  // director sees aggregates and who answered.
  const manage = hasPermission(ctx.roles, "surveys.manage");
  const { survey, candidates } = await readPage(ctx, async (read) => {
    const survey = await getSurvey(read, surveyId, { individual: manage });
    return { survey, candidates: survey && manage && survey.status !== "CLOSED" ? await listRecipientCandidates(read, survey.id) : [] };
  });
  if (!survey) notFound();
  const t = await getTranslations("surveys");
  const locale = toLocale(await getLocale());
  const toBank = hasPermission(ctx.roles, "banks.manage");
  const editable = manage && survey.status === "DRAFT" && survey.kind !== "ASSESSMENT_AFTER";
  const bankColumn = manage && (survey.kind === "MENTEE_NEEDS" || survey.kind === "MENTOR_PROFILE");

  return (
    <>
      <SurveyHeader survey={survey} org={org} locale={locale} />

      {survey.status === "OPEN" && !survey.answeringOpen ? (
        <div className="mb-6">
          <Notice kind="info">{t("pastClosingDay")}</Notice>
        </div>
      ) : null}

      {manage ? (
        <Section title={t("controlsTitle")} id="controls">
          <p className="mb-3 text-slate-700">{t(survey.status === "DRAFT" ? "openIntro" : survey.status === "OPEN" ? "closeIntro" : "closedIntro")}</p>
          <SurveyControls org={org} questionnaireId={survey.id} status={survey.status} satisfactionKind={survey.kind === "SATISFACTION_MENTEE" || survey.kind === "SATISFACTION_MENTOR"} />
        </Section>
      ) : null}

      <Section title={t("questionsTitle")} id="questions">
        {editable ? (
          <QuestionEditor org={org} questionnaireId={survey.id} title={survey.title} questions={survey.questions} />
        ) : (
          <>
            {survey.kind === "ASSESSMENT_AFTER" && survey.status === "DRAFT" ? <p className="mb-3 text-slate-700">{t("assessmentAfterFixed")}</p> : null}
            <QuestionList questions={survey.questions} />
          </>
        )}
      </Section>

      <SurveyRecipientsSection survey={survey} org={org} manage={manage} toBank={toBank} bankColumn={bankColumn} timeZone={ctx.organization.timeZone} locale={locale} />

      {manage && survey.status !== "CLOSED" ? (
        <Section title={t("addRecipientsTitle")} id="add-recipients">
          <p className="mb-3 text-slate-700">{survey.status === "OPEN" ? t("addRecipientsOpenIntro") : t("addRecipientsIntro")}</p>
          <RecipientsForm
            org={org}
            questionnaireId={survey.id}
            candidates={candidates.map((c) => ({ id: c.id, name: c.name, kind: c.kind, details: c.details, added: c.added, refusal: c.refusal && problemText(c.refusal, locale) }))}
          />
        </Section>
      ) : null}

      <SurveyResultsSection survey={survey} locale={locale} />
    </>
  );
}
