import { paragraphs } from "./docx-paragraphs.fixture";
import { describe, expect, it } from "vitest";
import type { OrderPayment } from "../domain/incentives";
import { buildIncentiveOrder } from "../incentives/order-document";
import { translator } from "../i18n/translator";
import { kindergarten } from "./kindergarten-requisites.fixture";
import { renderOrderDocx } from "./order-docx";
import { convertWithLibreOffice, libreOffice } from "./pdf";
import { dayOf as day } from "../../tests/setup/dates";

// The order «О выплатах стимулирующего характера наставникам» (issue #15 item 2, decision 025), read back
// from the .docx: the kindergarten's requisites and «Заведующий», the basis (the teachers' recommendations,
// ст. 135 ТК РФ, the school's incentive regulation), each mentor with position, period, amount and act.

const regulation = { title: "Положение о стимулирующих выплатах работникам", number: "12-од", date: day(2026, 8, 28), status: "APPROVED" as const };
const payments: OrderPayment[] = [
  { mentor: { lastName: "Иванова", firstName: "Мария", middleName: "Сергеевна", position: "Воспитатель" }, periodFrom: day(2026, 9, 1), periodTo: day(2026, 12, 31), amount: 12000, basisAct: regulation },
  { mentor: { lastName: "Петрова", firstName: "Ольга", middleName: null, position: "Старший воспитатель" }, periodFrom: day(2026, 10, 1), periodTo: day(2026, 12, 31), amount: 4500, basisAct: regulation },
];
const program = { title: "Наставничество воспитателей 2026/2027", curatorName: "Ткаченко Наталья Сергеевна" };


async function render(input = payments) {
  const built = buildIncentiveOrder(kindergarten, input, program);
  if (!built.ok) throw new Error(`missing: ${built.missing.join("; ")}`);
  return renderOrderDocx(built.document);
}

describe("the incentive payments order", () => {
  it("carries the requisites, the basis, the payments and «Заведующий»", async () => {
    const texts = paragraphs(await render());
    const all = texts.join("\n");
    expect(texts).toContain("ПРИКАЗ");
    expect(texts).toContain("О выплатах стимулирующего характера наставникам");
    expect(all).toContain(kindergarten.name);
    expect(all).toContain("ИНН 2699016891, ОГРН 1032699768463");
    // The basis: the law, the teachers' recommendations (a kindergarten's mentors are educators), ст. 135 ТК РФ, the school's act.
    expect(all).toContain("Федеральным законом от 29.12.2012 № 273-ФЗ");
    expect(all).toContain("АЗ-1128/08");
    expect(all).not.toContain("Р-145");
    expect(all).toContain("статьёй 135 Трудового кодекса Российской Федерации, локальным нормативным актом «Положение о стимулирующих выплатах работникам» (от 28.08.2026 № 12-од)");
    expect(all).toContain("в общей сумме 16 500 руб.");
    // The appendix: a row per payment — mentor, position, period, amount, basis act.
    expect(texts).toContain("Выплаты стимулирующего характера наставникам");
    for (const cell of ["Иванова Мария Сергеевна", "Воспитатель", "с 01.09.2026 по 31.12.2026", "12 000", "Петрова Ольга", "с 01.10.2026 по 31.12.2026", "4 500", "Положение о стимулирующих выплатах работникам (от 28.08.2026 № 12-од)"]) {
      expect(texts, cell).toContain(cell);
    }
    expect(texts).toContain("Заведующий");
    expect(all).not.toContain("Директор");
    expect(all).toContain("С приказом ознакомлены:");
  });

  it("is refused while the basis act is not approved or gone, naming it", () => {
    // What is missing, as the order's page says it to a Russian reader.
    const missing = (built: ReturnType<typeof buildIncentiveOrder>) => (built.ok ? [] : built.missing.map((p) => translator("ru")(`errors.${p.key}`, p.values)));
    const notApproved = buildIncentiveOrder(kindergarten, [{ ...payments[0]!, basisAct: { ...regulation, status: "REGISTERED" } }], program);
    expect(notApproved.ok).toBe(false);
    expect(missing(notApproved)).toEqual(["утверждение руководителем локального акта «Положение о стимулирующих выплатах работникам» (основание выплаты: Иванова Мария Сергеевна)"]);
    const gone = buildIncentiveOrder(kindergarten, [{ ...payments[0]!, basisAct: null }], program);
    expect(gone.ok).toBe(false);
    expect(missing(gone)).toEqual(["основание выплаты (локальный акт удалён из реестра): Иванова Мария Сергеевна"]);
  });

  it("a school signs «Директор»", async () => {
    const built = buildIncentiveOrder({ ...kindergarten, schoolKind: "GENERAL", name: "МБОУ «СОШ № 20»", shortName: null, headName: "Смирнова Елена Петровна" }, payments, program);
    if (!built.ok) throw new Error("refused");
    expect(paragraphs(await renderOrderDocx(built.document))).toContain("Директор");
  });
});

// LibreOffice (installed here and in CI) opens the order: read back as text and printed to PDF.
describe("LibreOffice opens the incentive payments order", () => {
  it("reads it back with the payments and «Заведующий», and prints it to PDF", { timeout: 120_000 }, async () => {
    if (!libreOffice()) return;
    const docx = await render();
    const text = (await convertWithLibreOffice(docx, "order.docx", "txt:Text"))?.toString("utf8") ?? "";
    expect(text).toContain("О выплатах стимулирующего характера наставникам");
    expect(text).toContain("Иванова Мария Сергеевна");
    expect(text).toMatch(/Заведующий/);
    const pdf = await convertWithLibreOffice(docx, "order.docx", "pdf");
    expect(pdf?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
