// npm run orgs:import -- [--into PARENT_SLUG] FILE
// Imports a list of organizations (.xlsx/.csv, the registry template's columns) with the platform operator's
// rights: under PARENT_SLUG, or — without --into — as top-level regions and municipalities. All or nothing.
// The last line of stdout is JSON: {"created":N,"slugs":[…],"refused":[{"row":R,"reason":"…"}]} (row 0: the
// file itself or the command). Exit 0 when created, 1 when anything is refused (nothing is then created), 2 for usage.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setDbScope, withDb } from "../db";
import type { RegistryParent } from "./check";
import { importOrganizations, lockRegistry } from "./import";
import { problemLines, readProblemText, rowReasons } from "./problem-text";
import { checkRegistryFile } from "./run";
import type { RegistryRowReason } from "./schemas";
import { consoleText } from "../i18n/russian-console";

export type OrgsImportResult = { created: number; slugs: string[]; refused: RegistryRowReason[] };
export type OrgsImportOutcome = { code: 0 | 1; result: OrgsImportResult; lines: string[] };

const refusedWith = (reason: string, lines: string[] = []): OrgsImportOutcome => ({ code: 1, result: { created: 0, slugs: [], refused: [{ row: 0, reason }] }, lines: [...lines, reason] });

/** The whole import in one transaction (the CLI's work, callable from the benchmark and tests). */
export async function importOrganizationsFile(args: { bytes: Uint8Array; fileName: string; into: string | null }): Promise<OrgsImportOutcome> {
  return withDb({}, async (tx) => {
    const operator = await tx.user.findFirst({ where: { isOperator: true }, orderBy: { createdAt: "asc" }, select: { id: true, email: true } });
    if (!operator) return refusedWith(consoleText("registryCli.noOperator"));
    let parent: RegistryParent = null;
    if (args.into !== null) {
      const found = await tx.organization.findUnique({ where: { slug: args.into }, select: { id: true, kind: true, name: true, timeZone: true } });
      if (!found) return refusedWith(consoleText("registryCli.parentNotFound", { slug: args.into }));
      if (found.kind === "SCHOOL") return refusedWith(consoleText("registryCli.parentIsSchool", { name: found.name }));
      parent = { id: found.id, kind: found.kind, name: found.name, timeZone: found.timeZone };
    }
    await lockRegistry(tx);
    await setDbScope(tx, { organizationId: parent?.id ?? null, userId: operator.id });
    const checked = await checkRegistryFile(tx, parent, args.bytes, args.fileName);
    if (!checked.ok) return refusedWith(consoleText("registryCli.fileRefused", { problem: readProblemText(checked.problem) }));
    const { check } = checked;
    if (check.problems.length) {
      return {
        code: 1,
        result: { created: 0, slugs: [], refused: rowReasons(check.problems, "ru") },
        lines: [
          ...problemLines(check, "ru", Infinity),
          consoleText("registryCli.listRefused", { rows: String(check.rowsWithErrors) }),
        ],
      };
    }
    if (check.organizations.length === 0) return refusedWith(consoleText("registryCli.listEmpty"));
    const created = await importOrganizations(tx, { parent, rows: check.organizations, actorUserId: operator.id });
    const invitations = created.filter((c) => c.invitationId).length;
    if (parent) {
      await tx.auditEvent.create({
        data: {
          organizationId: parent.id,
          actorId: operator.id,
          action: "registry.import",
          targetType: "Organization",
          data: { fileName: args.fileName, created: created.length, invitations, via: "orgs:import" },
        },
      });
    }
    return {
      code: 0,
      result: { created: created.length, slugs: created.map((c) => c.slug), refused: [] },
      lines: [
        parent
          ? consoleText("registryCli.createdInto", { count: String(created.length), parent: parent.name, operator: operator.email })
          : consoleText("registryCli.createdTopLevel", { count: String(created.length), operator: operator.email }),
        consoleText("registryCli.invitationsQueued", { count: String(invitations) }),
      ],
    };
  });
}

export function parseArgs(argv: string[]): { file: string; into: string | null } | null {
  let into: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--into") {
      const value = argv[++i];
      if (!value) return null;
      into = value;
    } else if (arg.startsWith("--into=")) into = arg.slice("--into=".length);
    else rest.push(arg);
  }
  return rest.length === 1 && into !== "" ? { file: rest[0]!, into } : null;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(consoleText("registryCli.usage"));
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.file));
  } catch {
    const outcome = refusedWith(consoleText("registryCli.fileUnreadable", { file: args.file }));
    for (const line of outcome.lines) console.log(line);
    console.log(JSON.stringify(outcome.result));
    return 1;
  }
  const outcome = await importOrganizationsFile({ bytes, fileName: path.basename(args.file), into: args.into });
  for (const line of outcome.lines) console.log(line);
  console.log(JSON.stringify(outcome.result));
  return outcome.code;
}

// Run only as a script (the benchmark and tests import the function).
if (process.argv[1] && /registry[\\/]cli\.ts$/.test(process.argv[1])) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      // A failure of the database itself (a concurrent import took a slug…): the transaction rolled back.
      const reason = consoleText("registryCli.failed", { error: error instanceof Error ? error.message : String(error) });
      console.error(reason);
      console.log(JSON.stringify({ created: 0, slugs: [], refused: [{ row: 0, reason }] }));
      process.exit(1);
    },
  );
}
