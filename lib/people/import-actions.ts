"use server";

import { organizationToday } from "../auth/tenant";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { buildPreview, ImportPeopleInput, type ImportPreview } from "./import";
import { importPeopleFile, readAndCheck } from "./import-run";

/** Reads the uploaded list and shows what an import would do. Writes nothing. */
export const previewPeopleImport = defineAction({
  name: "people.importPreview",
  scope: "tenant",
  permission: "people.manage",
  audit: false,
  refresh: false,
  input: ImportPeopleInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind !== "SCHOOL") return refuse("NOT_FOUND", "notFound");
    const outcome = await readAndCheck(input, tx, ctx.organization.id, organizationToday(ctx), ctx.user.locale);
    if ("refused" in outcome) return outcome;
    // Columns that do not suffice come back inside the preview, with the headers to map.
    return done<ImportPreview>(buildPreview(input.file.name, outcome.sheet, outcome.checked, input.mapping?.length ? input.mapping : undefined, ctx.user.locale));
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
    const report = await importPeopleFile(tx, ctx.organization.id, organizationToday(ctx), input, undefined, ctx.user.locale);
    if ("refused" in report) return report;
    // One summary record for the whole file, not one per person.
    return done(report, {
      targetType: "Person",
      data: { fileName: report.fileName, rows: report.totalRows, created: report.created, skippedDuplicates: report.skippedDuplicates },
    });
  },
});
