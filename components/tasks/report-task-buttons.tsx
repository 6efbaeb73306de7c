"use client";

import { useActionState } from "react";
import { ActionErrorNotice } from "@/components/ui/action-error";
import { startReportFromForm } from "@/lib/tasks/actions";

export type ReportFormat = "docx" | "pdf" | "xlsx";

/**
 * The annual report's buttons, one per format (decision 057): each starts the report as a background task and opens
 * the task's page, where its progress shows and its file waits. A plain form bound to the server action: it works
 * without JavaScript. Labels come from the server component (no messages shipped for them).
 */
export function ReportTaskButtons({ org, year, formats, pending: pendingLabel, item = false }: { org: string; year: number; formats: { format: ReportFormat; label: string }[]; pending: string; item?: boolean }) {
  return (
    <>
      {formats.map(({ format, label }) => {
        const form = <ReportTaskForm key={format} org={org} year={year} format={format} label={label} pendingLabel={pendingLabel} />;
        return item ? <li key={format}>{form}</li> : form;
      })}
    </>
  );
}

function ReportTaskForm({ org, year, format, label, pendingLabel }: { org: string; year: number; format: ReportFormat; label: string; pendingLabel: string }) {
  const [error, action, pending] = useActionState(startReportFromForm, null);
  return (
    <form action={action} className="inline-flex flex-col gap-2">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="format" value={format} />
      <button type="submit" disabled={pending} className="text-left text-brand-700 underline disabled:text-slate-500">
        {pending ? pendingLabel : label}
      </button>
      {error ? <ActionErrorNotice error={error} /> : null}
    </form>
  );
}
