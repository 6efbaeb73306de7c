import { getTranslations } from "next-intl/server";
import { STAGES } from "@/lib/domain/stages";

/** Seven steps: where the program is, what each stage needs, how far its activities are. */
export async function StageBoard({ stage, completed, byStage }: { stage: number; completed: boolean; byStage: Map<number, { total: number; done: number }> }) {
  const t = await getTranslations("program");
  const ts = await getTranslations("stages");
  return (
    <ol className="flex flex-col gap-2" aria-label={t("stageBoard")}>
      {STAGES.map((s) => {
        const state = completed || s.number < stage ? "passed" : s.number === stage ? "current" : "ahead";
        const progress = byStage.get(s.number);
        const style =
          state === "current" ? "border-brand-700 bg-brand-50 ring-2 ring-brand-700" : state === "passed" ? "border-green-700 bg-green-50" : "border-slate-300 bg-white";
        return (
          <li key={s.number} className={`grid grid-cols-[2.5rem_1fr] gap-x-3 rounded-lg border p-3 text-sm md:grid-cols-[2.5rem_1fr_12rem] ${style}`} aria-current={state === "current" ? "step" : undefined}>
            <span className="row-span-2 flex h-9 w-9 items-center justify-center rounded-full border border-current text-base font-semibold" aria-hidden="true">
              {s.number}
            </span>
            <span className="font-medium">
              <span className="sr-only">{s.number}. </span>
              {ts(`title${s.number}` as "title1")}
            </span>
            <span className={`text-sm font-semibold md:text-right ${state === "passed" ? "text-green-800" : state === "current" ? "text-brand-800" : "text-slate-600"}`}>{t(state)}</span>
            <span className="text-slate-700">
              {t("exitCondition")}: {ts(`exit${s.number}` as "exit1")}
            </span>
            <span className="text-slate-700 md:text-right">{progress ? t("activitiesDone", { done: progress.done, total: progress.total }) : ""}</span>
          </li>
        );
      })}
    </ol>
  );
}
