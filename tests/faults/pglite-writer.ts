// Child process for tests/faults/pglite-kill.test.ts: opens the embedded database exactly as the app
// does (getDatabase() with PGLITE_DIR: openPGlite + migrations on open), makes sure the test school
// and its curator exist, then writes people through the real action wrapper (`people.create`) in a
// loop, printing `TRY <lastName>` before and `ACK <lastName> <personId>` after each acknowledged
// write; every 8th write is instead an import of IMPORT_ROWS people in one transaction (`people.import`,
// a .csv as the import page uploads it), printed `TRYI <prefix>` / `ACKI <prefix> <created>`, so that
// kills also land inside a large multi-statement transaction. The parent SIGKILLs it.
// Bounded: stops by itself after FAULTS_WRITER_MAX_MS (default 20 s).
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import { getDatabase } from "../../lib/db";
import "../../lib/people/actions";
import "../../lib/people/import-actions";
import { createMember, createOrganization } from "../factories";
import { IMPORT_ROWS, importBatchName, inLetters, PGLITE_FAULT_CURATOR, PGLITE_FAULT_SCHOOL } from "./pglite-writer-names";

async function main() {
  const round = process.argv[2] ?? "0";
  const maxMs = Number(process.env.FAULTS_WRITER_MAX_MS ?? 20_000);
  const db = await getDatabase();
  let org = await db.prisma.organization.findUnique({ where: { slug: PGLITE_FAULT_SCHOOL }, select: { id: true, slug: true } });
  if (!org) org = await createOrganization(db.prisma, { slug: PGLITE_FAULT_SCHOOL });
  let curator = await db.prisma.user.findUnique({ where: { email: PGLITE_FAULT_CURATOR }, select: { id: true } });
  if (!curator) curator = await createMember(db.prisma, org.id, ["CURATOR"], { email: PGLITE_FAULT_CURATOR });
  process.stdout.write("READY\n");

  const create = ACTION_REGISTRY.get("people.create")!;
  const importPeople = ACTION_REGISTRY.get("people.import")!;
  const until = Date.now() + maxMs;
  for (let i = 0; Date.now() < until; i++) {
    if (i % 8 === 7) {
      // Names allow letters only: the batch is the last name, the row the first name (digits as letters).
      const prefix = importBatchName(round, i);
      const csv = ["Фамилия;Имя", ...Array.from({ length: IMPORT_ROWS }, (_, j) => `${prefix};Ряд-${inLetters(j)}`)].join("\n");
      process.stdout.write(`TRYI ${prefix}\n`);
      const result = await runAction<{ created: number }>(importPeople, curator.id, {
        org: org.slug,
        file: new File([csv], "spisok.csv", { type: "text/csv" }),
        defaultKind: "TEACHER",
      });
      if (!result.ok) {
        process.stdout.write(`FAIL ${prefix} ${result.error.code} ${result.error.message} ${result.error.details?.join("; ") ?? ""}\n`);
        process.exit(2);
      }
      process.stdout.write(`ACKI ${prefix} ${result.data.created}\n`);
      continue;
    }
    const lastName = `r${round}-${i}`;
    process.stdout.write(`TRY ${lastName}\n`);
    const result = await runAction<{ personId: string }>(create, curator.id, { org: org.slug, kind: "TEACHER", lastName, firstName: "Запись" });
    if (!result.ok) {
      process.stdout.write(`FAIL ${lastName} ${result.error.code}\n`);
      process.exit(2);
    }
    process.stdout.write(`ACK ${lastName} ${result.data.personId}\n`);
  }
  process.stdout.write("TIMEOUT\n");
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
