import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/ui/notice";
import { formatDateTime } from "@/lib/format";
import type { TaskView } from "@/lib/tasks/queries";
import { outcomeText } from "./task-text";

/** How a task ended: its summary or the reason it failed, the file to download and how long it is kept. */
export async function TaskResult({ org, task, zone, compact }: { org: string; task: TaskView; zone: string; compact?: boolean }) {
  const t = await getTranslations();
  if (task.state !== "DONE" && task.state !== "FAILED") return compact ? <span aria-hidden="true">—</span> : null;
  const text = outcomeText(t, task);
  const file = task.file ? (
    <span>
      <a href={`/${org}/tasks/${task.id}/file`} className="text-brand-700 underline" download>
        {t("tasks.download", { name: task.file.name })}
      </a>{" "}
      <span className="text-sm text-slate-600">({t("tasks.size", { kb: Math.max(1, Math.round(task.file.bytes / 1024)) })})</span>
    </span>
  ) : null;
  const kept = task.expiresAt ? <span className="text-sm text-slate-600">{t("tasks.keptUntil", { date: formatDateTime(task.expiresAt, zone) })}</span> : null;
  const details = task.state === "FAILED" && task.outcome?.details?.length ? (
    <ul className="mt-1 list-disc pl-5">
      {task.outcome.details.map((line, i) => (
        <li key={i}>{line}</li>
      ))}
    </ul>
  ) : null;
  if (compact) {
    return (
      <div className="flex flex-col gap-1">
        {text ? <span className={task.state === "FAILED" ? "text-red-800" : undefined}>{text}</span> : null}
        {file}
        {kept}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      {task.state === "DONE" ? (
        <Notice kind="success">{text}</Notice>
      ) : (
        <Notice kind="error">
          <p className="font-medium">{t("tasks.failed")}</p>
          <p>{text}</p>
          {details}
        </Notice>
      )}
      {file ? <p>{file}</p> : null}
      {kept}
    </div>
  );
}
