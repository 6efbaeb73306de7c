import type { TaskView } from "@/lib/tasks/queries";

/**
 * A task's progress: the native <progress> (determinate when the amount is known, indeterminate before), named by the
 * task, with its phase and counts as text beside it. A finished task keeps a full bar.
 */
export function TaskProgress({ task, label, text, id }: { task: TaskView; label: string; text: string; id: string }) {
  return (
    <div className="flex flex-col gap-1">
      <progress id={id} aria-label={label} className="h-2 w-full max-w-md" max={100} value={task.percent ?? undefined}>
        {task.percent !== null ? `${task.percent} %` : null}
      </progress>
      <span className="text-sm text-slate-700">{text}</span>
    </div>
  );
}
