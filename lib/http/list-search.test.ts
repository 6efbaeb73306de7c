import { describe, expect, it } from "vitest";
import { z } from "zod";
import { matchesEveryWord, pageOf, pageRows } from "../domain/paging";
import { everyWord, listHref, ListSearch, nextSort, readListParams, searchWords, sortOf, sortParam } from "./list-search";

const Search = ListSearch.extend({ status: z.enum(["A", "B"]).optional(), sort: sortParam(["name", "date"]) });

describe("a large list's state in the address (decision 056)", () => {
  it("reads q, page and sort; empty fields are «any»", () => {
    expect(Search.parse({ q: "", page: "", sort: "" })).toEqual({});
    expect(Search.parse({ q: "  Иванов  ", page: "12", sort: "-date" })).toEqual({ q: "Иванов", page: 12, sort: "-date" });
    for (const bad of [{ page: "abc" }, { page: "-1" }, { page: "1e3" }, { page: "1234567" }, { sort: "-" }, { sort: "--name" }, { sort: "password" }, { q: "x".repeat(101) }, { q: ["a", "b"] }]) {
      expect(Search.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("ignores what it cannot read and says so, instead of failing the page", () => {
    expect(readListParams(Search, { page: "abc", sort: "unknown", q: "Петров", status: "A" })).toEqual({ search: { q: "Петров", status: "A" }, ignored: ["page", "sort"] });
    expect(readListParams(Search, { page: "99999" })).toEqual({ search: { page: 99999 }, ignored: [] });
    expect(readListParams(Search, { status: ["A", "B"] })).toEqual({ search: {}, ignored: ["status"] });
  });

  it("turns a sort value into a column and a direction, and a header into the other direction", () => {
    expect(sortOf(undefined, "name")).toEqual({ column: "name", descending: false });
    expect(sortOf(undefined, "-date")).toEqual({ column: "date", descending: true });
    expect(sortOf("-name", "date")).toEqual({ column: "name", descending: true });
    expect(nextSort({ column: "name", descending: false }, "name")).toBe("-name");
    expect(nextSort({ column: "name", descending: true }, "name")).toBe("name");
    expect(nextSort({ column: "name", descending: false }, "date")).toBe("date");
  });

  it("escapes LIKE patterns and matches every word", () => {
    expect(searchWords(" 100%  a_b  c\\d ")).toEqual(["100\\%", "a\\_b", "c\\\\d"]);
    expect(searchWords("a b c d e f g")).toHaveLength(5);
    expect(everyWord("", (w) => [w])).toEqual({});
    expect(everyWord("иван петр", (w) => [{ lastName: w }, { firstName: w }])).toEqual({
      AND: [{ OR: [{ lastName: "иван" }, { firstName: "иван" }] }, { OR: [{ lastName: "петр" }, { firstName: "петр" }] }],
    });
    expect(matchesEveryWord("сош №2", "МБОУ «СОШ №2»")).toBe(true);
    expect(matchesEveryWord("сош №3", "МБОУ «СОШ №2»")).toBe(false);
    expect(matchesEveryWord(undefined, "что угодно")).toBe(true);
  });

  it("builds the list's links: the plain list has the plain address, a change goes back to page 1", () => {
    const state = { q: "Иванов", status: undefined, sort: "-date", page: 3 };
    expect(listHref("/s/people", state, { page: 4 }, "#people")).toBe("/s/people?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&sort=-date&page=4#people");
    expect(listHref("/s/people", state, { sort: "name" })).toBe("/s/people?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2&sort=name");
    expect(listHref("/s/people", state, { page: 1, q: null, sort: null })).toBe("/s/people");
    expect(listHref("/s/people", { lagging: true, off: false })).toBe("/s/people?lagging=1");
  });

  it("cuts a list computed in memory to a page like the database does", () => {
    expect(pageOf(0, 50, undefined)).toEqual({ page: 1, pages: 1, from: 0, to: 0 });
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageRows(rows, 50, 2)).toMatchObject({ total: 120, page: 2, pages: 3, from: 50, to: 100 });
    expect(pageRows(rows, 50, 2).rows[0]).toBe(50);
    expect(pageRows(rows, 50, 99).rows).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
  });
});
