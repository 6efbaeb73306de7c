import { describe, expect, it } from "vitest";
import { listPeoplePage, PEOPLE_PAGE_SIZE, PeopleSearchInput } from "../../lib/people/queries";
import { createPeopleRows } from "../factories";
import { createCuratedSchool } from "../setup/factories";
import { setupTestDatabase } from "../setup/database";
import { pad4 as pad } from "../setup/files";

// Issue #19: a school of thousands gets its people list a page at a time from the database — filtered by
// name and kind, in the order asked, with the count of all that match — and the search lives in the address.
const db = setupTestDatabase();

/** A school holding these people (written as rows: the list is what is tested); its curator's context. */
async function schoolWith(people: { lastName: string; firstName: string; kind: "TEACHER" | "STUDENT" | "EXTERNAL" }[]) {
  const s = await createCuratedSchool(db().prisma);
  await createPeopleRows(db().prisma, s.id, people);
  return s.ctx;
}

describe("the people list, a page at a time", () => {
  it("2,000 people: one page of rows, the count of all, pages in name order without gaps or repeats", { timeout: 120_000 }, async () => {
    const people = Array.from({ length: 2000 }, (_, i) => ({ lastName: `Фамилия${pad(1999 - i)}`, firstName: i % 2 ? "Анна" : "Иван", kind: (i % 10 === 0 ? "TEACHER" : "STUDENT") as "TEACHER" | "STUDENT" }));
    const ctx = await schoolWith(people);
    const first = await listPeoplePage(ctx, {});
    expect(PEOPLE_PAGE_SIZE).toBe(100);
    expect(first).toMatchObject({ total: 2000, page: 1, pages: 20, from: 0, to: 100 });
    expect(first.rows).toHaveLength(PEOPLE_PAGE_SIZE);
    expect(first.rows[0]!.lastName).toBe("Фамилия0000");
    const second = await listPeoplePage(ctx, { page: 2 });
    expect(second.rows.map((p) => p.lastName)).toEqual(Array.from({ length: 100 }, (_, i) => `Фамилия${pad(100 + i)}`));
    // A page past the last shows the last; the order reversed starts at the other end.
    const last = await listPeoplePage(ctx, { page: 999 });
    expect(last).toMatchObject({ page: 20, from: 1900, to: 2000 });
    expect((await listPeoplePage(ctx, { sort: "-name" })).rows[0]!.lastName).toBe("Фамилия1999");
    // A kind: 200 teachers of the 2,000; sorted by kind, the enum's order (TEACHER first) then the name.
    const teachers = await listPeoplePage(ctx, { kind: "TEACHER" });
    expect(teachers.total).toBe(200);
    expect(teachers.rows.every((p) => p.kind === "TEACHER")).toBe(true);
    const byKind = await listPeoplePage(ctx, { sort: "kind", page: 2 });
    expect(byKind.rows.map((p) => p.kind)).toEqual(Array(100).fill("TEACHER"));
    expect((await listPeoplePage(ctx, { sort: "kind", page: 3 })).rows.map((p) => p.kind)).toEqual(Array(100).fill("STUDENT"));
  });

  it("finds by parts of the name in any order and case, and nobody when nothing matches", async () => {
    const ctx = await schoolWith([
      { lastName: "Петрова", firstName: "Мария", kind: "TEACHER" },
      { lastName: "Петров", firstName: "Иван", kind: "STUDENT" },
      { lastName: "Иванова", firstName: "Ольга", kind: "TEACHER" },
    ]);
    expect((await listPeoplePage(ctx, { q: "петр" })).rows.map((p) => p.lastName)).toEqual(["Петров", "Петрова"]);
    expect((await listPeoplePage(ctx, { q: "иван ПЕТР" })).rows.map((p) => p.lastName)).toEqual(["Петров"]);
    expect((await listPeoplePage(ctx, { q: "иван" })).rows.map((p) => p.lastName)).toEqual(["Иванова", "Петров"]);
    expect((await listPeoplePage(ctx, { q: "петр", kind: "TEACHER" })).rows.map((p) => p.lastName)).toEqual(["Петрова"]);
    expect(await listPeoplePage(ctx, { q: "Сидоров" })).toMatchObject({ total: 0, page: 1, pages: 1, rows: [] });
    // «%» and «_» are letters here, not patterns.
    expect((await listPeoplePage(ctx, { q: "%" })).total).toBe(0);
    expect((await listPeoplePage(ctx, { q: "_" })).total).toBe(0);
    expect((await listPeoplePage(ctx, { q: "\\" })).total).toBe(0);
  });

  it("sees only its own school", async () => {
    const a = await schoolWith([{ lastName: "Своя", firstName: "А", kind: "TEACHER" }]);
    await schoolWith([{ lastName: "Чужая", firstName: "Б", kind: "TEACHER" }]);
    expect((await listPeoplePage(a, {})).rows.map((p) => p.lastName)).toEqual(["Своя"]);
  });

  it("reads its search from the address: empty fields are «any», anything malformed is refused", () => {
    expect(PeopleSearchInput.parse({ q: "", kind: "", sort: "", page: "" })).toEqual({});
    expect(PeopleSearchInput.parse({ q: "  Петров ", kind: "TEACHER", sort: "-name", page: "3" })).toEqual({ q: "Петров", kind: "TEACHER", sort: "-name", page: 3 });
    for (const bad of [{ kind: "ADMIN" }, { sort: "password" }, { page: "-1" }, { page: "1e3" }, { q: "x".repeat(101) }, { q: "a\u0000b" }, { q: ["a", "b"] }]) {
      expect(PeopleSearchInput.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
