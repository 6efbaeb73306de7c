import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { RefreshWhileRunning } from "@/components/tasks/refresh-while-running";
import { TaskProgress } from "@/components/tasks/task-progress";
import { TaskResult } from "@/components/tasks/task-result";
import { describeTask, progressText } from "@/components/tasks/task-text";
import { requireTenant } from "@/lib/auth/tenant";
import { isFinished } from "@/lib/domain/tasks";
import { formatDateTime } from "@/lib/format";
import { listTasks } from "@/lib/tasks/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("tasks");
  return { title: t("title") };
}

// «Задачи и файлы» (decision 057): the organization's long operations, running and finished, with their results.
export default async function TasksPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const ctx = await requireTenant(org, "tasks.view");
  const t = await getTranslations();
  const tasks = await listTasks(ctx);
  const zone = ctx.organization.timeZone;
  return (
    <>
      <PageHeader title={t("tasks.title")}>
        <p>{t("tasks.intro")}</p>
      </PageHeader>
      <RefreshWhileRunning active={tasks.some((task) => !isFinished(task.state))} />
      <Section title={t("tasks.caption")} id="tasks">
        {tasks.length === 0 ? (
          <p>{t("tasks.empty")}</p>
        ) : (
          <Table caption={t("tasks.caption")} head={[t("tasks.kind"), t("tasks.state"), t("tasks.started"), t("tasks.result")]}>
            {tasks.map((task) => {
              const name = describeTask(t, task);
              return (
                <tr key={task.id}>
                  <Td>
                    <Link href={`/${org}/tasks/${task.id}`} className="text-brand-700 underline">
                      {name}
                    </Link>
                  </Td>
                  <Td className="min-w-48">
                    <TaskProgress id={`task-progress-${task.id}`} task={task} label={t("tasks.progressLabel", { task: name })} text={progressText(t, task)} />
                  </Td>
                  <Td>{t("tasks.startedBy", { name: task.startedBy ?? "—", when: formatDateTime(task.createdAt, zone) })}</Td>
                  <Td>
                    <TaskResult org={org} task={task} zone={zone} compact />
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </Section>
    </>
  );
}
