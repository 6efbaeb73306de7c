import { describe, expect, it } from "vitest";
import { dutiesConsentProblem } from "./mentor-documents";
import { translator } from "../i18n/translator";
import { day } from "../../tests/setup/dates";

/** dutiesConsentProblem as a reader sees it (errors.dutiesConsent…), or null. */
const refusal = (name: string, at: Date | null, order: Date, locale: "ru" | "en" = "ru") => {
  const problem = dutiesConsentProblem(name, at, order);
  return problem && translator(locale)(`errors.${problem.key}` as "errors.notFound", problem.values as never);
};

describe("dutiesConsentProblem (approving pairs, ТК РФ ст. 60.2)", () => {
  it("refuses without a recorded consent, naming the mentor and where to record it", () => {
    expect(refusal("Мельникова Анна Петровна", null, day("2026-10-10"))).toBe(
      "Мельникова Анна Петровна: не записано письменное согласие наставника на дополнительную работу (ТК РФ ст. 60.2) — запишите его на странице наставника.",
    );
  });
  it("refuses a consent dated after the order, and accepts one of the order's day or earlier", () => {
    expect(refusal("Тарасов Игорь", day("2026-10-11"), day("2026-10-10"))).toBe(
      "Тарасов Игорь: письменное согласие наставника на дополнительную работу дано 11.10.2026 — позже даты приказа 10.10.2026.",
    );
    expect(refusal("Тарасов Игорь", day("2026-10-10"), day("2026-10-10"))).toBeNull();
    expect(refusal("Тарасов Игорь", day("2026-09-07"), day("2026-10-10"))).toBeNull();
  });
  it("reads in English for an English reader, the name as written", () => {
    const text = refusal("Тарасов Игорь", null, day("2026-10-10"), "en")!;
    expect(text.startsWith("Тарасов Игорь: ")).toBe(true);
    expect(text.slice("Тарасов Игорь: ".length)).not.toMatch(/[а-яё]/i);
  });
});
