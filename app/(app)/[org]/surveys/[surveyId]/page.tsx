import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { QuestionEditor } from "@/components/surveys/question-editor";
import { answerText, QuestionList } from "@/components/surveys/question-list";
import { RecipientsForm } from "@/components/surveys/recipients-form";
import { AssessmentComparisonTable, SurveyResults } from "@/components/surveys/results";
import { ReissueLinkButton, SurveyControls } from "@/components/surveys/survey-controls";
import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { readPage, requireTenant } from "@/lib/auth/tenant";
import { addMenteeFromSurvey, addMentorFromSurvey } from "@/lib/banks/actions";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { COMPETENCY_TAGS, DIFFICULTY_TAGS, MENTEE_CATEGORIES } from "@/lib/domain/banks";
import { formatDate, formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/config";
import { removeSurveyRecipient } from "@/lib/surveys/actions";
import { getSurvey, listRecipientCandidates } from "@/lib/surveys/queries";

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
  const tb = await getTranslations("banks");
  const locale = toLocale(await getLocale());
  const toBank = hasPermission(ctx.roles, "banks.manage");
  const editable = manage && survey.status === "DRAFT" && survey.kind !== "ASSESSMENT_AFTER";
  const bankColumn = manage && (survey.kind === "MENTEE_NEEDS" || survey.kind === "MENTOR_PROFILE");
  const linkState = (r: (typeof survey.recipients)[number]) => {
    if (r.link === "valid" && r.linkExpiresAt) return t("linkStates.valid", { date: formatDate(r.linkExpiresAt, locale) });
    return t(`linkStates.${r.link}`);
  };

  return (
    <>
      <PageHeader title={survey.title}>
        <p>
          {t(`kinds.${survey.kind}`)} · {t(`statuses.${survey.status}`)}
          {survey.closesOn ? ` · ${t("closesOnShort", { date: formatDate(survey.closesOn, locale) })}` : ""}
        </p>
        {survey.program ? <p>{t("forProgram", { title: survey.program.title, year: formatAcademicYear(survey.program.academicYear) })}</p> : null}
        <p className="text-sm">
          {t("createdBy", { name: survey.createdBy.name })}
          {survey.openedAt ? ` · ${t("openedAt", { date: formatDate(survey.openedAt, locale) })}` : ""}
          {survey.closedAt ? ` · ${t("closedAt", { date: formatDate(survey.closedAt, locale) })}` : ""}
        </p>
        <p>
          <Link href={`/${org}/surveys`} className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
      </PageHeader>

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

      <Section title={t("recipientsTitle", { answered: survey.answeredCount, sent: survey.recipients.length })} id="recipients">
        {survey.recipients.length === 0 ? (
          <p>{t("noRecipientsYet")}</p>
        ) : (
          <Table
            caption={t("recipientsCaption")}
            head={[t("recipient"), t("answered"), ...(manage ? [t("link")] : []), ...(bankColumn ? [t("bankColumn")] : []), ...(manage ? [t("actions")] : [])]}
          >
            {survey.recipients.map((r) => (
              <tr key={r.id}>
                <Td>
                  {r.name}
                  {manage && r.answers ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-sm text-brand-700 underline">{t("showAnswers")}</summary>
                      <dl className="mt-2 flex flex-col gap-1 text-sm">
                        {survey.questions.map((q) => (
                          <div key={q.id}>
                            <dt className="font-medium">{q.text}</dt>
                            <dd className="whitespace-pre-line">{answerText(q, r.answers?.[q.id])}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </Td>
                <Td>{r.answeredAt ? formatDateTime(r.answeredAt, ctx.organization.timeZone) : t("notYet")}</Td>
                {manage ? <Td>{linkState(r)}</Td> : null}
                {bankColumn ? (
                  <Td>
                    {r.bank?.kind === "mentee" ? (
                      <div className="flex flex-col gap-1 text-sm">
                        <span>
                          <span className="font-medium">{tb("category")}:</span> {r.bank.entry.category ? MENTEE_CATEGORIES[r.bank.entry.category] : "—"}
                        </span>
                        <span>
                          <span className="font-medium">{tb("difficulties")}:</span> {r.bank.entry.difficulties.map((d) => DIFFICULTY_TAGS[d]).join("; ") || "—"}
                        </span>
                        {r.bank.inBank ? (
                          <span className="font-medium text-green-800">{t("alreadyInBank")}</span>
                        ) : toBank ? (
                          <ActionButton action={addMenteeFromSurvey} input={{ org, recipientId: r.id }} label={t("toMenteeBank")} done={t("addedToBank")} />
                        ) : null}
                      </div>
                    ) : r.bank?.kind === "mentor" ? (
                      <div className="flex flex-col gap-1 text-sm">
                        <span>
                          <span className="font-medium">{tb("competencies")}:</span> {r.bank.entry.competencies.map((c) => COMPETENCY_TAGS[c]).join("; ") || "—"}
                        </span>
                        <span>
                          <span className="font-medium">{tb("capacity")}:</span> {r.bank.entry.capacity ?? "—"}
                        </span>
                        {r.bank.inBank ? (
                          <span className="font-medium text-green-800">{t("alreadyInBank")}</span>
                        ) : toBank ? (
                          <ActionButton action={addMentorFromSurvey} input={{ org, recipientId: r.id }} label={t("toMentorBank")} done={t("addedToBank")} />
                        ) : null}
                      </div>
                    ) : (
                      "—"
                    )}
                  </Td>
                ) : null}
                {manage ? (
                  <Td>
                    <div className="flex flex-col gap-2">
                      {survey.status === "OPEN" && survey.answeringOpen && !r.answeredAt ? <ReissueLinkButton org={org} recipientId={r.id} name={r.name} /> : null}
                      {survey.status !== "CLOSED" && !r.answeredAt ? (
                        <ActionButton
                          action={removeSurveyRecipient}
                          input={{ org, recipientId: r.id }}
                          label={t("removeRecipient")}
                          confirm={t("removeRecipientConfirm", { name: r.name })}
                          done={t("removedRecipient")}
                          variant="danger"
                        />
                      ) : null}
                    </div>
                  </Td>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
      </Section>

      {manage && survey.status !== "CLOSED" ? (
        <Section title={t("addRecipientsTitle")} id="add-recipients">
          <p className="mb-3 text-slate-700">{survey.status === "OPEN" ? t("addRecipientsOpenIntro") : t("addRecipientsIntro")}</p>
          <RecipientsForm
            org={org}
            questionnaireId={survey.id}
            candidates={candidates.map((c) => ({ id: c.id, name: c.name, kind: c.kind, details: c.details, added: c.added, refusal: c.refusal }))}
          />
        </Section>
      ) : null}

      <Section title={t("resultsTitle")} id="results">
        {survey.answeredCount === 0 ? (
          <p>{t("noAnswersYet")}</p>
        ) : (
          <div className="flex flex-col gap-6">
            <p>{t("answeredOf", { answered: survey.answeredCount, sent: survey.recipients.length })}</p>
            {survey.satisfaction !== null ? (
              <div className="rounded-md border border-slate-200 p-4">
                <p className="text-lg font-semibold">{t("satisfaction", { percent: String(survey.satisfaction).replace(".", locale === "ru" ? "," : ".") })}</p>
                <p className="text-sm text-slate-700">{t("satisfactionRule")}</p>
                {survey.programId ? null : <p className="text-sm text-slate-700">{t("satisfactionNoProgram")}</p>}
              </div>
            ) : null}
            {survey.comparison ? (
              <div>
                <h3 className="mb-2 font-semibold">{t("comparisonTitle")}</h3>
                <AssessmentComparisonTable rows={survey.comparison.rows} beforeTitle={survey.comparison.beforeTitle} />
              </div>
            ) : null}
            <SurveyResults aggregates={survey.aggregates} textsHidden={survey.textsHidden} />
          </div>
        )}
      </Section>
    </>
  );
}
