import { describe, expect, it } from "vitest";
import type { ConsentRecord } from "./consent";
import { translator } from "../i18n/translator";
import {
  actPublicationProblem,
  applyLowVisionQuery,
  excerpt,
  LOW_VISION_OFF,
  lowVisionHref,
  parseLowVision,
  publicationRefusal,
  safeBackPath,
  serializeLowVision,
} from "./publication";

const at = new Date("2026-11-25T12:00:00Z");
const adult = { birthDate: new Date("1980-05-01T00:00:00Z"), active: true };
const publication: ConsentRecord = { purposes: ["PUBLICATION"], givenBy: "SUBJECT", givenAt: new Date("2026-09-06T00:00:00Z"), separateDocument: true };
const processing: ConsentRecord = { purposes: ["BANK", "PAIRS"], givenBy: "SUBJECT", givenAt: new Date("2026-09-05T00:00:00Z"), separateDocument: true };
const approved = { status: "APPROVED" as const, person: adult };
// The rule returns a message key; the assertions read its Russian sentence.
const ru = translator("ru");
const publicationText = (...args: Parameters<typeof publicationRefusal>) => {
  const problem = publicationRefusal(...args);
  return problem && ru(`errors.${problem.key}` as "errors.notFound", problem.values as never);
};

describe("publicationRefusal: who appears on the public page", () => {
  it("shows an approved, active mentor with a separate publication consent", () => {
    expect(publicationText(approved, [processing, publication], at)).toBeNull();
  });

  it("does not show a mentor whose consents cover only the bank and the pairs", () => {
    expect(publicationText(approved, [processing], at)).toContain("публикация сведений на сайте организации");
  });

  it("does not show a mentor whose publication consent was revoked, or has expired", () => {
    expect(publicationText(approved, [processing, { ...publication, revokedAt: new Date("2026-11-01T00:00:00Z") }], at)).toContain("согласие отозвано 01.11.2026");
    expect(publicationText(approved, [{ ...publication, validUntil: new Date("2026-10-01T00:00:00Z") }], at)).toContain("истёк");
  });

  it("does not accept publication as a clause of the processing consent (art. 10.1)", () => {
    expect(publicationText(approved, [{ ...processing, purposes: ["BANK", "PUBLICATION"] }], at)).toContain("отдельно");
  });

  it("needs a legal representative's consent for a minor", () => {
    const minor = { birthDate: new Date("2011-03-10T00:00:00Z"), active: true };
    expect(publicationText({ status: "APPROVED", person: minor }, [publication], at)).toContain("законный представитель");
    expect(publicationText({ status: "APPROVED", person: minor }, [{ ...publication, givenBy: "REPRESENTATIVE", representativeName: "Иванова Анна Петровна" }], at)).toBeNull();
  });

  it("shows only approved mentors still in active work", () => {
    expect(publicationText({ ...approved, status: "CANDIDATE" }, [publication], at)).toBe("Наставник ещё не утверждён руководителем.");
    expect(publicationText({ ...approved, status: "TRAINED" }, [publication], at)).toBe("Наставник ещё не утверждён руководителем.");
    expect(publicationText({ ...approved, status: "LEFT" }, [publication], at)).toBe("Наставник выбыл из банка.");
    expect(publicationText({ status: "APPROVED", person: { ...adult, active: false } }, [publication], at)).toBe("Человек выведен из активной работы.");
  });
});

describe("actPublicationProblem", () => {
  it("publishes approved acts only, never the order securing the pairs", () => {
    expect(actPublicationProblem({ kind: "REGULATION", status: "APPROVED" })).toBeNull();
    expect(actPublicationProblem({ kind: "REGULATION", status: "REGISTERED" })).toBe("notApproved");
    expect(actPublicationProblem({ kind: "PAIRS_ORDER", status: "APPROVED" })).toBe("pairsOrder");
  });
});

describe("safeBackPath", () => {
  it.each([
    ["/s/sosh-20", "/s/sosh-20"],
    ["/s/sosh-20/", "/s/sosh-20/"],
    ["/s/sosh-20/news/0b5a3c7e-0000-4000-8000-000000000001", "/s/sosh-20/news/0b5a3c7e-0000-4000-8000-000000000001"],
    ["/s/sosh-20?x=1#top", "/s/sosh-20?x=1"],
  ])("keeps %s inside the section", (back, expected) => {
    expect(safeBackPath("sosh-20", back)).toBe(expected);
  });

  it.each([
    [undefined],
    [""],
    ["https://evil.example/s/sosh-20"],
    ["//evil.example/s/sosh-20"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/s/sosh-14"],
    ["/s/sosh-200"],
    ["/s/sosh-20/../../sosh-14"],
    ["/s/sosh-20/%2e%2e/sosh-14"],
    ["/s/sosh-20/low-vision?on=1"],
    ["/sosh-20/people"],
    ["/s/sosh-20\n/x"],
    ["javascript:alert(1)"],
    ["/s/sosh-20/" + "a".repeat(1200)],
  ])("sends %j back to the section's front page", (back) => {
    expect(safeBackPath("sosh-20", back)).toBe("/s/sosh-20");
  });

  it("never builds a path from an invalid slug", () => {
    expect(safeBackPath("../x", "/s/../x")).toBe("/");
  });
});

describe("the low-vision cookie", () => {
  it("reads the usual version from an absent or unknown value", () => {
    expect(parseLowVision(undefined)).toEqual(LOW_VISION_OFF);
    expect(parseLowVision("yes")).toEqual(LOW_VISION_OFF);
    expect(parseLowVision("1.xx.2")).toEqual(LOW_VISION_OFF);
  });

  it("round-trips the settings", () => {
    expect(parseLowVision("1")).toEqual({ on: true, theme: "bw", size: 1 });
    expect(parseLowVision("1.wb.3")).toEqual({ on: true, theme: "wb", size: 3 });
    for (const lv of [{ on: true, theme: "bw", size: 1 }, { on: true, theme: "wb", size: 2 }, { on: true, theme: "bw", size: 3 }] as const) {
      expect(parseLowVision(serializeLowVision(lv))).toEqual(lv);
    }
    expect(serializeLowVision(LOW_VISION_OFF)).toBeNull();
  });

  it("applies the switch's query", () => {
    const on = applyLowVisionQuery(LOW_VISION_OFF, { on: "1" });
    expect(on).toEqual({ on: true, theme: "bw", size: 1 });
    expect(applyLowVisionQuery(on, { size: "3" })).toEqual({ on: true, theme: "bw", size: 3 });
    expect(applyLowVisionQuery({ on: true, theme: "bw", size: 3 }, { theme: "wb" })).toEqual({ on: true, theme: "wb", size: 3 });
    expect(applyLowVisionQuery({ on: true, theme: "wb", size: 3 }, { on: "0" })).toEqual(LOW_VISION_OFF);
    expect(applyLowVisionQuery(LOW_VISION_OFF, { size: "9", theme: "red" })).toEqual(LOW_VISION_OFF);
    expect(applyLowVisionQuery(LOW_VISION_OFF, {})).toEqual(LOW_VISION_OFF);
  });

  it("builds the switch's address", () => {
    expect(lowVisionHref("sosh-20", { on: 1 }, "/s/sosh-20/news/1")).toBe("/s/sosh-20/low-vision?on=1&back=%2Fs%2Fsosh-20%2Fnews%2F1");
    expect(lowVisionHref("sosh-20", { size: 2 }, "/s/sosh-20")).toBe("/s/sosh-20/low-vision?size=2&back=%2Fs%2Fsosh-20");
  });
});

describe("excerpt", () => {
  it("keeps short texts and cuts long ones at a word", () => {
    expect(excerpt("  Короткий   текст ")).toBe("Короткий текст");
    const long = "Слово ".repeat(100);
    const cut = excerpt(long, 50);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut.endsWith("Слово…")).toBe(true);
  });
});
