import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { answerText } from "@/components/surveys/question-list";
import { AssessmentComparisonTable, SurveyResults } from "@/components/surveys/results";
import { ReissueLinkButton } from "@/components/surveys/survey-controls";
import { ActionButton } from "@/components/ui/action-button";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { addMenteeFromSurvey, addMentorFromSurvey } from "@/lib/banks/actions";
import { formatAcademicYear } from "@/lib/domain/academic-year";
import { formatDate, formatDateTime } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";
import { removeSurveyRecipient } from "@/lib/surveys/actions";
import type { getSurvey } from "@/lib/surveys/queries";

// The parts of a questionnaire's page (app/(app)/[org]/surveys/[surveyId]/page.tsx), which reads the questionnaire once.

type SurveyView = NonNullable<Awaited<ReturnType<typeof getSurvey>>>;
type Recipient = SurveyView["recipients"][number];

/** The questionnaire's kind, status, dates, program and author, with the way back to the list. */
export async function SurveyHeader({ survey, org, locale }: { survey: SurveyView; org: string; locale: AppLocale }) {
  const t = await getTranslations("surveys");
  return (
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
  );
}

/**
 * Who was sent the questionnaire and who answered; for those who run questionnaires also each person's answers, the
 * state of the link, the bank entry the answers make and the controls.
 */
export async function SurveyRecipientsSection({
  survey,
  org,
  manage,
  toBank,
  bankColumn,
  timeZone,
  locale,
}: {
  survey: SurveyView;
  org: string;
  manage: boolean;
  toBank: boolean;
  bankColumn: boolean;
  timeZone: string;
  locale: AppLocale;
}) {
  const t = await getTranslations("surveys");
  const linkState = (r: Recipient) => {
    if (r.link === "valid" && r.linkExpiresAt) return t("linkStates.valid", { date: formatDate(r.linkExpiresAt, locale) });
    return t(`linkStates.${r.link}`);
  };
  return (
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
              <Td>{r.answeredAt ? formatDateTime(r.answeredAt, timeZone) : t("notYet")}</Td>
              {manage ? <Td>{linkState(r)}</Td> : null}
              {bankColumn ? (
                <Td>
                  <RecipientBankEntry recipient={r} org={org} toBank={toBank} />
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
  );
}

/** The mentee's or mentor's bank entry a recipient's answers make, and the button that adds it to the bank. */
async function RecipientBankEntry({ recipient: r, org, toBank }: { recipient: Recipient; org: string; toBank: boolean }) {
  const t = await getTranslations("surveys");
  const tb = await getTranslations("banks");
  const tv = await getTranslations("vocabulary");
  return r.bank?.kind === "mentee" ? (
    <div className="flex flex-col gap-1 text-sm">
      <span>
        <span className="font-medium">{tb("category")}:</span> {r.bank.entry.category ? tv(`menteeCategory.${r.bank.entry.category}`) : "—"}
      </span>
      <span>
        <span className="font-medium">{tb("difficulties")}:</span> {r.bank.entry.difficulties.map((d) => tv(`difficulty.${d}`)).join("; ") || "—"}
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
        <span className="font-medium">{tb("competencies")}:</span> {r.bank.entry.competencies.map((c) => tv(`competency.${c}`)).join("; ") || "—"}
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
  );
}

/** The answers summed up: the share who answered, the satisfaction, the before/after comparison, each question's results. */
export async function SurveyResultsSection({ survey, locale }: { survey: SurveyView; locale: AppLocale }) {
  const t = await getTranslations("surveys");
  return (
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
  );
}
