import { describe, expect, it } from "vitest";
import { consentProblem, isMinorOn, type ConsentPurpose, type ConsentRecord } from "./consent";
import { translator } from "../i18n/translator";

const at = new Date("2026-11-25T12:00:00Z");
const adult = { birthDate: new Date("1990-05-01T00:00:00Z") };
const minor = { birthDate: new Date("2012-03-10T00:00:00Z") };
const base: ConsentRecord = { purposes: ["BANK", "PAIRS", "SURVEYS"], givenBy: "SUBJECT", givenAt: new Date("2026-09-02T00:00:00Z"), separateDocument: true };
const [ru, en] = [translator("ru"), translator("en")];
/** consentProblem as the Russian reader sees it (errors.consent…), or null. */
const check = (subject: typeof adult, consents: ConsentRecord[], purpose: ConsentPurpose = "BANK") => {
  const problem = consentProblem(subject, consents, purpose, at);
  return problem && ru(`errors.${problem.key}` as "errors.notFound", problem.values as never);
};

describe("isMinorOn", () => {
  it("turns 18 on the birthday", () => {
    const s = { birthDate: new Date("2008-11-25T00:00:00Z") };
    expect(isMinorOn(s, new Date("2026-11-24T23:59:59Z"))).toBe(true);
    expect(isMinorOn(s, new Date("2026-11-25T00:00:00Z"))).toBe(false);
  });
  it("uses the minor flag when the birth date is unknown", () => {
    expect(isMinorOn({ birthDate: null, flaggedMinor: true }, at)).toBe(true);
    expect(isMinorOn({ birthDate: null }, at)).toBe(false);
  });
});

describe("consentProblem", () => {
  it("accepts a valid consent for each of its purposes", () => {
    for (const p of ["BANK", "PAIRS", "SURVEYS"] as const) expect(check(adult, [base], p)).toBeNull();
  });

  it.each([
    ["no consent at all", [], "BANK", "нет согласия на цель «включение в банк наставников / наставляемых»"],
    ["a purpose not covered", [base], "PUBLICATION", "нет согласия на цель «публикация сведений на сайте организации»"],
    ["a revoked consent", [{ ...base, revokedAt: new Date("2026-11-01T00:00:00Z") }], "BANK", "согласие отозвано 01.11.2026"],
    ["an expired consent", [{ ...base, validUntil: new Date("2026-10-31T00:00:00Z") }], "BANK", "срок действия согласия истёк 31.10.2026"],
    ["a consent dated in the future", [{ ...base, givenAt: new Date("2026-12-01T00:00:00Z") }], "BANK", "согласие вступает в силу 01.12.2026"],
    ["a clause inside another form after 01.09.2025", [{ ...base, separateDocument: false }], "BANK", "согласие должно быть оформлено отдельным документом (с 01.09.2025)"],
    ["publication merged into the processing consent", [{ ...base, purposes: ["BANK", "PUBLICATION"] as ConsentPurpose[] }], "PUBLICATION", "согласие на распространение (публикацию) оформляется отдельно от согласия на обработку (ст. 10.1 152-ФЗ)"],
  ])("refuses %s, saying why", (_case, consents, purpose, reason) => {
    expect(check(adult, consents as ConsentRecord[], purpose as ConsentPurpose)).toBe(`Нельзя обрабатывать персональные данные: ${reason}.`);
  });

  it("keeps an old in-form consent given before 01.09.2025 valid", () => {
    expect(check(adult, [{ ...base, givenAt: new Date("2025-05-20T00:00:00Z"), separateDocument: false }])).toBeNull();
  });

  it("accepts a separate publication consent", () => {
    expect(check(adult, [base, { ...base, purposes: ["PUBLICATION"] }], "PUBLICATION")).toBeNull();
  });

  it("needs a legal representative for a minor", () => {
    expect(check(minor, [base])).toBe("Нельзя обрабатывать персональные данные: за несовершеннолетнего согласие даёт законный представитель.");
    expect(check(minor, [{ ...base, givenBy: "REPRESENTATIVE", representativeName: " " }])).toContain("законный представитель");
    expect(check(minor, [{ ...base, givenBy: "REPRESENTATIVE", representativeName: "Иванова Мария Петровна (мать)" }])).toBeNull();
  });

  it("a later valid consent wins over an earlier revoked one", () => {
    const revoked = { ...base, givenAt: new Date("2026-09-01T00:00:00Z"), revokedAt: new Date("2026-10-01T00:00:00Z") };
    const renewed = { ...base, givenAt: new Date("2026-10-15T00:00:00Z") };
    expect(check(adult, [revoked, renewed])).toBeNull();
    expect(check(adult, [revoked])).toContain("отозвано 01.10.2026");
  });
});

// The rule for every purpose, the same way: only a valid consent naming that purpose covers it.
describe.each(["BANK", "PAIRS", "SURVEYS", "PUBLICATION", "DISTRICT_COMMUNITIES"] as const)("the consent rule for %s", (purpose) => {
  const own: ConsentRecord = { ...base, purposes: [purpose] };
  const others: ConsentRecord = { ...base, purposes: (["BANK", "PAIRS", "SURVEYS"] as ConsentPurpose[]).filter((p) => p !== purpose) };

  it("is covered by a valid consent naming it", () => expect(check(adult, [own], purpose)).toBeNull());
  it("is not covered by consents for the other purposes", () => expect(check(adult, [others], purpose)).toContain("нет согласия на цель"));
  it("is not covered once revoked", () => expect(check(adult, [{ ...own, revokedAt: new Date("2026-11-01T00:00:00Z") }], purpose)).toContain("согласие отозвано"));
  it("is not covered after it expired", () => expect(check(adult, [{ ...own, validUntil: new Date("2026-10-31T00:00:00Z") }], purpose)).toContain("срок действия согласия истёк"));
  it("for a minor, is covered only by a named legal representative", () => {
    expect(check(minor, [own], purpose)).toContain("законный представитель");
    expect(check(minor, [{ ...own, givenBy: "REPRESENTATIVE", representativeName: "Иванова О. П., мать" }], purpose)).toBeNull();
  });
});

// The pairs' pool words a PAIRS problem by its own message (pairs.matching.leftConsent, a select over the key):
// the same sentence as errors.consent…, and the English message has no Russian in it.
describe("consentProblem and its messages", () => {
  const cases: [typeof adult, ConsentRecord[], ConsentPurpose][] = [
    [adult, [], "BANK"],
    [adult, [base], "PUBLICATION"],
    [adult, [], "DISTRICT_COMMUNITIES"],
    [adult, [{ ...base, revokedAt: new Date("2026-11-01T00:00:00Z") }], "BANK"],
    [adult, [{ ...base, validUntil: new Date("2026-10-31T00:00:00Z") }], "BANK"],
    [adult, [{ ...base, givenAt: new Date("2026-12-01T00:00:00Z") }], "BANK"],
    [adult, [{ ...base, separateDocument: false }], "BANK"],
    [adult, [{ ...base, purposes: ["BANK", "PUBLICATION"] }], "PUBLICATION"],
    [minor, [base], "PAIRS"],
  ];
  it.each(cases)("words the same reason in both forms (%#)", (subject, consents, purpose) => {
    const problem = consentProblem(subject, consents, purpose, at);
    expect(problem).not.toBeNull();
    const key = `errors.${problem!.key}` as "errors.notFound";
    expect(en(key, problem!.values as never)).not.toMatch(/[а-яё]/i);
  });
  const pairCases: [typeof adult, ConsentRecord[]][] = [
    [adult, []],
    [adult, [{ ...base, purposes: ["BANK"] }]],
    [adult, [{ ...base, revokedAt: new Date("2026-11-01T00:00:00Z") }]],
    [adult, [{ ...base, validUntil: new Date("2026-10-31T00:00:00Z") }]],
    [adult, [{ ...base, givenAt: new Date("2026-12-01T00:00:00Z") }]],
    [adult, [{ ...base, separateDocument: false }]],
    [minor, [base]],
  ];
  it.each(pairCases)("words a pairs problem in the pool as the error does (%#)", (subject, consents) => {
    const problem = consentProblem(subject, consents, "PAIRS", at)!;
    const pool = { problem: problem.key, date: problem.values?.date ?? "" };
    for (const t of [ru, en]) expect(t("pairs.matching.leftConsent", pool)).toBe(t(`errors.${problem.key}` as "errors.notFound", problem.values as never));
  });
  it("is null when a consent covers the purpose", () => expect(consentProblem(adult, [base], "PAIRS", at)).toBeNull());
});
