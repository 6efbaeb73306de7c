import type { getTranslations } from "next-intl/server";
import type { DeadlineTiming } from "@/lib/domain/deadline-timing";
import { formatCalendarDate } from "@/lib/format";

type DeadlinesT = Awaited<ReturnType<typeof getTranslations<"deadlines">>>;

/** «Выполнено 12.10.2026 (в срок)», «… с опозданием на 3 дня», «осталось N дн.», «просрочено на N дней» — the school's roadmap and the office's deadline page. */
export function deadlineStatusText(t: DeadlinesT, s: DeadlineTiming): string {
  if (s.status === "onTime") return t("onTime", { date: formatCalendarDate(s.doneOn) });
  if (s.status === "late") return t("late", { date: formatCalendarDate(s.doneOn), late: t("lateBy", { days: s.daysLate }) });
  if (s.status === "pending") return t("pending", { days: s.daysLeft });
  return t("overdue", { days: s.daysOverdue });
}
