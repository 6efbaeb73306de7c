import "server-only";
import ExcelJS from "exceljs";
import { now } from "../clock";
import { russianIn } from "../i18n/russian";

// The one .xlsx builder (issue #18 item 2): every export, report and template the app offers is written
// here — the same header (bold, shaded, frozen, with filters), the same column widths and date format.

export type XlsxValue = string | number | Date | null;
export type XlsxColumn = { header: string; width: number; date?: boolean };
export type XlsxFile = { bytes: Uint8Array; fileName: string; asciiName: string; rows: number };
/** One worksheet: a header row from the columns, then the rows. */
export type XlsxSheet = { name: string; columns: XlsxColumn[]; rows: XlsxValue[][] };

const say = russianIn("workbook");

const SHEET_NAME = /[\\/?*[\]:]/g;

/** An empty workbook signed by the app. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = say("creator");
  workbook.created = now();
  return workbook;
}

/** The header row's look, shared by every sheet: bold, shaded, a thin line below, wrapped. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2E8F0" } };
    cell.border = { bottom: { style: "thin", color: { argb: "FF64748B" } } };
  });
}

/** A sheet name Excel accepts (no \ / ? * [ ] :, at most 31 characters) and not yet used in this workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  let name = wanted.replace(SHEET_NAME, " ").slice(0, 31).trim() || say("defaultSheetName");
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
}

/**
 * Adds a table sheet: styled frozen header with filters (when there is more than one column); long text
 * wraps; date columns as dd.mm.yyyy. Strings stay strings (exceljs writes no formulas from text): «=…» in
 * a name cannot run in Excel.
 */
export function addTableSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet): ExcelJS.Worksheet {
  const used = new Set(workbook.worksheets.map((w) => w.name));
  const ws = workbook.addWorksheet(sheetName(sheet.name, used), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.date ? { numFmt: "dd.mm.yyyy" } : { alignment: { wrapText: c.width >= 30, vertical: "top" } },
  }));
  styleHeader(ws.getRow(1));
  ws.addRows(sheet.rows);
  if (sheet.columns.length > 1) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  return ws;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook of table sheets, as bytes. */
export async function buildSheets(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const workbook = newWorkbook();
  for (const sheet of sheets) addTableSheet(workbook, sheet);
  return workbookBytes(workbook);
}

/** A workbook of one table sheet, as bytes. */
export function buildWorkbook(sheetName: string, columns: XlsxColumn[], rows: XlsxValue[][]): Promise<Uint8Array> {
  return buildSheets([{ name: sheetName, columns, rows }]);
}
