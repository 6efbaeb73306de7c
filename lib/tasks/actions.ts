"use server";

import "server-only";
import { redirect } from "next/navigation";
import { z } from "zod";
import { defineAction, done, runsAction } from "../actions/action";
import { refuse } from "../actions/result";
import type { ActionError } from "../actions/result";
import { hasPermission } from "../auth/permissions";
import { organizationToday } from "../auth/tenant";
import { academicYearOf } from "../domain/academic-year";
import { OrgSlug } from "../schemas/fields";
import { ImportPeopleInput } from "../people/import-schema";
import { kickTaskRunner } from "./runner";

// Starting the long operations as background tasks (decision 057): the action checks who asks and what they send,
// stores the task (with the uploaded file) and returns its id; the runner does the work after the commit, and the
// task's page (/[org]/tasks/[taskId]) shows its progress and result.

const PeopleImportStart = ImportPeopleInput.extend({
  /** People to write as the preview counted: the progress bar's total before the task has checked the file itself. */
  expected: z.coerce.number().int().min(0).max(100_000).optional(),
});

const startPeopleImportAction = defineAction({
  name: "tasks.peopleImport",
  scope: "tenant",
  permission: "people.manage",
  idempotent: true,
  input: PeopleImportStart,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("NOT_FOUND", "notFound");
    const data = new Uint8Array(await input.file.arrayBuffer());
    const task = await tx.backgroundTask.create({
      data: {
        organizationId: ctx.organization.id,
        kind: "PEOPLE_IMPORT",
        startedById: ctx.user.id,
        params: { fileName: input.file.name, fileType: input.file.type, encoding: input.encoding, defaultKind: input.defaultKind, mapping: input.mapping, expected: input.expected },
        progressTotal: input.expected ?? 0,
        inputData: data,
      },
      select: { id: true },
    });
    return done({ taskId: task.id }, { targetType: "BackgroundTask", targetId: task.id, data: { fileName: input.file.name, bytes: data.byteLength } });
  },
});

/** Starts the people import of the file; the work begins after the commit. */
export async function startPeopleImport(input: Parameters<typeof startPeopleImportAction>[0]) {
  const result = await startPeopleImportAction(input);
  if (result.ok) kickTaskRunner();
  return result;
}
runsAction(startPeopleImport, startPeopleImportAction);

const ReportStart = z.object({
  org: OrgSlug,
  year: z.coerce.number({ error: "validation" }).int().min(2000).max(2100).optional(),
  // Always named by the button pressed: an empty request is refused, not guessed.
  format: z.enum(["docx", "pdf", "xlsx"], { error: "validation" }),
});

const startReportAction = defineAction({
  name: "tasks.report",
  scope: "tenant",
  permission: "reports.produce",
  idempotent: true,
  input: ReportStart,
  async run({ input, tx, ctx }) {
    // An office's report is over its schools' aggregates: it needs the district dashboard too (as its route did).
    if (ctx.organization.kind !== "SCHOOL" && !hasPermission(ctx.roles, "monitoring.district")) return refuse("FORBIDDEN", "forbidden");
    const year = input.year ?? academicYearOf(organizationToday(ctx));
    const task = await tx.backgroundTask.create({
      data: { organizationId: ctx.organization.id, kind: "ANALYTICAL_REPORT", startedById: ctx.user.id, params: { year, format: input.format } },
      select: { id: true },
    });
    return done({ taskId: task.id }, { targetType: "BackgroundTask", targetId: task.id, data: { year, format: input.format } });
  },
});

/** Starts producing the annual report; the work begins after the commit. */
export async function startReport(input: Parameters<typeof startReportAction>[0]) {
  const result = await startReportAction(input);
  if (result.ok) kickTaskRunner();
  return result;
}
runsAction(startReport, startReportAction);

/** The report buttons' form (works without JavaScript): starts the task and opens its page, or says why not. */
export async function startReportFromForm(_previous: ActionError | null, form: FormData): Promise<ActionError | null> {
  const result = await startReport(form);
  if (!result.ok) return result.error;
  redirect(`/${String(form.get("org"))}/tasks/${result.data.taskId}`);
}
