import { describe, expect, it } from "vitest";
import { dutiesConsentProblem, dutiesConsentRefusal } from "./mentor-documents";
import { translator } from "../i18n/translator";
import { day } from "../../tests/setup/dates";

describe("dutiesConsentRefusal (approving pairs, ТК РФ ст. 60.2)", () => {
  it("refuses without a recorded consent, naming the mentor and where to record it", () => {
    expect(dutiesConsentRefusal("Мельникова Анна Петровна", null, day("2026-10-10"))).toBe(
      "Мельникова Анна Петровна: не записано письменное согласие наставника на дополнительную работу (ТК РФ ст. 60.2) — запишите его на странице наставника.",
    );
  });
  it("refuses a consent dated after the order, and accepts one of the order's day or earlier", () => {
    expect(dutiesConsentRefusal("Тарасов Игорь", day("2026-10-11"), day("2026-10-10"))).toBe(
      "Тарасов Игорь: письменное согласие наставника на дополнительную работу дано 11.10.2026 — позже даты приказа 10.10.2026.",
    );
    expect(dutiesConsentRefusal("Тарасов Игорь", day("2026-10-10"), day("2026-10-10"))).toBeNull();
    expect(dutiesConsentRefusal("Тарасов Игорь", day("2026-09-07"), day("2026-10-10"))).toBeNull();
  });
});

describe("dutiesConsentProblem", () => {
  it("is worded by the Russian messages as dutiesConsentRefusal words it", () => {
    const ru = translator("ru");
    for (const [at, order] of [[null, day("2026-10-10")], [day("2026-10-11"), day("2026-10-10")]] as const) {
      const problem = dutiesConsentProblem("Тарасов Игорь", at, order);
      expect(ru(`errors.${problem!.key}` as "errors.notFound", problem!.values as never)).toBe(dutiesConsentRefusal("Тарасов Игорь", at, order));
    }
    expect(dutiesConsentProblem("Тарасов Игорь", day("2026-10-10"), day("2026-10-10"))).toBeNull();
  });
});
