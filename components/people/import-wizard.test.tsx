import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { MESSAGES } from "@/lib/i18n/config";
import type { ImportPreview } from "@/lib/people/import-schema";
import { ImportMappingTable } from "./import-mapping";
import { ImportPreviewView } from "./import-preview";
import { ImportProgress } from "./import-progress";
import { PeopleImport } from "./import-wizard";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined }) }));
vi.mock("@/lib/people/import-actions", () => ({ previewPeopleImport: vi.fn() }));
vi.mock("@/lib/tasks/actions", () => ({ startPeopleImport: vi.fn() }));

// Missing or malformed messages fail the test instead of printing the key.
const render = (node: ReactNode) =>
  renderToStaticMarkup(
    <NextIntlClientProvider locale="ru" timeZone="Europe/Moscow" messages={MESSAGES.ru} onError={(e) => { throw e; }}>
      {node}
    </NextIntlClientProvider>,
  );

const preview: ImportPreview = {
  problem: null,
  fileName: "teachers.csv",
  format: "csv",
  encoding: "windows-1251",
  headers: ["Фамилия", "Имя", "Дата рождения"],
  samples: ["Иванова", "Мария", "31.02.1990"],
  headerRow: 1,
  mapping: ["lastName", "firstName", "birthDate"],
  suggested: ["lastName", "firstName", "birthDate"],
  totalRows: 10_000,
  toCreate: 9_997,
  rows: [
    { row: 2, kind: "TEACHER", name: "Иванова Мария", birthDate: null, minor: false, details: "", contacts: "", status: "ok", note: null },
    { row: 3, kind: null, name: "", birthDate: null, minor: false, details: "", contacts: "", status: "error", note: "Дата рождения: даты «31.02.1990» не существует" },
    { row: 4, kind: "TEACHER", name: "Иванова Мария", birthDate: null, minor: false, details: "", contacts: "", status: "duplicate", note: "повтор строки 2 (совпадают ФИО и дата рождения)" },
  ],
  errors: [{ row: 3, column: "Дата рождения", message: "даты «31.02.1990» не существует" }],
  errorCount: 1,
  rowsWithErrors: 1,
  duplicates: [
    { row: 4, name: "Иванова Мария", by: "name", ofRow: 2 },
    { row: 5, name: "Петров Иван", by: "email", existing: { id: "x", name: "Петров Иван Ильич" } },
  ],
  duplicateCount: 2,
};

describe("people import UI", () => {
  it("renders the upload form with labelled controls", () => {
    const html = render(<PeopleImport org="sosh-20" />);
    expect(html).toContain('<label for="people-import-file"');
    expect(html).toContain("Файл со списком (.xlsx или .csv)");
    expect(html).toContain("Windows-1251");
    expect(html).toContain("Проверить файл");
  });

  it("labels every column's select and offers «Не загружать»", () => {
    const html = render(<ImportMappingTable headers={preview.headers} samples={preview.samples} mapping={preview.mapping} onChange={() => undefined} />);
    expect(html).toContain("Поле для столбца «Дата рождения»");
    expect(html).toContain("Не загружать");
    expect(html.match(/<select/g)).toHaveLength(3);
    expect(html).toContain("<caption");
  });

  it("says errors and duplicates in words, not colour only", () => {
    const html = render(<ImportPreviewView preview={preview} />);
    expect(html).toMatch(/Строк с данными: 10\s000\. Будет добавлено: 9\s997\./);
    expect(html).toContain("Строка 3, столбец «Дата рождения»: даты «31.02.1990» не существует");
    expect(html).toContain("Строка 4: Иванова Мария — повтор строки 2 (совпадают ФИО и дата рождения).");
    expect(html).toContain("Строка 5: Петров Иван — уже есть в организации: Петров Иван Ильич (совпадают e-mail).");
    expect(html).toContain("ошибка — Дата рождения");
    expect(html).toContain("пропуск — повтор строки 2");
  });

  it("shows a native progress bar with its text", () => {
    const determinate = render(<ImportProgress text="Читаем файл: 40 %" percent={40} />);
    expect(determinate).toMatch(/<progress id="people-import-progress"[^>]*max="100"[^>]*value="40"/);
    expect(render(<ImportProgress text="Проверяем 10 000 строк…" />)).not.toMatch(/value=/);
  });
});
