import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { RefreshWhileRunning } from "@/components/tasks/refresh-while-running";
import { TaskProgress } from "@/components/tasks/task-progress";
import { TaskResult } from "@/components/tasks/task-result";
import { describeTask, progressText } from "@/components/tasks/task-text";
import { requireTenant } from "@/lib/auth/tenant";
import { isFinished } from "@/lib/domain/tasks";
import { formatDateTime } from "@/lib/format";
import { findTask } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

// One background task (decision 057): its progress while it runs (the page refreshes itself), then its result.
export default async function TaskPage({ params }: { params: Promise<{ org: string; taskId: string }> }) {
  const { org, taskId } = await params;
  const ctx = await requireTenant(org, "tasks.view");
  const task = await findTask(ctx, taskId);
  if (!task) notFound();
  const t = await getTranslations();
  const name = describeTask(t, task);
  const running = !isFinished(task.state);
  return (
    <>
      <PageHeader title={name}>
        <p>{t("tasks.startedBy", { name: task.startedBy ?? "—", when: formatDateTime(task.createdAt, ctx.organization.timeZone) })}</p>
      </PageHeader>
      <RefreshWhileRunning active={running} />
      <Section title={t(`tasks.states.${task.state}`)} id="task">
        <div className="flex flex-col gap-4">
          <TaskProgress id="task-progress" task={task} label={t("tasks.progressLabel", { task: name })} text={progressText(t, task)} />
          {running ? <p className="text-sm text-slate-700">{t("tasks.leaveHint")}</p> : <TaskResult org={org} task={task} zone={ctx.organization.timeZone} />}
          {task.kind === "PEOPLE_IMPORT" && task.state === "DONE" ? <p className="text-sm text-slate-700">{t("tasks.importNext")}</p> : null}
          <div className="flex flex-wrap gap-4">
            {task.kind === "PEOPLE_IMPORT" && task.state === "DONE" ? (
              <Link href={`/${org}/people`} className="text-brand-700 underline">
                {t("tasks.toPeople")}
              </Link>
            ) : null}
            <Link href={`/${org}/tasks`} className="text-brand-700 underline">
              {t("tasks.toList")}
            </Link>
          </div>
        </div>
      </Section>
    </>
  );
}
