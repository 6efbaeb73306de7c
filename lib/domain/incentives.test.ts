import { describe, expect, it } from "vitest";
import { formatRubles, overlappingPayment, pairActiveIn, paymentRefusal, periodProblem, periodsOverlap, type IncentiveOrderProblem, type OrderPayment } from "./incentives";
import { actCitation, incentiveOrderRows, periodText } from "../incentives/order-document";
import { translator } from "../i18n/translator";
import { day as d } from "../../tests/setup/dates";

const period = (from: string, to: string) => ({ from: d(from), to: d(to) });
const pair = (status: string, startsOn: string | null, closedAt: string | null = null) => ({ status, startsOn: startsOn ? d(startsOn) : null, endsOn: null, closedAt: closedAt ? new Date(`${closedAt}T15:00:00Z`) : null });
const teacher = { kind: "TEACHER" };

describe("the period of a payment", () => {
  it("ends no earlier than it starts and lasts at most a year", () => {
    expect(periodProblem(period("2026-09-01", "2026-09-30"))).toBeNull();
    expect(periodProblem(period("2026-09-01", "2026-09-01"))).toBeNull();
    expect(periodProblem(period("2026-09-30", "2026-09-01"))).toBe("periodReversed");
    expect(periodProblem(period("2026-09-01", "2027-08-31"))).toBeNull(); // 365 days
    expect(periodProblem(period("2027-09-01", "2028-08-31"))).toBeNull(); // 366 days (a leap February)
    expect(periodProblem(period("2026-09-01", "2027-09-02"))).toBe("periodTooLong");
  });

  it("overlaps another when they share a day, both ends included", () => {
    expect(periodsOverlap(period("2026-09-01", "2026-09-30"), period("2026-09-30", "2026-10-31"))).toBe(true);
    expect(periodsOverlap(period("2026-09-01", "2026-09-30"), period("2026-10-01", "2026-10-31"))).toBe(false);
    expect(periodsOverlap(period("2026-10-01", "2026-10-31"), period("2026-09-01", "2026-12-31"))).toBe(true);
    const others = [{ periodFrom: d("2026-09-01"), periodTo: d("2026-09-30") }, { periodFrom: d("2026-11-01"), periodTo: d("2026-11-30") }];
    expect(overlappingPayment(others, period("2026-10-01", "2026-10-31"))).toBeNull();
    expect(overlappingPayment(others, period("2026-10-15", "2026-11-15"))).toBe(others[1]);
  });
});

describe("who may be paid", () => {
  it("a pair works in the period from its order's start until it closes; proposals and rejections never", () => {
    const autumn = period("2026-09-01", "2026-11-30");
    expect(pairActiveIn(pair("ACTIVE", "2026-10-01"), autumn)).toBe(true);
    expect(pairActiveIn(pair("APPROVED", "2026-11-30"), autumn)).toBe(true);
    expect(pairActiveIn(pair("ACTIVE", "2026-12-01"), autumn)).toBe(false);
    expect(pairActiveIn(pair("PROPOSED", "2026-10-01"), autumn)).toBe(false);
    expect(pairActiveIn(pair("REJECTED", "2026-10-01"), autumn)).toBe(false);
    expect(pairActiveIn(pair("ACTIVE", null), autumn)).toBe(false);
    expect(pairActiveIn(pair("DISSOLVED", "2026-05-01", "2026-09-01"), autumn)).toBe(true);
    expect(pairActiveIn(pair("COMPLETED", "2026-01-10", "2026-08-31"), autumn)).toBe(false);
  });

  it("only an approved mentor on the staff with a pair working in the period", () => {
    const autumn = period("2026-09-01", "2026-11-30");
    const working = [pair("ACTIVE", "2026-10-01")];
    expect(paymentRefusal({ status: "APPROVED", person: teacher, pairs: working }, autumn)).toBeNull();
    expect(paymentRefusal({ status: "TRAINED", person: teacher, pairs: working }, autumn)).toBe("incentiveMentorNotApproved");
    expect(paymentRefusal({ status: "LEFT", person: teacher, pairs: working }, autumn)).toBe("incentiveMentorNotApproved");
    expect(paymentRefusal({ status: "APPROVED", person: { kind: "STUDENT" }, pairs: working }, autumn)).toBe("incentiveNotEmployee");
    expect(paymentRefusal({ status: "APPROVED", person: { kind: "EXTERNAL" }, pairs: working }, autumn)).toBe("incentiveNotEmployee");
    expect(paymentRefusal({ status: "APPROVED", person: teacher, pairs: [] }, autumn)).toBe("incentiveNoActivePair");
    expect(paymentRefusal({ status: "APPROVED", person: teacher, pairs: [pair("PROPOSED", null)] }, autumn)).toBe("incentiveNoActivePair");
  });
});

describe("the order's rows", () => {
  const act = { title: "Положение о стимулирующих выплатах", number: "75-од", date: d("2026-08-28"), status: "APPROVED" as const };
  const payment = (lastName: string, amount: number, basisAct: OrderPayment["basisAct"] = act): OrderPayment => ({
    mentor: { lastName, firstName: "Анна", middleName: "Петровна", position: "Учитель математики" },
    periodFrom: d("2026-09-01"),
    periodTo: d("2026-12-31"),
    amount,
    basisAct,
  });

  it("list mentor, position, period, amount and the basis act, with the total", () => {
    const built = incentiveOrderRows([payment("Мельникова", 15000), payment("Тарасова", 1200)]);
    expect(built).toEqual({
      ok: true,
      rows: [
        ["1", "Мельникова Анна Петровна", "Учитель математики", "с 01.09.2026 по 31.12.2026", "15\u00a0000", "Положение о стимулирующих выплатах (от 28.08.2026 № 75-од)"],
        ["2", "Тарасова Анна Петровна", "Учитель математики", "с 01.09.2026 по 31.12.2026", "1\u00a0200", "Положение о стимулирующих выплатах (от 28.08.2026 № 75-од)"],
      ],
      total: 16200,
      acts: [act],
    });
    expect(actCitation(act)).toBe("локальным нормативным актом «Положение о стимулирующих выплатах» (от 28.08.2026 № 75-од)");
    expect(formatRubles(500000)).toBe("500\u00a0000");
    expect(periodText(period("2026-09-01", "2026-09-30"))).toBe("с 01.09.2026 по 30.09.2026");
  });

  // What is missing, worded as the page words it for a reader of that language.
  const missing = (built: ReturnType<typeof incentiveOrderRows>, locale: "ru" | "en" = "ru") => {
    const t = translator(locale);
    return built.ok ? [] : built.missing.map((p: IncentiveOrderProblem) => t(`errors.${p.key}`, p.values));
  };

  it("are refused with what is missing: no payments, a basis act gone or not approved", () => {
    expect(missing(incentiveOrderRows([]))).toEqual(["утверждённые руководителем выплаты за этот период (их нет)"]);
    const refused = incentiveOrderRows([payment("Мельникова", 100, null), payment("Тарасова", 100, { ...act, status: "REGISTERED" }), payment("Иванова", 100, { ...act, status: "REGISTERED" }), payment("Иванова", 200, { ...act, status: "REGISTERED" })]);
    expect(refused.ok).toBe(false);
    expect(missing(refused)).toEqual(
      [
        "основание выплаты (локальный акт удалён из реестра): Мельникова Анна Петровна",
        "утверждение руководителем локального акта «Положение о стимулирующих выплатах» (основание выплаты: Тарасова Анна Петровна)",
        "утверждение руководителем локального акта «Положение о стимулирующих выплатах» (основание выплаты: Иванова Анна Петровна)",
      ],
    );
    expect(missing(refused, "en")).toEqual([
      "the payment's basis (the local act was deleted from the register): Мельникова Анна Петровна",
      "the head's approval of the local act «Положение о стимулирующих выплатах» (the basis of the payment to Тарасова Анна Петровна)",
      "the head's approval of the local act «Положение о стимулирующих выплатах» (the basis of the payment to Иванова Анна Петровна)",
    ]);
  });
});
