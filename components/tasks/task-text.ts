import type { getTranslations } from "next-intl/server";
import type { TaskView } from "@/lib/tasks/queries";

// The words of a task, for the server components of the task pages: what it is, where it stands, how it ended.

type T = Awaited<ReturnType<typeof getTranslations>>;

const FORMAT_LABEL: Record<string, string> = { docx: ".docx", pdf: "PDF", xlsx: ".xlsx" };

export function describeTask(t: T, task: TaskView): string {
  if (task.kind === "PEOPLE_IMPORT") return t("tasks.describe.PEOPLE_IMPORT", { file: String(task.params.fileName ?? "") });
  const year = Number(task.params.year);
  return t("tasks.describe.ANALYTICAL_REPORT", { year: `${year}/${year + 1}`, format: FORMAT_LABEL[String(task.params.format)] ?? "" });
}

export function progressText(t: T, task: TaskView): string {
  const stageKey = task.state === "DONE" ? "done" : task.state === "FAILED" ? "failed" : task.state === "QUEUED" ? "queued" : task.stage;
  const stage = t.has(`tasks.stages.${stageKey}` as never) ? t(`tasks.stages.${stageKey}` as never) : t(`tasks.states.${task.state}`);
  if (task.state === "RUNNING" || task.state === "QUEUED") {
    return task.total > 0 ? t("tasks.progressCount", { stage, done: task.done, total: task.total }) : t("tasks.progressUnknown", { stage });
  }
  return stage;
}

/** How it ended, worded: a done task's summary (tasks.outcome), a failed one's reason (errors). */
export function outcomeText(t: T, task: TaskView): string | null {
  const outcome = task.outcome;
  if (!outcome) return null;
  const values = outcome.values ?? {};
  if (task.state === "DONE") {
    const key = `tasks.outcome.${outcome.key}` as never;
    return t.has(key) ? t(key, values as never) : null;
  }
  const key = `errors.${outcome.key}` as never;
  return t.has(key) ? t(key, values as never) : t("errors.taskFailed");
}
