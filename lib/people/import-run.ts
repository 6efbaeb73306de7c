// No `server-only` here: tests/faults/pglite-writer.ts imports the import actions under tsx, outside Next.
import { refuse, type Refusal } from "../actions/result";
import type { Tx } from "../db";
import type { AppLocale } from "../i18n/config";
import { checkPeople, type CheckResult, type ExistingPerson, type ImportPeopleInput, type ImportReport } from "./import";
import { readSheet, type Sheet } from "./sheet-read";

// The people import's body, shared by the import page's action (people.import) and the HTTP API's
// (api.peopleImport, lib/api/actions.ts): the same reading, the same checks, the same all-or-nothing write.

/** Rows per INSERT: 1 000 people × 16 columns stays well under PostgreSQL's 65 535 parameters. */
const CHUNK = 1000;

export type ImportRunInput = Omit<ReturnType<typeof ImportPeopleInput.parse>, "org">;
type Input = ImportRunInput;

/** `locale`: the language of the row problems (the reader's; Russian when none, as for the API and the task). */
export async function readAndCheck(input: Input, tx: Tx, organizationId: string, today: Date, locale?: AppLocale): Promise<{ sheet: Sheet; checked: CheckResult; parseMs: number; validateMs: number } | Refusal> {
  const started = performance.now();
  const read = await readSheet(new Uint8Array(await input.file.arrayBuffer()), input.file.name, input.encoding, locale);
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
    locale,
  });
  return { sheet: read.sheet, checked, parseMs: parsed - started, validateMs: performance.now() - parsed };
}

/**
 * Reads the file and creates everyone in the caller's transaction — or no one: a single row with an error
 * refuses the whole file (the refusal rolls the action's transaction back). Duplicates are skipped and counted.
 */
export async function importPeopleFile(
  tx: Tx,
  organizationId: string,
  today: Date,
  input: Input,
  /** People written so far of those to write (the background task shows it: lib/tasks/handlers.ts). */
  onWritten?: (written: number, total: number) => void,
  locale?: AppLocale,
): Promise<ImportReport | Refusal> {
  // Two imports of the same list at once must not both pass the duplicate check.
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`people.import:${organizationId}`}, 0))::text`;
  const outcome = await readAndCheck(input, tx, organizationId, today, locale);
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
    onWritten?.(Math.min(i + CHUNK, checked.people.length), checked.people.length);
  }
  return {
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
}
