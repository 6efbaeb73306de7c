import { now } from "../../lib/clock";
import { describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { createMember, createOrganization, createPersonRow, createProgramRow } from "../factories";
import { setupTestDatabase } from "../setup/database";

const db = setupTestDatabase();

// The tables of the orders, awards, news, the public section and idempotency keys (decision 015): rows of school A are invisible and
// unwritable from school B's scope, whatever the application asks (forced RLS).
describe("row-level security of orders, awards, news and the public section", () => {
  it("hides school A's rows from school B and refuses B's writes to them", async () => {
    const prisma = db().prisma;
    const a = await createOrganization(prisma);
    const b = await createOrganization(prisma);
    const user = await createMember(prisma, a.id, ["DIRECTOR"]);
    const program = await createProgramRow(prisma, a.id, { academicYear: 2026, title: "Программа", audience: "BOTH" });
    const person = await createPersonRow(prisma, a.id, { kind: "TEACHER", lastName: "Наградная", firstName: "Анна" });
    const order = await prisma.pairOrder.create({ data: { organizationId: a.id, programId: program.id, year: 2026, sequence: 1, number: "1-НП", date: new Date("2026-10-01"), createdById: user.id } });
    const award = await prisma.award.create({ data: { organizationId: a.id, programId: program.id, personId: person.id, kind: "CERTIFICATE", title: "Грамота", awardedOn: new Date("2027-05-20"), createdById: user.id } });
    const news = await prisma.news.create({ data: { organizationId: a.id, title: "Новость", body: "Текст", publishedAt: now(), authorId: user.id } });
    const section = await prisma.publicSection.create({ data: { organizationId: a.id, publishedAt: now(), intro: "Раздел" } });
    const key = await prisma.idempotencyKey.create({ data: { organizationId: a.id, userId: user.id, action: "news.save", key: "k".repeat(32), result: { value: { newsId: news.id } } } });

    const fromB = await withDb({ organizationId: b.id }, async (tx) => ({
      seen: [await tx.pairOrder.count(), await tx.award.count(), await tx.news.count(), await tx.publicSection.count(), await tx.idempotencyKey.count()],
      written: [
        (await tx.pairOrder.updateMany({ where: { id: order.id }, data: { number: "666" } })).count,
        (await tx.award.updateMany({ where: { id: award.id }, data: { title: "Чужая" } })).count,
        (await tx.news.updateMany({ where: { id: news.id }, data: { title: "Чужая" } })).count,
        (await tx.publicSection.updateMany({ where: { id: section.id }, data: { publishedAt: null } })).count,
        (await tx.award.deleteMany({ where: { id: award.id } })).count,
        (await tx.idempotencyKey.updateMany({ where: { id: key.id }, data: { result: { value: { newsId: "forged" } } } })).count,
      ],
    }));
    expect(fromB).toEqual({ seen: [0, 0, 0, 0, 0], written: [0, 0, 0, 0, 0, 0] });
    // And B cannot create rows in A's name.
    await expect(withDb({ organizationId: b.id }, (tx) => tx.news.create({ data: { organizationId: a.id, title: "Подлог", body: "Текст", authorId: user.id } }))).rejects.toThrow();
    expect(await prisma.news.count({ where: { organizationId: a.id } })).toBe(1);
    expect((await prisma.pairOrder.findUniqueOrThrow({ where: { id: order.id } })).number).toBe("1-НП");
    expect((await prisma.publicSection.findUniqueOrThrow({ where: { id: section.id } })).publishedAt).not.toBeNull();
    expect((await prisma.idempotencyKey.findUniqueOrThrow({ where: { id: key.id } })).result).toEqual({ value: { newsId: news.id } });
    // A sees its own.
    expect(await withDb({ organizationId: a.id }, async (tx) => [await tx.pairOrder.count(), await tx.award.count(), await tx.news.count(), await tx.publicSection.count()])).toEqual([1, 1, 1, 1]);
  });
});
