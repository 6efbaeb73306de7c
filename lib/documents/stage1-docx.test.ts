import { paragraphs } from "./docx-paragraphs.fixture";
import { describe, expect, it } from "vitest";
import { DEFAULT_REGULATION } from "../domain/regulation-template";
import { buildPackDocument, type PackAct, type PackData } from "../programs/stage1-documents";
import { renderOrderDocx } from "./order-docx";
import { convertWithLibreOffice, libreOffice } from "./pdf";
import { renderRegulationDocx } from "./regulation-docx";
import { kindergarten } from "./kindergarten-requisites.fixture";
import { dayOf as day } from "../../tests/setup/dates";

// The stage-1 pack of a kindergarten (issue #15 items 1, 3, 4, 7): the three documents carry the
// kindergarten's requisites and «Заведующий», cite the teachers' basis, show the agreement chain; each
// opens in LibreOffice (read back as text) and prints to PDF when LibreOffice is installed.


const act = (kind: string, number: string | null, date: Date | null, extra: Partial<PackAct> = {}): PackAct => ({
  id: kind,
  kind,
  number,
  date,
  title: kind,
  status: "REGISTERED",
  approvedAt: null,
  fileName: null,
  fileSize: null,
  agreedBy: null,
  agreedProtocol: null,
  agreedDate: null,
  adoptedBy: null,
  adoptedProtocol: null,
  adoptedDate: null,
  ...extra,
});

const data: PackData = {
  program: { id: "p", academicYear: 2026, audience: "TEACHERS", status: "ACTIVE", regulationText: null, workingGroup: "Ткаченко Н.С., старший воспитатель\nПетрова А.А., педагог-психолог", curatorName: "Ткаченко Наталья Сергеевна", coordinatorName: null },
  requisites: kindergarten,
  acts: {
    MODEL_INTRODUCTION: act("MODEL_INTRODUCTION", "15-од", day(2026, 9, 1)),
    REGULATION: act("REGULATION", "15-од", day(2026, 9, 1), { agreedBy: "PARENTS_COUNCIL", agreedProtocol: "1", agreedDate: day(2026, 8, 27), adoptedBy: "PEDAGOGICAL_COUNCIL", adoptedProtocol: "2", adoptedDate: day(2026, 8, 28) }),
    CURATOR_APPOINTMENT: act("CURATOR_APPOINTMENT", "16-од", day(2026, 9, 1)),
  },
};


async function render(kind: "MODEL_INTRODUCTION" | "REGULATION" | "CURATOR_APPOINTMENT", input = data): Promise<Buffer> {
  const built = buildPackDocument(input, kind);
  if (!built.ok) throw new Error(`missing: ${built.missing.map((m) => m.field).join()}`);
  return built.kind === "order" ? renderOrderDocx(built.doc) : renderRegulationDocx(built.doc);
}

function expectHead(texts: string[]) {
  // (a kindergarten's head: the tests below that change the kind do not call this)
  const at = texts.indexOf(kindergarten.name);
  expect(at, texts.join("\n")).toBeGreaterThanOrEqual(0);
  expect(texts[at + 2]).toBe("ИНН 2699016891, ОГРН 1032699768463");
  expect(texts).toContain("с. Левокумское");
}

describe("the stage-1 pack of a kindergarten", () => {
  it("the introduction order: requisites, the teachers' basis, approves the Положение (with its chain) and the roadmap, appoints the curator, names the working group, signed «Заведующий»", async () => {
    const texts = paragraphs(await render("MODEL_INTRODUCTION"));
    expectHead(texts);
    const all = texts.join("\n");
    expect(texts).toContain("ПРИКАЗ");
    expect(texts).toContain("01.09.2026№ 15-од"); // date and number on one line (a tab between)
    expect(texts).toContain("О внедрении целевой модели наставничества в МБДОУ «Детский сад № 3 «Родничок»");
    expect(all).toContain("методическими рекомендациями по разработке и внедрению системы (целевой модели) наставничества педагогических работников");
    expect(all).toContain("АЗ-1128/08");
    expect(all).not.toContain("Р-145");
    expect(all).toContain("2. Утвердить Положение о наставничестве в МБДОУ «Детский сад № 3 «Родничок», принятое на педагогическом совете (протокол от 28.08.2026 № 2), согласованное советом родителей (протокол от 27.08.2026 № 1) (приложение 1).");
    expect(all).toContain("3. Утвердить дорожную карту (план мероприятий) реализации целевой модели наставничества в МБДОУ «Детский сад № 3 «Родничок» на 2026/2027 учебный год (приложение 2).");
    expect(all).toContain("4. Назначить куратором внедрения целевой модели наставничества Н.С. Ткаченко.");
    expect(all).toContain("в составе: Ткаченко Н.С., старший воспитатель, Петрова А.А., педагог-психолог.");
    expect(texts).toContain("Заведующий");
    expect(texts).toContain("С.В. Гончарова");
    expect(all).not.toMatch(/Директор/);
  });

  it("the Положение: СОГЛАСОВАНО / ПРИНЯТО / УТВЕРЖДЕНО приказом заведующего, preschool forms, filled placeholders", async () => {
    const texts = paragraphs(await render("REGULATION"));
    expectHead(texts);
    const all = texts.join("\n");
    for (const line of [
      "СОГЛАСОВАНО",
      "советом родителей",
      "(протокол от 27.08.2026 № 1)",
      "ПРИНЯТО",
      "на педагогическом совете",
      "(протокол от 28.08.2026 № 2)",
      "УТВЕРЖДЕНО",
      "приказом заведующего МБДОУ «Детский сад № 3 «Родничок»",
      "от 01.09.2026 № 15-од",
      "ПОЛОЖЕНИЕ",
      "о наставничестве в МБДОУ «Детский сад № 3 «Родничок»",
      "1. Общие положения",
    ]) {
      expect(texts, line).toContain(line);
    }
    expect(all).toContain("«воспитатель – воспитатель», «педагог – воспитатель»");
    expect(all).toContain("Руководитель организации (заведующий С.В. Гончарова)");
    expect(all).toContain("Куратор (Н.С. Ткаченко)");
    expect(all).not.toMatch(/\{[^}]*\}/);
    expect(all).not.toContain("Р-145");
    expect(all).not.toContain("«учитель – учитель»");
  });

  it("the curator order: its own number, signed «Заведующий»", async () => {
    const texts = paragraphs(await render("CURATOR_APPOINTMENT"));
    expectHead(texts);
    expect(texts).toContain("01.09.2026№ 16-од");
    expect(texts).toContain("О назначении куратора программы наставничества");
    expect(texts.join("\n")).toContain("1. Назначить куратором программы наставничества в МБДОУ «Детский сад № 3 «Родничок» на 2026/2027 учебный год Н.С. Ткаченко.");
    expect(texts).toContain("Заведующий");
  });

  it("a school's students' program cites Р-145; a Положение without a chain shows УТВЕРЖДЕНО alone with blanks", async () => {
    const students: PackData = { ...data, requisites: { ...kindergarten, schoolKind: "GENERAL", name: "МБОУ «СОШ № 20»", shortName: null }, program: { ...data.program, audience: "STUDENTS" }, acts: { MODEL_INTRODUCTION: null, REGULATION: null, CURATOR_APPOINTMENT: null } };
    const order = paragraphs(await render("MODEL_INTRODUCTION", students)).join("\n");
    expect(order).toContain("№ Р-145");
    expect(order).not.toContain("АЗ-1128/08");
    expect(order).toContain("Директор");
    const regulation = paragraphs(await render("REGULATION", students));
    expect(regulation).toContain("УТВЕРЖДЕНО");
    expect(regulation).toContain("от __.__.20__ № ____");
    expect(regulation).not.toContain("СОГЛАСОВАНО");
  });

  it("refuses to print with a missing requisite: names the fields instead (the head's name, a placeholder's address)", () => {
    const noHead: PackData = { ...data, requisites: { ...kindergarten, headName: null, address: null }, program: { ...data.program, regulationText: `${DEFAULT_REGULATION}\nАдрес: {адрес}.` } };
    for (const kind of ["MODEL_INTRODUCTION", "REGULATION", "CURATOR_APPOINTMENT"] as const) {
      expect(buildPackDocument(noHead, kind)).toEqual({ ok: false, missing: [{ field: "headName", where: "profile" }, { field: "address", where: "profile" }] });
    }
  });
});

// LibreOffice (installed here and in CI; absent — the parse-back above is what is checked) opens each
// document: read back as text, and printed to PDF.
describe("LibreOffice opens the pack", () => {
  it("reads each document back with the kindergarten's requisites and «Заведующий», and prints it to PDF", { timeout: 300_000 }, async () => {
    if (!libreOffice()) return;
    for (const kind of ["MODEL_INTRODUCTION", "REGULATION", "CURATOR_APPOINTMENT"] as const) {
      const docx = await render(kind);
      const text = (await convertWithLibreOffice(docx, "document.docx", "txt:Text"))?.toString("utf8") ?? "";
      expect(text, kind).toContain(kindergarten.name);
      expect(text, kind).toContain("ИНН 2699016891, ОГРН 1032699768463");
      expect(text, kind).toMatch(kind === "REGULATION" ? /приказом заведующего/ : /Заведующий/);
      const pdf = await convertWithLibreOffice(docx, "document.docx", "pdf");
      expect(pdf?.subarray(0, 5).toString("latin1"), kind).toBe("%PDF-");
      expect(pdf!.length).toBeGreaterThan(5000);
    }
  });
});
