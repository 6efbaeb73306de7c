import { now } from "../../lib/clock";
import { describe, expect, it, beforeAll } from "vitest";
import { withDb } from "../../lib/db";
import { addMembership, createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";

// The second wall: PostgreSQL itself refuses cross-tenant reads and writes inside a tenant
// transaction, even when the query has no organization filter at all.
const db = setupTestDatabase();

let schoolA: { id: string };
let schoolB: { id: string };
let userA: { id: string };
let userB: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  schoolA = await createOrganization(prisma);
  schoolB = await createOrganization(prisma);
  userA = await createMember(prisma, schoolA.id, ["DIRECTOR"]);
  userB = await createMember(prisma, schoolB.id, ["DIRECTOR"]);
  for (const [org, user] of [[schoolA, userA], [schoolB, userB]] as const) {
    await prisma.invitation.create({
      data: { organizationId: org.id, email: `x-${org.id}@example.test`, role: "MENTOR", tokenHash: `hash-${org.id}`, invitedById: user.id, expiresAt: new Date(now().getTime() + 86_400_000) },
    });
    await prisma.auditEvent.create({ data: { organizationId: org.id, actorId: user.id, action: "test.event" } });
  }
});

describe("row-level security coverage", () => {
  it("every table with an organizationId column has forced RLS and at least one policy", async () => {
    const rows = await db().withExecutor((ex) =>
      ex.query<{ table: string; rls: boolean; forced: boolean; policies: number }>(`
        SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
               (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
        FROM information_schema.columns col
        JOIN pg_class c ON c.relname = col.table_name
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
        WHERE col.table_schema = 'public' AND col.column_name = 'organizationId' AND c.relkind = 'r'
        ORDER BY 1`),
    );
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(["AuditEvent", "Invitation", "Membership"]));
    const unprotected = rows.filter((r) => !r.rls || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unprotected).toEqual([]);
  });

  it("the application role can neither bypass RLS nor act as superuser", async () => {
    const [role] = await db().withExecutor((ex) =>
      ex.query<{ rolsuper: boolean; rolbypassrls: boolean }>(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = 'nastavnik_app'`),
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const who = await withDb({ organizationId: schoolB.id }, (tx) => tx.$queryRaw<{ u: string }[]>`SELECT current_user AS u`);
    expect(who[0]?.u).toBe("nastavnik_app");
  });
});

describe("inside school B's tenant transaction, with no application filter", () => {
  const asB = <T>(fn: Parameters<typeof withDb<T>>[1]) => withDb({ organizationId: schoolB.id, userId: userB.id }, fn);

  it("a raw query for school A's rows returns none", async () => {
    const rows = await asB((tx) => tx.$queryRaw<unknown[]>`SELECT * FROM "Membership" WHERE "organizationId" = ${schoolA.id}::uuid`);
    expect(rows).toEqual([]);
    const invitations = await asB((tx) => tx.$queryRaw<{ organizationId: string }[]>`SELECT "organizationId" FROM "Invitation"`);
    expect(invitations.map((r) => r.organizationId)).toEqual([schoolB.id]);
    const audit = await asB((tx) => tx.auditEvent.findMany({ select: { organizationId: true } }));
    expect(new Set(audit.map((a) => a.organizationId))).toEqual(new Set([schoolB.id]));
  });

  it("an unfiltered Prisma query sees only school B", async () => {
    const memberships = await asB((tx) => tx.membership.findMany({ select: { organizationId: true } }));
    expect(memberships.length).toBeGreaterThan(0);
    expect(memberships.every((m) => m.organizationId === schoolB.id)).toBe(true);
  });

  it("writing a row for school A is refused", async () => {
    await expect(
      asB((tx) => tx.$executeRaw`INSERT INTO "Membership" (id, "organizationId", "userId", role) VALUES (gen_random_uuid(), ${schoolA.id}::uuid, ${userB.id}::uuid, 'DIRECTOR')`),
    ).rejects.toThrow(/row-level security/i);
    await expect(
      asB((tx) => tx.auditEvent.create({ data: { organizationId: schoolA.id, action: "forged" } })),
    ).rejects.toThrow();
    const forged = await db().prisma.membership.count({ where: { organizationId: schoolA.id, userId: userB.id } });
    expect(forged).toBe(0);
  });

  it("updating or deleting school A's rows touches nothing", async () => {
    const updated = await asB((tx) => tx.$executeRaw`UPDATE "Invitation" SET "revokedAt" = now() WHERE "organizationId" = ${schoolA.id}::uuid`);
    const deleted = await asB((tx) => tx.$executeRaw`DELETE FROM "Membership" WHERE "organizationId" = ${schoolA.id}::uuid`);
    expect([updated, deleted]).toEqual([0, 0]);
    expect(await db().prisma.invitation.count({ where: { organizationId: schoolA.id, revokedAt: { not: null } } })).toBe(0);
    expect(await db().prisma.membership.count({ where: { organizationId: schoolA.id } })).toBe(1);
  });

  it("moving a school B row into school A is refused", async () => {
    await expect(
      asB((tx) => tx.$executeRaw`UPDATE "Membership" SET "organizationId" = ${schoolA.id}::uuid WHERE "organizationId" = ${schoolB.id}::uuid`),
    ).rejects.toThrow(/row-level security/i);
  });

  it("the audit log is append-only", async () => {
    await expect(asB((tx) => tx.$executeRaw`DELETE FROM "AuditEvent"`)).rejects.toThrow(/permission denied/i);
    await expect(asB((tx) => tx.$executeRaw`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/permission denied/i);
  });
});

describe("scopes without a tenant", () => {
  it("no scope sees no tenant rows at all", async () => {
    const counts = await withDb({}, async (tx) => [await tx.membership.count(), await tx.invitation.count(), await tx.auditEvent.count()]);
    expect(counts).toEqual([0, 0, 0]);
  });

  it("a user scope reads only that user's own memberships", async () => {
    const prisma = db().prisma;
    await addMembership(prisma, { userId: userB.id, organizationId: schoolA.id, role: "MENTOR" });
    const rows = await withDb({ userId: userB.id }, (tx) => tx.membership.findMany({ select: { userId: true, organizationId: true } }));
    expect(rows.every((r) => r.userId === userB.id)).toBe(true);
    expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([schoolA.id, schoolB.id]));
    // …but cannot write outside a tenant scope, even for itself.
    await expect(
      withDb({ userId: userB.id }, (tx) => tx.membership.create({ data: { organizationId: schoolA.id, userId: userB.id, role: "CURATOR" } })),
    ).rejects.toThrow();
    await prisma.membership.deleteMany({ where: { userId: userB.id, organizationId: schoolA.id } });
  });

  it("an invitation token scope reads that one invitation only", async () => {
    const rows = await withDb({ invitationTokenHash: `hash-${schoolA.id}` }, (tx) => tx.invitation.findMany({ select: { organizationId: true } }));
    expect(rows).toEqual([{ organizationId: schoolA.id }]);
  });
});
