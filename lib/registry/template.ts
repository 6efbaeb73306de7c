// The list template offered on the municipality's page: the registry's columns, a «Вид» dropdown, an example row.
import "server-only";
import type ExcelJS from "exceljs";
import { newWorkbook, styleHeader, workbookBytes, type XlsxFile } from "../xlsx/workbook";
import { MAX_REGISTRY_ROWS, REGISTRY_COLUMNS, REGISTRY_KIND_WORD, type RegistryKindKey } from "./schemas";

const WIDTHS = [60, 24, 26, 22, 50, 14, 17, 26, 32, 30];

/** The kinds a parent of this kind may list (a region: municipalities and regional schools; top level: regions and municipalities). */
export function templateKinds(parentKind: "REGION" | "MUNICIPALITY" | null): RegistryKindKey[] {
  const schools: RegistryKindKey[] = ["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"];
  if (parentKind === "MUNICIPALITY") return schools;
  if (parentKind === "REGION") return [...schools, "MUNICIPALITY"];
  return ["REGION", "MUNICIPALITY"];
}

export async function registryTemplate(parentKind: "REGION" | "MUNICIPALITY" | null): Promise<XlsxFile> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("Организации", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = REGISTRY_COLUMNS.map(([key, header], i) => ({ key, header, width: WIDTHS[i] }));
  styleHeader(ws.getRow(1));
  // ИНН and ОГРН as text: Excel would otherwise drop a leading zero and show «2,61E+09».
  for (const key of ["inn", "ogrn"]) ws.getColumn(key).numFmt = "@";
  const words = templateKinds(parentKind).map((k) => REGISTRY_KIND_WORD[k]);
  const kindColumn = REGISTRY_COLUMNS.findIndex(([key]) => key === "kind") + 1;
  const letter = String.fromCharCode(64 + kindColumn);
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${MAX_REGISTRY_ROWS + 1}`, {
    type: "list",
    allowBlank: false,
    formulae: [`"${words.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "Вид организации",
    error: `Выберите из списка: ${words.join(", ")}`,
  });
  const hints = wb.addWorksheet("Как заполнять");
  hints.columns = [{ width: 28 }, { width: 100 }];
  hints.addRows([
    ["Столбец", "Что писать"],
    ["Полное наименование", "Обязательно. Как в уставе: «Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1»»"],
    ["Краткое наименование", "Например, «МБОУ СОШ № 1». Из него составляется адрес страницы организации"],
    ["Вид", `Обязательно, из списка: ${words.join(", ")}`],
    ["ИНН", "10 цифр, проверяется контрольная цифра. Необязательно; две организации с одним ИНН не создаются"],
    ["ОГРН", "13 цифр, проверяется контрольная цифра. Необязательно"],
    ["Должность руководителя", "Если пусто: «Директор», у детского сада — «Заведующий»"],
    ["E-mail руководителя", "Если указан, руководителю будет отправлено приглашение"],
    ["", "Формулы не принимаются: вставьте значения. Строка заголовков должна остаться как есть."],
  ]);
  styleHeader(hints.getRow(1));
  const bytes = await workbookBytes(wb);
  return { bytes, asciiName: "organizations-template.xlsx", fileName: "Шаблон списка организаций.xlsx", rows: 0 };
}
