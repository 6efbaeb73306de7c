import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRegistrySheet } from "./read";
import { REGISTRY_COLUMNS } from "./schemas";
import { registryTemplate, templateKinds } from "./template";

describe("the list template", () => {
  it("has the registry's exact headers, a «Вид» dropdown of the kinds the office may hold, and reads back as an empty list", async () => {
    const file = await registryTemplate("MUNICIPALITY");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as never);
    const ws = wb.getWorksheet("Организации")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Полное наименование", "Краткое наименование", "Вид", "Населённый пункт", "Адрес", "ИНН", "ОГРН", "Должность руководителя", "ФИО руководителя", "E-mail руководителя",
    ]);
    expect(REGISTRY_COLUMNS).toHaveLength(10);
    const validation = ws.getCell("C2").dataValidation;
    expect(validation).toMatchObject({ type: "list", formulae: ['"школа,детский сад,колледж,дополнительное образование"'] });
    expect(ws.getCell("C3001").dataValidation).toMatchObject({ type: "list" });
    expect(await readRegistrySheet(file.bytes, file.fileName)).toMatchObject({ ok: true, sheet: { headerRow: 1, rows: [] } });
  });

  it("offers regions and municipalities at the top level, municipalities and schools under a region", () => {
    expect(templateKinds(null)).toEqual(["REGION", "MUNICIPALITY"]);
    expect(templateKinds("REGION")).toEqual(["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY", "MUNICIPALITY"]);
  });
});
