import { getTranslations } from "next-intl/server";
import type { AnswerValue, Question } from "@/lib/domain/questionnaires";

/** How one answer reads: option labels for choices, the value on a scale, the text. */
export function answerText(q: Question, value: AnswerValue | undefined): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return "—";
  const label = (v: string) => q.options?.find((o) => o.value === v)?.label ?? v;
  if (q.type === "multiple") return (Array.isArray(value) ? value : [String(value)]).map(label).join("; ");
  if (q.type === "single") return label(String(value));
  if (q.type === "scale" && q.scale) return `${value} (${q.scale.min}–${q.scale.max})`;
  return String(value);
}

/** The questions as they will be (or were) sent: read-only. */
export async function QuestionList({ questions }: { questions: Question[] }) {
  const t = await getTranslations("surveys");
  return (
    <ol className="flex list-decimal flex-col gap-3 pl-6">
      {questions.map((q) => (
        <li key={q.id}>
          <p className="font-medium">
            {q.text}
            {q.required ? <span className="ml-1 text-sm font-normal text-slate-700">({t("requiredMark")})</span> : null}
          </p>
          <p className="text-sm text-slate-700">
            {t(`types.${q.type}`)}
            {q.maps ? ` · ${t(`maps.${q.maps}`)}` : ""}
          </p>
          {q.options?.length ? (
            <ul className="mt-1 list-disc pl-5 text-sm">
              {q.options.map((o) => (
                <li key={o.value}>{o.label}</li>
              ))}
            </ul>
          ) : null}
          {q.type === "scale" && q.scale ? (
            <p className="text-sm">{t("scaleHint", { min: q.scale.min, max: q.scale.max, minLabel: q.scale.minLabel || "—", maxLabel: q.scale.maxLabel || "—" })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
