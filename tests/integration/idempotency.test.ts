// Idempotency keys and the UNAVAILABLE refusal of the action wrapper (decision 015), through the real
// wrapper on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ACTION_REGISTRY } from "../../lib/actions/action";
import { newIdempotencyKey } from "../../lib/actions/idempotency-key";
import { now } from "../../lib/clock";
import { DatabaseUnavailableError, setDatabase, withDb } from "../../lib/db";
import { openPGlite, openPostgres } from "../../lib/db/database";
import { outageStorage, type OutageMark } from "../../lib/db/outage-signal";
import { addMembership, createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, type InputOf } from "../setup/call";
import { createPerson } from "../../lib/people/actions";

const db = setupTestDatabase();
/** people.create's input: a teacher «<lastName> Ключ» of the school, with the idempotency key if given. */
const teacher = (org: string, lastName: string, key?: string): InputOf<typeof createPerson> => ({
  org,
  kind: "TEACHER",
  lastName,
  firstName: "Ключ",
  ...(key === undefined ? {} : { idempotencyKey: key }),
});
const personsNamed = (lastName: string) => db().prisma.person.findMany({ where: { lastName }, select: { id: true, organizationId: true } });
const auditsOf = (targetIds: string[]) => db().prisma.auditEvent.count({ where: { action: "people.create", targetId: { in: targetIds } } });

let schoolA: { id: string; slug: string };
let schoolB: { id: string; slug: string };
let curator: { id: string };
let colleague: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  schoolA = await createOrganization(prisma);
  schoolB = await createOrganization(prisma);
  curator = await createMember(prisma, schoolA.id, ["CURATOR"]);
  colleague = await createMember(prisma, schoolA.id, ["CURATOR"]);
  await addMembership(prisma, { userId: curator.id, organizationId: schoolB.id, role: "CURATOR" });
});

describe("idempotent creating actions", () => {
  it("declares the creating actions idempotent", () => {
    for (const name of ["people.create", "people.import", "meetings.log", "pairs.propose", "news.save", "acts.register", "programs.create", "surveys.create"]) {
      // Some areas are not imported by this file; the flag is checked where the definition is loaded.
      const def = ACTION_REGISTRY.get(name);
      if (def) expect(def.scope === "tenant" && def.idempotent, name).toBe(true);
    }
    expect((ACTION_REGISTRY.get("people.create") as { idempotent?: boolean }).idempotent).toBe(true);
  });

  it("returns the first result to a resubmission with the same key: one row, one audit record", async () => {
    const key = newIdempotencyKey();
    const first = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Повтор", key));
    const second = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Повтор", key));
    // Even with changed input, the key stands for the first submission.
    const third = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Повтор-изменён", key));
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect((await personsNamed("Повтор")).map((p) => p.id)).toEqual([first.personId]);
    expect(await personsNamed("Повтор-изменён")).toEqual([]);
    expect(await auditsOf([first.personId])).toBe(1);
    const stored = await db().prisma.idempotencyKey.findMany({ where: { key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ organizationId: schoolA.id, userId: curator.id, action: "people.create", result: { value: first } });
  });

  it("concurrent submissions with one key create one row and all get its result", async () => {
    const key = newIdempotencyKey();
    const results = await Promise.all(Array.from({ length: 4 }, () => call(createPerson, as(curator), teacher(schoolA.slug, "Гонка", key))));
    const rows = await personsNamed("Гонка");
    expect(rows).toHaveLength(1);
    for (const res of results) expect(res.ok && res.data).toEqual({ personId: rows[0]!.id });
  });

  it("without a key, or with a new key, a resubmission creates again", async () => {
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "БезКлюча"));
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "БезКлюча"));
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "НовыйКлюч", newIdempotencyKey()));
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "НовыйКлюч", newIdempotencyKey()));
    expect(await personsNamed("БезКлюча")).toHaveLength(2);
    expect(await personsNamed("НовыйКлюч")).toHaveLength(2);
  });

  it("another user's key is theirs: the same key runs again for a colleague, who cannot read the first", async () => {
    const key = newIdempotencyKey();
    const mine = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Чужой", key));
    const theirs = await callOk(createPerson, as(colleague), teacher(schoolA.slug, "Чужой", key));
    expect(theirs.personId).not.toBe(mine.personId);
    expect(await personsNamed("Чужой")).toHaveLength(2);
    // Row-level security: the colleague's scope sees only the colleague's own key.
    const seen = await withDb({ organizationId: schoolA.id, userId: colleague.id }, (tx) => tx.idempotencyKey.findMany({ where: { key }, select: { userId: true } }));
    expect(seen).toEqual([{ userId: colleague.id }]);
    // Nor can the colleague forge or take over the curator's key.
    await expect(
      withDb({ organizationId: schoolA.id, userId: colleague.id }, (tx) =>
        tx.idempotencyKey.create({ data: { organizationId: schoolA.id, userId: curator.id, action: "people.create", key: newIdempotencyKey(), result: {} } }),
      ),
    ).rejects.toThrow();
    const updated = await withDb({ organizationId: schoolA.id, userId: colleague.id }, (tx) =>
      tx.idempotencyKey.updateMany({ where: { userId: curator.id }, data: { result: { value: { personId: theirs.personId } } } }),
    );
    expect(updated.count).toBe(0);
    expect(await callOk(createPerson, as(curator), teacher(schoolA.slug, "Чужой", key))).toEqual(mine);
  });

  it("the same user's key used in another organization is refused there, and nothing is created", async () => {
    const key = newIdempotencyKey();
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "ДругаяШкола", key));
    const inB = await call(createPerson, as(curator), teacher(schoolB.slug, "ДругаяШкола", key));
    expect(inB.ok).toBe(false);
    if (!inB.ok) expect(inB.error.code).toBe("CONFLICT");
    expect((await personsNamed("ДругаяШкола")).map((p) => p.organizationId)).toEqual([schoolA.id]);
    const seenFromB = await withDb({ organizationId: schoolB.id, userId: curator.id }, (tx) => tx.idempotencyKey.count({ where: { key } }));
    expect(seenFromB).toBe(0);
  });

  it("a refused submission keeps no key: corrected and resent with the same key, it creates once", async () => {
    const key = newIdempotencyKey();
    const refused = await call(createPerson, as(curator), teacher(schoolA.slug, "", key));
    expect(refused.ok).toBe(false);
    expect(await db().prisma.idempotencyKey.count({ where: { key } })).toBe(0);
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "Исправлено", key));
    await callOk(createPerson, as(curator), teacher(schoolA.slug, "Исправлено", key));
    expect(await personsNamed("Исправлено")).toHaveLength(1);
  });

  it("refuses a malformed key as invalid input", async () => {
    const res = await call(createPerson, as(curator), teacher(schoolA.slug, "ПлохойКлюч", "no spaces allowed here!"));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe("VALIDATION");
      expect(Object.keys(res.error.fieldErrors ?? {})).toEqual(["idempotencyKey"]);
    }
    expect(await personsNamed("ПлохойКлюч")).toEqual([]);
  });

  it("prunes the user's keys older than a day; an expired key runs again", async () => {
    const key = newIdempotencyKey();
    const first = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Старый", key));
    await db().prisma.idempotencyKey.updateMany({ where: { key }, data: { createdAt: new Date(now().getTime() - 25 * 3600_000) } });
    const again = await callOk(createPerson, as(curator), teacher(schoolA.slug, "Старый", key));
    expect(again.personId).not.toBe(first.personId);
    const rows = await db().prisma.idempotencyKey.findMany({ where: { key }, select: { result: true } });
    expect(rows).toEqual([{ result: { value: again } }]);
  });
});

describe("an unreachable database", () => {
  // A second PGlite is opened (and closed) here: compiling its WebAssembly takes tens of seconds on a busy
  // machine when the file runs on PostgreSQL (PGlite not yet loaded), hence the longer limit.
  it("actions answer UNAVAILABLE (outcome unknown, in the user's language), never INTERNAL or a throw", { timeout: 180_000 }, async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    // Nothing listens on port 1: every connection is refused.
    const refused = await openPostgres("postgresql://postgres@127.0.0.1:1/none", { connectTimeoutMs: 1_000, maxConnections: 1 });
    const closed = await openPGlite("memory://");
    await closed.close();
    try {
      for (const database of [refused, closed]) {
        setDatabase(database);
        const res = await call(createPerson, as(curator), teacher(schoolA.slug, "Недоступно", newIdempotencyKey()));
        expect(res.ok, database.kind).toBe(false);
        if (!res.ok) {
          expect(res.error.code, database.kind).toBe("UNAVAILABLE");
          expect(res.error.message).toMatch(/временно недоступен/);
          expect(res.error.message).toMatch(/проверьте/);
        }
      }
    } finally {
      setDatabase(db());
      warn.mockRestore();
      await refused.close();
    }
    expect(await personsNamed("Недоступно")).toEqual([]);
  });

  it("withDb throws DatabaseUnavailableError and marks the request for the 503 page; other errors pass unmarked", async () => {
    const refused = await openPostgres("postgresql://postgres@127.0.0.1:1/none", { connectTimeoutMs: 1_000, maxConnections: 1 });
    const mark: OutageMark = { databaseUnavailable: false };
    try {
      setDatabase(refused);
      const error = await outageStorage().run(mark, () => withDb({}, (tx) => tx.$queryRaw`SELECT 1`).catch((e: unknown) => e));
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      expect(mark.databaseUnavailable).toBe(true);
    } finally {
      setDatabase(db());
      await refused.close();
    }
    const healthy: OutageMark = { databaseUnavailable: false };
    const failed = await outageStorage().run(healthy, () => withDb({}, (tx) => tx.$queryRaw`SELECT nonexistent_column FROM "Person"`).catch((e: unknown) => e));
    expect(failed).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(healthy.databaseUnavailable).toBe(false);
  });
});
