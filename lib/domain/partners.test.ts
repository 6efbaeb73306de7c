import { describe, expect, it } from "vitest";
import { agreementDateRefusal, partnerMentorsShare, parseInn, shareOf } from "./partners";

describe("parseInn", () => {
  it("accepts real 10-digit (organization) and 12-digit (entrepreneur) numbers", () => {
    expect(parseInn("7707083893")).toEqual({ ok: true, inn: "7707083893" }); // ПАО Сбербанк
    expect(parseInn("7736207543")).toEqual({ ok: true, inn: "7736207543" }); // ООО «Яндекс»
    expect(parseInn("500100732259")).toEqual({ ok: true, inn: "500100732259" });
    expect(parseInn(" 7707 083893 ")).toEqual({ ok: true, inn: "7707083893" });
  });
  it("refuses a wrong control digit", () => {
    expect(parseInn("7707083894")).toEqual({ ok: false, key: "innChecksum" });
    expect(parseInn("500100732258")).toEqual({ ok: false, key: "innChecksum" });
    expect(parseInn("500100732269")).toEqual({ ok: false, key: "innChecksum" });
  });
  it("refuses other lengths and non-digits", () => {
    for (const bad of ["", "123", "77070838930", "770708389a", "7707083893000"]) expect(parseInn(bad)).toEqual({ ok: false, key: "innFormat" });
  });
  it("a control digit of 10 is written as 0", () => {
    // 0000000000 → sum 0 → 0; a number whose weighted sum mod 11 is 10 has control digit 0
    expect(parseInn("0000000000")).toEqual({ ok: true, inn: "0000000000" });
  });
});

describe("agreementDateRefusal", () => {
  const today = new Date(Date.UTC(2026, 11, 7));
  it("allows today and the past, refuses tomorrow, allows no date", () => {
    expect(agreementDateRefusal(today, today)).toBeNull();
    expect(agreementDateRefusal(new Date(Date.UTC(2025, 0, 1)), today)).toBeNull();
    expect(agreementDateRefusal(new Date(Date.UTC(2026, 11, 8)), today)).toBe("partnerAgreementFuture");
    expect(agreementDateRefusal(null, today)).toBeNull();
  });
});

describe("partnerMentorsShare", () => {
  it("counts partners with at least one active mentor, once each", () => {
    const share = partnerMentorsShare(
      ["a", "b", "c", "d"],
      [
        { partnerId: "a", active: true, mentorStatus: "APPROVED" },
        { partnerId: "a", active: true, mentorStatus: "CANDIDATE" },
        { partnerId: "b", active: false, mentorStatus: "APPROVED" },
        { partnerId: "c", active: true, mentorStatus: "LEFT" },
        { partnerId: "d", active: true, mentorStatus: null },
        { partnerId: "x", active: true, mentorStatus: "APPROVED" },
        { partnerId: null, active: true, mentorStatus: "APPROVED" },
      ],
    );
    expect(share).toEqual({ partners: 4, providing: 1, share: 25 });
  });
  it("no partners: no share", () => {
    expect(partnerMentorsShare([], [])).toEqual({ partners: 0, providing: 0, share: null });
  });
  it("rounds to one decimal", () => {
    expect(shareOf(3, 1)).toEqual({ partners: 3, providing: 1, share: 33.3 });
    expect(shareOf(3, 2).share).toBe(66.7);
  });
});
