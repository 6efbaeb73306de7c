import "server-only";
import { z } from "zod";
import { hasPermission } from "../auth/permissions";
import { organizationToday, resolveTenant, type TenantContext } from "../auth/tenant";
import { withDb } from "../db";
import { TASK_PERMISSION } from "../domain/tasks";
import { reportFile } from "../monitoring/district-files";
import { readReport } from "../monitoring/report";
import { IMPORT_ENCODINGS, IMPORT_FIELDS } from "../people/import-schema";
import { importPeopleFile, readAndCheck } from "../people/import-run";
import { PERSON_KINDS } from "../people/schemas";
import type { ClaimedTask, TaskEnd, TaskHandlers, TaskWork } from "./work";

// The work of each kind of background task (decision 057). Each reads what its start action stored, checks that the
// one who started it still may, and does the same work the blocking action did before — the people import through
// the same body (lib/people/import-run.ts), the report through the same audited read and the same files.

/** What the start actions store (lib/tasks/actions.ts); read back defensively: a row is data, not a promise. */
export const PeopleImportParams = z.object({
  fileName: z.string(),
  fileType: z.string(),
  encoding: z.enum(IMPORT_ENCODINGS),
  defaultKind: z.enum(PERSON_KINDS),
  mapping: z.array(z.union([z.enum(IMPORT_FIELDS), z.literal("")])).optional(),
  /** People to write, as the preview counted (the progress bar's total until the check recounts). */
  expected: z.number().int().nonnegative().optional(),
});
export const ReportParams = z.object({ year: z.number().int(), format: z.enum(["docx", "pdf", "xlsx"]) });

const fail = (key: string, values?: Record<string, string | number>, details?: string[]): TaskEnd => ({ ok: false, outcome: { key, values, details } });

/** The context of the one who started the task, as they stand now: membership and permission are checked again. */
async function starterContext(task: ClaimedTask): Promise<TenantContext | null> {
  if (!task.startedById) return null;
  const userId = task.startedById;
  return withDb({ organizationId: task.organizationId, userId }, async (tx) => {
    const [user, org] = await Promise.all([
      tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, locale: true } }),
      tx.organization.findUnique({ where: { id: task.organizationId }, select: { slug: true } }),
    ]);
    if (!user || !org) return null;
    const found = await resolveTenant(tx, userId, org.slug);
    if (!found.ok || !hasPermission(found.roles, TASK_PERMISSION[task.kind])) return null;
    return { user, organization: found.organization, roles: found.roles };
  });
}

async function peopleImport({ task, progress, progressLive, completeIn }: TaskWork): Promise<TaskEnd | "completed"> {
  const params = PeopleImportParams.safeParse(task.params);
  if (!params.success || !task.inputData) return fail("taskFailed");
  const ctx = await starterContext(task);
  if (!ctx) return fail("taskForbidden");
  // An organization archived meanwhile is read-only (decision 018): the import writes nothing.
  if (ctx.organization.archivedAt) return fail("organizationArchived");
  const { fileName, fileType, encoding, defaultKind, mapping } = params.data;
  const input = { file: new File([new Uint8Array(task.inputData)], fileName, { type: fileType }), encoding, defaultKind, mapping };
  const today = organizationToday(ctx);
  const scope = { organizationId: ctx.organization.id, userId: ctx.user.id };

  // 1. Read and check, writing nothing: a file with errors fails here, with the same message as the preview's.
  await progress("checking", 0, params.data.expected ?? 0);
  const checked = await withDb(scope, (tx) => readAndCheck(input, tx, ctx.organization.id, today));
  if ("refused" in checked) return fail(checked.messageKey, checked.values, checked.details);
  if (!checked.checked.ok) return fail(checked.checked.problem.key, checked.checked.problem.values);
  const { problems, rowsWithErrors, people } = checked.checked;
  if (problems.length) {
    const details = problems.slice(0, 10).map((p) => `${p.row}: ${p.column} — ${p.message}`);
    return fail("peopleImportHasErrors", { count: problems.length, rows: rowsWithErrors }, details);
  }
  const total = people.length;

  // 2. Write everyone in one transaction — or no one — with the task's «done» and the import's audit record.
  await progress("writing", 0, total);
  return withDb(scope, async (tx) => {
    const report = await importPeopleFile(tx, ctx.organization.id, today, input, (written, of) => progressLive("writing", written, of));
    if ("refused" in report) return fail(report.messageKey, report.values, report.details);
    await tx.auditEvent.create({
      data: {
        organizationId: ctx.organization.id,
        actorId: ctx.user.id,
        action: "people.import",
        targetType: "Person",
        data: { fileName: report.fileName, rows: report.totalRows, created: report.created, skippedDuplicates: report.skippedDuplicates, taskId: task.id },
      },
    });
    const { timings: _timings, ...summary } = report;
    void _timings;
    await completeIn(tx, { ok: true, outcome: { key: "peopleImported", values: { created: report.created, skipped: report.skippedDuplicates }, report: summary } });
    return "completed" as const;
  });
}

async function analyticalReport({ task, progress }: TaskWork): Promise<TaskEnd> {
  const params = ReportParams.safeParse(task.params);
  if (!params.success) return fail("taskFailed");
  const ctx = await starterContext(task);
  if (!ctx) return fail("taskForbidden");
  // A district's report reads aggregates over its schools: the office must still see the district dashboard.
  if (ctx.organization.kind !== "SCHOOL" && !hasPermission(ctx.roles, "monitoring.district")) return fail("taskForbidden");
  await progress("collecting", 0, 2);
  const read = await readReport(ctx, params.data.year);
  if (!read.ok) return fail("taskForbidden");
  await progress("rendering", 1, 2);
  const file = await reportFile(read.value, params.data.format);
  if (!file.ok) return fail(file.key);
  return { ok: true, outcome: { key: "reportReady", values: { year: `${params.data.year}/${params.data.year + 1}` } }, file: file.file };
}

export const TASK_HANDLERS: TaskHandlers = {
  PEOPLE_IMPORT: peopleImport,
  ANALYTICAL_REPORT: analyticalReport,
};
