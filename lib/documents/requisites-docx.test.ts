import { paragraphs } from "./docx-paragraphs.fixture";
import { describe, expect, it } from "vitest";
import { assessDistrict } from "../domain/monitoring";
import { approverPosition, documentAuthor, headSignatory } from "../domain/organization-profile";
import { buildReport, toDocxDocument } from "../monitoring/report";
import { renderAnalyticalReportDocx } from "./analytical-report-docx";
import { renderOrderDocx } from "./order-docx";
import { renderPersonalDataDocx } from "./personal-data-docx";
import { renderRoadmapDocx } from "./roadmap-docx";
import { kindergarten } from "./kindergarten-requisites.fixture";

// The organization's profile in the documents (issue #13 item 3): the head carries the full name and the
// reference data, the signature the profile's position and head — a kindergarten's «Заведующий».



/** The head of every document: the full name, then the reference data lines, in this order. */
function expectHead(texts: string[]) {
  const at = texts.indexOf(kindergarten.name);
  expect(at, texts.join("\n")).toBeGreaterThanOrEqual(0);
  expect(texts[at + 1]).toBe("357960, Ставропольский край, с. Левокумское, ул. Гагарина, д. 15; тел. 8 (86543) 3-33-03, e-mail: ds3@levokumsky.demo");
  expect(texts[at + 2]).toBe("ИНН 2699016891, ОГРН 1032699768463");
  expect(texts).toContain("с. Левокумское"); // the place of compilation
}

const order = {
  ...documentAuthor(kindergarten),
  number: "15-од",
  date: new Date(Date.UTC(2026, 8, 2)),
  title: "Об утверждении дорожной карты реализации программы наставничества на 2026/2027 учебный год",
  preamble: "В соответствии с распоряжением Минпросвещения России от 25.12.2019 № Р-145",
  items: ["Утвердить дорожную карту."],
  signatory: headSignatory(kindergarten, "Иванова Анна Сергеевна"),
  acquainted: [],
};

describe("documents read the organization's profile", () => {
  it("the roadmap order of a kindergarten: full name and requisites in the head, signed by «Заведующий» С.В. Гончарова", async () => {
    const texts = paragraphs(await renderOrderDocx(order));
    expectHead(texts);
    expect(texts).toContain("Заведующий");
    expect(texts).toContain("С.В. Гончарова");
    expect(texts.join("\n")).not.toMatch(/Директор|А\.С\. Иванова/);
  });

  it("a school whose profile names no head: «Директор» and the approving user's name, as before profiles", async () => {
    const school = { ...kindergarten, schoolKind: "GENERAL" as const, headName: null };
    const texts = paragraphs(await renderOrderDocx({ ...order, signatory: headSignatory(school, "Иванова Анна Сергеевна") }));
    expect(texts).toContain("Директор");
    expect(texts).toContain("А.С. Иванова");
  });

  it("the roadmap: requisites in the head, «УТВЕРЖДАЮ» by the kindergarten's head", async () => {
    const texts = paragraphs(
      await renderRoadmapDocx({
        ...documentAuthor(kindergarten),
        title: "Дорожная карта (план мероприятий) реализации программы наставничества в МБДОУ «Детский сад № 3 «Родничок» на 2026/2027 учебный год",
        academicYear: "2026/2027",
        approval: { approver: { position: approverPosition(kindergarten), initialsAndSurname: headSignatory(kindergarten).initialsAndSurname }, date: null },
        stages: [{ number: 1, title: "Подготовка условий", activities: [{ number: "1.1", title: "Приказ", due: "сентябрь", responsible: "Заведующий" }] }],
      }),
    );
    expectHead(texts);
    expect(texts).toContain("Заведующий МБДОУ «Детский сад № 3 «Родничок»");
    expect(texts.some((t) => t.includes("С.В. Гончарова"))).toBe(true);
  });

  it("the analytical report of a kindergarten: requisites in the head, signed by «Заведующий»", async () => {
    const today = new Date(Date.UTC(2027, 4, 20));
    const { schools, summary } = assessDistrict([], { year: 2026, today });
    const model = buildReport({ organization: { ...kindergarten, slug: "ds-rodnichok" }, year: 2026, today, schools, summary, head: "Иванова Анна Сергеевна", executor: null });
    expect(model.signatory).toEqual({ position: "Заведующий", initialsAndSurname: "С.В. Гончарова" });
    const texts = paragraphs(await renderAnalyticalReportDocx(toDocxDocument(model)));
    expectHead(texts);
    expect(texts).toContain("Заведующий");
  });

  it("the personal-data statement carries the organization's requisites too", async () => {
    const { organizationName, requisites } = documentAuthor(kindergarten);
    const texts = paragraphs(await renderPersonalDataDocx({ organizationName, requisites, personName: "Петрова Мария Ивановна", generatedAt: new Date(Date.UTC(2026, 9, 1)), sections: [] }));
    expect(texts).toContain(kindergarten.name);
    expect(texts).toContain("ИНН 2699016891, ОГРН 1032699768463");
  });
});
