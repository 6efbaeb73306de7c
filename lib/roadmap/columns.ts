// The header row of a roadmap table and the role of each column (№ / мероприятие / срок / ответственный /
// результат / вид документа / учебные годы), or the roles guessed from the cells when there is no header.

import roadmapWords from "../i18n/russian/data/roadmap-words.json";
import { alternatives, cleanCell, norm, NUMBER_TOKEN } from "./heading";

// ---------------------------------------------------------------------------------------------
// Header row and column roles

export type Role = "number" | "stage" | "activity" | "due" | "responsible" | "result" | "document" | "year";
/** Column indexes per role; `yearLabels` names the year columns («2022–2023») in the order of `year`. */
export type Columns = Partial<Record<Role, number[]>> & { yearLabels?: string[] };

export const ROLES: Role[] = ["number", "stage", "activity", "due", "responsible", "result", "document", "year"];

/** «2021–2022», «2022-2023 уч. год», «2023/2024», «2024 г.»: the academic year a column of a multi-year plan is for. */
const YEAR_RANGE = /((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)?\d\d)/;
const YEAR_ONLY = /^((?:19|20)\d\d)\s*(г\.?|год|гг\.?)?$/;

export function yearLabel(cell: string): string | null {
  const t = cleanCell(cell);
  if (t.length > 40) return null;
  const range = YEAR_RANGE.exec(t);
  if (range) return `${range[1]}–${range[2]}`;
  const single = YEAR_ONLY.exec(t);
  return single ? (single[1] ?? null) : null;
}

function roleOfHeading(cell: string): Role | null {
  const t = norm(cell).replace(/[.:]+$/, "").trim();
  if (!t || t.length > 100) return null;
  if (yearLabel(cell)) return "year";
  if (/^(№|n|#|no|nn|№№)\.?\s*(п\s*\/?\s*п\.?)?$/.test(t) || /^п\s*\/\s*п$/.test(t) || /^номер/.test(t)) return "number";
  // Typed with a typo as often as not: «Сорки», «Отвественный», «Меропрятие».
  if (/^(срок|сорк|дата|даты|период|время|когда|график|месяц)/.test(t)) return "due";
  if (/^(ответ|отв[еe]\S*ств|исполнител|отв\.|кто\s)/.test(t)) return "responsible";
  if (/^(вид|тип|форма|наименование)\s+(итогового\s+)?(документ|отчетн)|^документ/.test(t)) return "document";
  if (/^((ожидаем|планируем|прогнозируем|итогов|конечн)\S*\s+)?(результат|продукт)/.test(t) || /^(форма\s+(отчет|представлени|контрол|завершени)|показател|индикатор|выход)/.test(t)) {
    return "result";
  }
  if (/^(наименование\s+|название\s+)?этап/.test(t) && !/мероприят|содержани/.test(t)) return "stage";
  if (t.length <= 70 && /мероприят|^мер[оа]п|^меро|содержани|деятельност|наименовани|действи|задач|вид\S*\s+работ|^работ|направлени|^план/.test(t)) return "activity";
  return null;
}

/** Column roles of a header row, or null when the row is not a roadmap header. */
export function headerColumns(cells: string[]): Columns | null {
  // A row with a number in a cell is an activity, however its words read («Освещение мероприятий…»).
  if (cells.some((c) => NUMBER_TOKEN.test(c.trim()))) return null;
  const columns: Columns = {};
  cells.forEach((cell, i) => {
    const role = roleOfHeading(cell);
    if (role) (columns[role] ??= []).push(i);
  });
  if (!columns.activity && columns.stage) {
    // «Этап | Срок | Ответственный»: the stage column is what is done.
    columns.activity = columns.stage;
    delete columns.stage;
  }
  if (columns.year) columns.yearLabels = columns.year.map((i) => yearLabel(cells[i] ?? "") ?? "");
  const hasWhat = Boolean(columns.activity);
  const hasDetail = Boolean(columns.due || columns.responsible || columns.result || columns.document || (columns.year && columns.year.length >= 2));
  return hasWhat && hasDetail ? columns : null;
}

export function isHeaderRow(cells: string[]): boolean {
  return headerColumns(cells.map(cleanCell)) !== null;
}

/** «1 | 2 | 3 | 4 | 5» under the header: the columns' numbers. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  if (filled.length < 2 || filled.length < cells.length / 2) return false;
  return filled.every((c, i) => c === String(i + 1));
}

const MONTHS = /(январ|феврал|март|апрел|ма[йяе]\b|июн|июл|август|сентябр|октябр|ноябр|декабр)/;
// A month, a year, a date, or a word of a due date («ежегодно», «в течение года»: lib/i18n/russian/data/roadmap-words.json).
export const DUE_LIKE = new RegExp(String.raw`${MONTHS.source}|\b(19|20)\d{2}\b|\d{1,2}\.\d{1,2}\.|${alternatives(roadmapWords.dueWords)}`);
export const RESPONSIBLE_LIKE =
  /[А-ЯЁ]\.\s?[А-ЯЁ]\.|директор|заместител|зам\.|учител|педагог|психолог|куратор|руководител|наставник|методист|администрац|классн|координатор|рабоч\S* групп|специалист|секретар|социальн/i;

/** Column roles guessed from the cells when no header row was found. */
export function guessColumns(rows: string[][]): Columns | null {
  const data = rows.filter((r) => r.filter(Boolean).length >= 2 && !isColumnNumberRow(r));
  if (data.length < 2) return null;
  const width = Math.max(...data.map((r) => r.length));
  const stats = Array.from({ length: width }, (_, j) => {
    const values = data.map((r) => r[j] ?? "").filter(Boolean);
    const share = (re: RegExp) => (values.length ? values.filter((v) => re.test(v)).length / values.length : 0);
    const avg = values.length ? values.reduce((n, v) => n + v.length, 0) / values.length : 0;
    return { j, filled: values.length / data.length, number: share(NUMBER_TOKEN), due: share(DUE_LIKE), responsible: share(RESPONSIBLE_LIKE), avg };
  });
  const taken = new Set<number>();
  const pick = (key: "number" | "due" | "responsible", min: number) => {
    const best = stats.filter((s) => !taken.has(s.j) && s[key] >= min && s.filled >= 0.3).sort((a, b) => b[key] - a[key])[0];
    if (best) taken.add(best.j);
    return best?.j;
  };
  const columns: Columns = {};
  const number = pick("number", 0.6);
  if (number !== undefined) columns.number = [number];
  const due = pick("due", 0.5);
  if (due !== undefined) columns.due = [due];
  const responsible = pick("responsible", 0.4);
  if (responsible !== undefined) columns.responsible = [responsible];
  const texts = stats.filter((s) => !taken.has(s.j) && s.filled > 0).sort((a, b) => b.avg - a.avg);
  const activity = texts[0];
  if (!activity) return null;
  columns.activity = [activity.j];
  const result = texts.slice(1).find((s) => s.j > activity.j && s.avg >= 10);
  if (result) columns.result = [result.j];
  return columns;
}

