import { describe, expect, it } from "vitest";
import { canHold, checkInn, checkOgrn, defaultHeadPosition, parseRegistryKind, slugFromName, SLUG_PATTERN, uniqueSlug } from "./requisites";

describe("ИНН", () => {
  it("accepts real 10- and 12-digit numbers, with spaces between groups", () => {
    expect(checkInn("7707083893")).toEqual({ ok: true, inn: "7707083893" });
    expect(checkInn("77 07 083893")).toEqual({ ok: true, inn: "7707083893" });
    expect(checkInn("500100732259")).toEqual({ ok: true, inn: "500100732259" });
  });
  it("refuses a wrong check digit, a wrong length and letters", () => {
    expect(checkInn("7707083894")).toEqual({ ok: false, problem: "innChecksum" });
    expect(checkInn("500100732258")).toEqual({ ok: false, problem: "innChecksum" });
    expect(checkInn("770708389")).toEqual({ ok: false, problem: "innLength" });
    expect(checkInn("77070838g3")).toEqual({ ok: false, problem: "innLength" });
    expect(checkInn("")).toEqual({ ok: false, problem: "innLength" });
  });
});

describe("ОГРН", () => {
  it("accepts a real ОГРН and ОГРНИП", () => {
    expect(checkOgrn("1027700132195")).toEqual({ ok: true, ogrn: "1027700132195" });
    expect(checkOgrn("304500116000157")).toEqual({ ok: true, ogrn: "304500116000157" });
  });
  it("refuses a wrong check digit and a wrong length", () => {
    expect(checkOgrn("1027700132196")).toEqual({ ok: false, problem: "ogrnChecksum" });
    expect(checkOgrn("102770013219")).toEqual({ ok: false, problem: "ogrnLength" });
  });
});

describe("kinds", () => {
  it("reads the «Вид» words of the template and common abbreviations", () => {
    expect(parseRegistryKind(" Детский  сад ")).toEqual({ kind: "SCHOOL", schoolKind: "KINDERGARTEN" });
    expect(parseRegistryKind("школа")).toEqual({ kind: "SCHOOL", schoolKind: "GENERAL" });
    expect(parseRegistryKind("дополнительное образование")).toEqual({ kind: "SCHOOL", schoolKind: "SUPPLEMENTARY" });
    expect(parseRegistryKind("Муниципалитет")).toEqual({ kind: "MUNICIPALITY", schoolKind: null });
    expect(parseRegistryKind("университет")).toBeNull();
  });
  it("knows which kinds a parent may hold", () => {
    expect(canHold(null, "REGION")).toBe(true);
    expect(canHold(null, "SCHOOL")).toBe(false);
    expect(canHold("MUNICIPALITY", "SCHOOL")).toBe(true);
    expect(canHold("MUNICIPALITY", "MUNICIPALITY")).toBe(false);
    expect(canHold("SCHOOL", "SCHOOL")).toBe(false);
  });
  it("gives a kindergarten «Заведующий»", () => {
    expect(defaultHeadPosition({ kind: "SCHOOL", schoolKind: "KINDERGARTEN" })).toBe("Заведующий");
    expect(defaultHeadPosition({ kind: "SCHOOL", schoolKind: "GENERAL" })).toBe("Директор");
  });
});

describe("slugs", () => {
  it("transliterates Russian names and drops legal forms and signs", () => {
    expect(slugFromName("МБОУ «Средняя школа № 14»")).toBe("srednyaya-shkola-14");
    expect(slugFromName("МБДОУ «Детский сад № 5 „Ёлочка“»")).toBe("detskiy-sad-5-yolochka");
    expect(slugFromName("!!!")).toBe("org");
    expect(slugFromName("МБОУ СОШ № 1")).toBe("sosh-1");
    const long = slugFromName("Муниципальное бюджетное общеобразовательное учреждение средняя общеобразовательная школа");
    expect(long.length).toBeLessThanOrEqual(48);
    for (const s of ["srednyaya-shkola-14", long, "org"]) expect(s).toMatch(SLUG_PATTERN);
  });
  it("adds a number until the slug is free", () => {
    const taken = new Set(["shkola-1", "shkola-1-2"]);
    expect(uniqueSlug("shkola-1", (s) => taken.has(s))).toBe("shkola-1-3");
    expect(uniqueSlug("shkola-2", (s) => taken.has(s))).toBe("shkola-2");
  });
});
