"use server";

import { organizationToday } from "../auth/tenant";
import { defineAction, done } from "../actions/action";
import { refuse, type Refusal } from "../actions/result";
import type { Tx } from "../db";
import {
  buildPreview,
  checkPeople,
  ImportPeopleInput,
  type CheckResult,
  type ExistingPerson,
  type ImportPreview,
  type ImportReport,
} from "./import";
import { readSheet, type Sheet } from "./sheet-read";

/** Rows per INSERT: 1 000 people × 16 columns stays well under PostgreSQL's 65 535 parameters. */
const CHUNK = 1000;

type Input = ReturnType<typeof ImportPeopleInput.parse>;

async function readAndCheck(input: Input, tx: Tx, organizationId: string, today: Date): Promise<{ sheet: Sheet; checked: CheckResult; parseMs: number; validateMs: number } | Refusal> {
  const started = performance.now();
  const read = await readSheet(new Uint8Array(await input.file.arrayBuffer()), input.file.name, input.encoding);
  if (!read.ok) return refuse("VALIDATION", read.problem.key, undefined, { values: read.problem.values });
  const parsed = performance.now();
  const existing: ExistingPerson[] = await tx.person.findMany({
    where: { organizationId },
    select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true, email: true },
  });
  const checked = checkPeople(read.sheet, {
    mapping: input.mapping?.length ? input.mapping : undefined,
    defaultKind: input.defaultKind,
    today,
    existing,
  });
  return { sheet: read.sheet, checked, parseMs: parsed - started, validateMs: performance.now() - parsed };
}

/** Reads the uploaded list and shows what an import would do. Writes nothing. */
export const previewPeopleImport = defineAction({
  name: "people.importPreview",
  scope: "tenant",
  permission: "people.manage",
  audit: false,
  input: ImportPeopleInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("NOT_FOUND", "notFound");
    const outcome = await readAndCheck(input, tx, ctx.organization.id, organizationToday(ctx));
    if ("refused" in outcome) return outcome;
    // Columns that do not suffice come back inside the preview, with the headers to map.
    return done<ImportPreview>(buildPreview(input.file.name, outcome.sheet, outcome.checked, input.mapping?.length ? input.mapping : undefined));
  },
});

/**
 * Reads the same file with the same mapping again and creates everyone in one transaction — or no
 * one: a single row with an error refuses the whole file. Duplicates are skipped and counted.
 */
export const importPeople = defineAction({
  name: "people.import",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: ImportPeopleInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("NOT_FOUND", "notFound");
    const organizationId = ctx.organization.id;
    // Two imports of the same list at once must not both pass the duplicate check.
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`people.import:${organizationId}`}, 0))::text`;
    const outcome = await readAndCheck(input, tx, organizationId, organizationToday(ctx));
    if ("refused" in outcome) return outcome;
    const { checked } = outcome;
    if (!checked.ok) return refuse("VALIDATION", checked.problem.key, undefined, { values: checked.problem.values });
    if (checked.problems.length) {
      return refuse("VALIDATION", "peopleImportHasErrors", undefined, {
        values: { count: checked.problems.length, rows: checked.rowsWithErrors },
        details: checked.problems.slice(0, 10).map((p) => `${p.row}: ${p.column} — ${p.message}`),
      });
    }
    const inserting = performance.now();
    for (let i = 0; i < checked.people.length; i += CHUNK) {
      await tx.person.createMany({
        data: checked.people.slice(i, i + CHUNK).map(({ row: _row, ...person }) => {
          void _row;
          return { ...person, organizationId };
        }),
      });
    }
    const report: ImportReport = {
      fileName: input.file.name,
      totalRows: outcome.sheet.rows.length,
      created: checked.people.length,
      skippedDuplicates: checked.duplicates.length,
      timings: {
        parseMs: Math.round(outcome.parseMs),
        validateMs: Math.round(outcome.validateMs),
        insertMs: Math.round(performance.now() - inserting),
      },
    };
    // One summary record for the whole file, not one per person.
    return done(report, {
      targetType: "Person",
      data: { fileName: report.fileName, rows: report.totalRows, created: report.created, skippedDuplicates: report.skippedDuplicates },
    });
  },
});
