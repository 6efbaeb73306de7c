import { getLocale, getTranslations } from "next-intl/server";
import { Table, Td } from "@/components/ui/table";
import type { AssessmentComparison, QuestionAggregate } from "@/lib/domain/questionnaire-results";

function numberFormat(locale: string) {
  const f = new Intl.NumberFormat(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2 });
  return (n: number | null) => (n === null ? "—" : f.format(n));
}

/** Aggregated answers: counts and percentages for choices, mean and distribution for scales, texts. */
export async function SurveyResults({ aggregates, textsHidden }: { aggregates: QuestionAggregate[]; textsHidden: boolean }) {
  const t = await getTranslations("surveys");
  const n = numberFormat(await getLocale());
  return (
    <ol className="flex flex-col gap-6">
      {aggregates.map((a, i) => (
        <li key={a.questionId} className="flex flex-col gap-2">
          <h3 className="font-medium">
            {i + 1}. {a.text}
          </h3>
          <p className="text-sm text-slate-700">{t("respondents", { count: a.respondents })}</p>
          {a.type === "single" || a.type === "multiple" ? (
            <>
              {a.type === "multiple" ? <p className="text-sm text-slate-600">{t("multiplePercentNote")}</p> : null}
              <Table caption={a.text} head={[t("option"), t("count"), t("percent")]}>
                {a.options.map((o) => (
                  <tr key={o.value}>
                    <Td>{o.label}</Td>
                    <Td>{o.count}</Td>
                    <Td>{n(o.percent)} %</Td>
                  </tr>
                ))}
              </Table>
            </>
          ) : null}
          {a.type === "scale" ? (
            <>
              <p>
                <span className="font-medium">{t("mean")}:</span> {n(a.mean)} {t("ofScale", { min: a.scale.min, max: a.scale.max })}
              </p>
              <Table caption={a.text} head={[t("scaleValue"), t("count"), t("percent")]}>
                {a.distribution.map((d) => (
                  <tr key={d.value}>
                    <Td>
                      {d.value}
                      {d.value === a.scale.min && a.scale.minLabel ? ` — ${a.scale.minLabel}` : ""}
                      {d.value === a.scale.max && a.scale.maxLabel ? ` — ${a.scale.maxLabel}` : ""}
                    </Td>
                    <Td>{d.count}</Td>
                    <Td>{n(d.percent)} %</Td>
                  </tr>
                ))}
              </Table>
            </>
          ) : null}
          {a.type === "text" ? (
            textsHidden ? (
              <p className="text-sm text-slate-700">{t("textsHidden")}</p>
            ) : a.texts.length ? (
              <ul className="list-disc pl-5 text-sm">
                {a.texts.map((text, k) => (
                  <li key={k} className="whitespace-pre-line">
                    {text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">—</p>
            )
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Means before and after the program per shared question (two-stage monitoring). */
export async function AssessmentComparisonTable({ rows, beforeTitle }: { rows: AssessmentComparison[]; beforeTitle: string }) {
  const t = await getTranslations("surveys");
  const n = numberFormat(await getLocale());
  const signed = (v: number | null) => (v === null ? "—" : v > 0 ? `+${n(v)}` : n(v));
  return (
    <>
      <p className="mb-2 text-sm text-slate-700">{t("comparisonIntro", { title: beforeTitle })}</p>
      <Table caption={t("comparisonTitle")} head={[t("question"), t("meanBefore"), t("meanAfter"), t("change")]}>
        {rows.map((r) => (
          <tr key={r.questionId}>
            <Td>{r.text}</Td>
            <Td>
              {n(r.before)} <span className="text-slate-600">({t("respondents", { count: r.respondentsBefore })})</span>
            </Td>
            <Td>
              {n(r.after)} <span className="text-slate-600">({t("respondents", { count: r.respondentsAfter })})</span>
            </Td>
            <Td>{signed(r.change)}</Td>
          </tr>
        ))}
      </Table>
    </>
  );
}
