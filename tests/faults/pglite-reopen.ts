// Child process for tests/faults/pglite-kill.test.ts: after a SIGKILL, opens the data directory the
// way the app starts (PGLITE_DIR: openPGlite + the migration runner, as getDatabase() does), then
// reports as one JSON line: migrations pending before the runner and applied by it, the health
// check, the people of the test school created one by one, the imported people counted by batch,
// the targets of the people.create audit records, the number of people.import audit records, and
// the outcome of one new write through the action wrapper.
import { ACTION_REGISTRY, runAction } from "../../lib/actions/action";
import { embeddedDataDir } from "../../lib/env";
import { getDatabase, setDatabase } from "../../lib/db";
import { openPGlite } from "../../lib/db/database";
import { applyMigrations, pendingMigrations } from "../../lib/db/migrate";
import { checkHealth } from "../../lib/health";
import "../../lib/people/actions";
import { PGLITE_FAULT_CURATOR, PGLITE_FAULT_SCHOOL } from "./pglite-writer-names";

async function main() {
  const round = process.argv[2] ?? "0";
  const started = Date.now();
  // What getDatabase() does on the embedded database (lib/db/connection.ts), step by step, looking at
  // the migrations before they would be applied: the kill must not have left one half-done.
  const db = await openPGlite(embeddedDataDir());
  const pending = await db.withExecutor((ex) => pendingMigrations(ex));
  const applied = await db.withExecutor((ex) => applyMigrations(ex));
  setDatabase(db);
  const openMs = Date.now() - started;
  if ((await getDatabase()) !== db) throw new Error("not the database just opened");
  const health = await checkHealth();
  const org = await db.prisma.organization.findUnique({ where: { slug: PGLITE_FAULT_SCHOOL }, select: { id: true, slug: true } });
  const curator = await db.prisma.user.findUnique({ where: { email: PGLITE_FAULT_CURATOR }, select: { id: true } });
  const persons = org
    ? await db.prisma.person.findMany({ where: { organizationId: org.id, NOT: { lastName: { startsWith: "Импорт-" } } }, select: { id: true, lastName: true } })
    : [];
  // Imported people by batch (their shared last name): counted here, the rows are many.
  const batches = org
    ? (
        await db.prisma.person.groupBy({
          by: ["lastName"],
          where: { organizationId: org.id, lastName: { startsWith: "Импорт-" } },
          _count: { _all: true },
        })
      ).map((g) => [g.lastName, g._count._all] as const)
    : [];
  const audits = org
    ? await db.prisma.auditEvent.findMany({ where: { organizationId: org.id, action: "people.create" }, select: { targetId: true } })
    : [];
  const importAudits = org ? await db.prisma.auditEvent.count({ where: { organizationId: org.id, action: "people.import" } }) : 0;
  let write: unknown = null;
  if (org && curator) {
    const lastName = `check${round}`;
    const result = await runAction<{ personId: string }>(ACTION_REGISTRY.get("people.create")!, curator.id, {
      org: org.slug,
      kind: "TEACHER",
      lastName,
      firstName: "Проверка",
    });
    write = result.ok ? { ok: true, lastName, personId: result.data.personId } : { ok: false, error: result.error };
  }
  process.stdout.write(
    JSON.stringify({ openMs, pending, applied, health, school: Boolean(org), curator: Boolean(curator), persons, batches, auditTargets: audits.map((a) => a.targetId), importAudits, write }) + "\n",
  );
  await db.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
