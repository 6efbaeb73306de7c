// The list template offered on the municipality's page: the registry's columns, a «Вид» dropdown, an example row.
import "server-only";
import type ExcelJS from "exceljs";
import { russianIn } from "../i18n/russian";
import { newWorkbook, styleHeader, workbookBytes, type XlsxFile } from "../xlsx/workbook";
import { MAX_REGISTRY_ROWS, REGISTRY_COLUMNS, REGISTRY_HEADERS, REGISTRY_KIND_WORD, type RegistryKindKey } from "./schemas";

const WIDTHS = [60, 24, 26, 22, 50, 14, 17, 26, 32, 30];

/** The kinds a parent of this kind may list (a region: municipalities and regional schools; top level: regions and municipalities). */
export function templateKinds(parentKind: "REGION" | "MUNICIPALITY" | null): RegistryKindKey[] {
  const schools: RegistryKindKey[] = ["GENERAL", "KINDERGARTEN", "COLLEGE", "SUPPLEMENTARY"];
  if (parentKind === "MUNICIPALITY") return schools;
  if (parentKind === "REGION") return [...schools, "MUNICIPALITY"];
  return ["REGION", "MUNICIPALITY"];
}

export async function registryTemplate(parentKind: "REGION" | "MUNICIPALITY" | null): Promise<XlsxFile> {
  const t = russianIn("registryTemplate");
  const wb = newWorkbook();
  const ws = wb.addWorksheet(t("listSheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = REGISTRY_COLUMNS.map(([key, header], i) => ({ key, header, width: WIDTHS[i] }));
  styleHeader(ws.getRow(1));
  // ИНН and ОГРН as text: Excel would otherwise drop a leading zero and show «2,61E+09».
  for (const key of ["inn", "ogrn"]) ws.getColumn(key).numFmt = "@";
  const words = templateKinds(parentKind).map((k) => REGISTRY_KIND_WORD[k]);
  const kinds = words.join(", ");
  const kindColumn = REGISTRY_COLUMNS.findIndex(([key]) => key === "kind") + 1;
  const letter = String.fromCharCode(64 + kindColumn);
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${MAX_REGISTRY_ROWS + 1}`, {
    type: "list",
    allowBlank: false,
    formulae: [`"${words.join(",")}"`],
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: t("kindErrorTitle"),
    error: t("kindError", { kinds }),
  });
  const hints = wb.addWorksheet(t("hintsSheet"));
  hints.columns = [{ width: 28 }, { width: 100 }];
  // The first column names the template's columns by their headers.
  hints.addRows([
    [t("hintsColumn"), t("hintsWhat")],
    [REGISTRY_HEADERS.name, t("hints.name")],
    [REGISTRY_HEADERS.shortName, t("hints.shortName")],
    [REGISTRY_HEADERS.kind, t("hints.kind", { kinds })],
    [REGISTRY_HEADERS.inn, t("hints.inn")],
    [REGISTRY_HEADERS.ogrn, t("hints.ogrn")],
    [REGISTRY_HEADERS.headPosition, t("hints.headPosition")],
    [REGISTRY_HEADERS.headEmail, t("hints.headEmail")],
    ["", t("hints.valuesOnly")],
  ]);
  styleHeader(hints.getRow(1));
  const bytes = await workbookBytes(wb);
  return { bytes, asciiName: "organizations-template.xlsx", fileName: t("fileName"), rows: 0 };
}
