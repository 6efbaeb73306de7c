import { describe, expect, it } from "vitest";
import { readPage, readTenant, type TenantContext } from "../../lib/auth/tenant";
import { listMembers } from "../../lib/members/queries";
import { listPeoplePage, type PeopleSearch } from "../../lib/people/queries";
import { createPersonRow } from "../factories";
import { createCuratedSchool } from "../setup/factories";
import { setupTestDatabase } from "../setup/database";

// The one read path (decision 016): a page's query functions, given the context readPage hands out, all run
// on one transaction scoped to the organization; without it each opens its own.
const db = setupTestDatabase();

/** A school with its curator and one teacher of the name; the curator's context. */
async function school(lastName: string) {
  const s = await createCuratedSchool(db().prisma);
  await createPersonRow(db().prisma, s.id, { lastName });
  return s.ctx;
}

const listPeople = async (ctx: TenantContext, search: PeopleSearch = {}) => (await listPeoplePage(ctx, search)).rows;

const txid = (ctx: TenantContext) => readTenant(ctx, async (tx) => (await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`)[0]!.id);

describe("readPage", () => {
  it("runs every query function of the page on one transaction, also when they run concurrently", async () => {
    const ctx = await school("Первая");
    const inside = await readPage(ctx, async (read) => {
      const [a, people, members, b] = await Promise.all([txid(read), listPeople(read), listMembers(read), txid(read)]);
      return { ids: [a, b, await txid(read)], people, members };
    });
    expect(new Set(inside.ids).size).toBe(1);
    expect(inside.people.map((p) => p.lastName)).toEqual(["Первая"]);
    expect(inside.members).toHaveLength(1);
    // The same calls without readPage: a transaction each, the same answers.
    expect(await txid(ctx)).not.toBe(await txid(ctx));
    expect((await listPeople(ctx)).map((p) => p.lastName)).toEqual(["Первая"]);
  });

  it("keeps the organization's row-level security: an unfiltered read inside it sees only this school", async () => {
    const a = await school("Школа-А");
    await school("Школа-Б");
    const seen = await readPage(a, (read) => readTenant(read, (tx) => tx.person.findMany({ select: { lastName: true } })));
    expect(seen.map((p) => p.lastName)).toEqual(["Школа-А"]);
  });

  it("hands out a context that does not outlive it: a late read fails loudly instead of leaving the scope", async () => {
    const ctx = await school("Поздняя");
    const escaped = await readPage(ctx, async (read) => read);
    await expect(listPeople(escaped)).rejects.toThrow();
  });
});
