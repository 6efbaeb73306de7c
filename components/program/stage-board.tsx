import { getTranslations } from "next-intl/server";
import { STAGES } from "@/lib/domain/stages";

/** Seven steps: where the program is, what each stage needs, how far its activities are. */
export async function StageBoard({ stage, completed, byStage }: { stage: number; completed: boolean; byStage: Map<number, { total: number; done: number }> }) {
  const t = await getTranslations("program");
  return (
    <ol className="grid gap-3 md:grid-cols-7" aria-label={t("stageBoard")}>
      {STAGES.map((s) => {
        const state = completed || s.number < stage ? "passed" : s.number === stage ? "current" : "ahead";
        const progress = byStage.get(s.number);
        const style =
          state === "current" ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : state === "passed" ? "border-green-700 bg-green-50" : "border-slate-300 bg-white";
        return (
          <li key={s.number} className={`flex flex-col gap-1 rounded-lg border p-3 text-sm ${style}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="font-semibold">
              {s.number}. <span className="sr-only">({t(state)})</span>
            </span>
            <span className="font-medium">{s.title}</span>
            <span className="text-xs text-slate-700">
              {t("exitCondition")}: {s.exit}
            </span>
            {progress ? <span className="text-xs text-slate-700">{t("activitiesDone", { done: progress.done, total: progress.total })}</span> : null}
            <span className={`mt-auto text-xs font-semibold ${state === "passed" ? "text-green-800" : state === "current" ? "text-brand-800" : "text-slate-600"}`} aria-hidden="true">
              {t(state)}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
