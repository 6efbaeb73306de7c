import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatDocumentDate } from "./docx-kit";
import { renderOrderDocx } from "./order-docx";
import { renderRoadmapDocx } from "./roadmap-docx";
import type { OrderDocument, RoadmapDocument } from "./types";

// ── Fixtures: a real-looking school roadmap and the order approving it ──────────────────────────

const ORGANIZATION = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 20»";
const RESPONSIBLE = "Смирнова Е.П., заместитель директора по УВР";
const PSYCHOLOGIST = "Карташова А.В., педагог-психолог";

const roadmap: RoadmapDocument = {
  organizationName: ORGANIZATION,
  place: "п. Усолье-7",
  title:
    "Дорожная карта (план мероприятий) реализации целевой модели наставничества в МБОУ «СОШ № 20» на 2025/2026 учебный год",
  academicYear: "2025/2026",
  approval: {
    approver: { position: "Директор МБОУ «СОШ № 20»", initialsAndSurname: "И.Е. Косарева" },
    date: new Date(2025, 7, 25),
    orderNumber: "73-од",
    orderDate: new Date(2025, 7, 25),
  },
  stages: [
    {
      number: 1,
      title: "Подготовка условий для запуска программы наставничества",
      activities: [
        {
          number: "1.1",
          title: "Издание приказа «Об утверждении Положения о наставничестве» и дорожной карты",
          content: "Положение, дорожная карта, приказ о назначении куратора",
          due: "Август 2025",
          responsible: "Косарева И.Е., директор",
          result: "Локальные акты утверждены",
        },
        {
          number: "1.2",
          title: "Информирование педагогического и родительского сообщества о программе наставничества",
          due: "Сентябрь 2025",
          responsible: RESPONSIBLE,
          result: "Протоколы педсовета и родительских собраний",
        },
      ],
    },
    {
      number: 2,
      title: "Формирование базы (банка) наставляемых",
      activities: [
        {
          number: "2.1",
          title: "Анкетирование педагогов и обучающихся, желающих участвовать в программе",
          content: "Сбор согласий на обработку персональных данных, для несовершеннолетних — от законных представителей",
          due: "Сентябрь 2025",
          responsible: PSYCHOLOGIST,
          result: "Банк наставляемых",
        },
        {
          number: "2.2",
          title: "Сбор информации о запросах наставляемых от классных руководителей и психолога",
          due: "Сентябрь 2025",
          responsible: RESPONSIBLE,
        },
      ],
    },
    {
      number: 3,
      title: "Формирование базы (банка) наставников",
      activities: [
        {
          number: "3.1",
          title: "Анкетирование потенциальных наставников, сбор согласий",
          due: "Сентябрь 2025",
          responsible: RESPONSIBLE,
          result: "Банк наставников",
        },
      ],
    },
    {
      number: 4,
      title: "Отбор и обучение наставников",
      activities: [
        {
          number: "4.1",
          title: "Собеседование с наставниками",
          due: "Октябрь 2025",
          responsible: PSYCHOLOGIST,
          result: "Список отобранных наставников",
        },
        {
          number: "4.2",
          title: "Установочная сессия «Школа наставника»",
          due: "Октябрь 2025",
          responsible: RESPONSIBLE,
          result: "Наставники обучены",
        },
      ],
    },
    {
      number: 5,
      title: "Формирование наставнических пар / групп",
      activities: [
        {
          number: "5.1",
          title: "Групповая встреча наставников и наставляемых, анкетирование предпочтений",
          due: "Октябрь 2025",
          responsible: PSYCHOLOGIST,
        },
        {
          number: "5.2",
          title: "Приказ «О закреплении наставнических пар»",
          due: "Октябрь 2025",
          responsible: "Косарева И.Е., директор",
          result: "Пары закреплены приказом",
        },
      ],
    },
    {
      number: 6,
      title: "Организация работы наставнических пар / групп",
      activities: [
        {
          number: "6.1",
          title: "Встреча-знакомство, пробная встреча, встреча-планирование",
          due: "Ноябрь 2025",
          responsible: "Наставники",
          result: "Персонализированные программы",
        },
        {
          number: "6.2",
          title: "Регулярные встречи наставника и наставляемого",
          due: "Ноябрь 2025 — апрель 2026",
          responsible: "Наставники",
        },
      ],
    },
    {
      number: 7,
      title: "Завершение наставничества (программы)",
      activities: [
        {
          number: "7.1",
          title: "Анкетирование удовлетворённости участников программы",
          due: "Май 2026",
          responsible: PSYCHOLOGIST,
          result: "Аналитическая справка",
        },
        {
          number: "7.2",
          title: "Торжественное мероприятие, награждение лучших наставников",
          due: "Май 2026",
          responsible: "Косарева И.Е., директор",
        },
      ],
    },
  ],
  signatory: { position: "Заместитель директора по УВР", initialsAndSurname: "Е.П. Смирнова" },
  executor: { name: "Смирнова Елена Петровна", contact: "8 (39543) 2-15-40, school20@example.ru" },
};

const order: OrderDocument = {
  organizationName: ORGANIZATION,
  place: "с. Левокумское",
  number: "73-од",
  date: new Date(2025, 7, 25),
  title: "Об утверждении дорожной карты реализации целевой модели наставничества на 2025/2026 учебный год",
  preamble:
    "В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся», Положением о наставничестве МБОУ «СОШ № 20»",
  items: [
    "Утвердить дорожную карту (план мероприятий) реализации целевой модели наставничества на 2025/2026 учебный год (приложение).",
    "Назначить куратором реализации программы наставничества заместителя директора по УВР Смирнову Е.П.",
    "Контроль за исполнением приказа оставляю за собой.",
  ],
  signatory: { position: "Директор", initialsAndSurname: "И.Е. Косарева" },
  attachment: "Приложение: дорожная карта на 3 л. в 1 экз.",
  executor: { name: "Смирнова Е.П.", contact: "8 (39543) 2-15-40" },
  acquainted: ["Смирнова Е.П.", "Карташова А.В.", "Козлова Ю.С."],
};

// ── Reading the .docx back ────────────────────────────────────────────────────────────────────

function unzip(buffer: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buffer));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

function part(files: Record<string, string>, name: string): string {
  const xml = files[name];
  if (xml === undefined) throw new Error(`${name} is missing from the package`);
  return xml;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Text of every paragraph of the body in document order; a tab is "\t", a line break "\n". */
function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)]
      .map(([token, text]) => (token === "<w:tab/>" ? "\t" : token === "<w:br/>" ? "\n" : decode(text ?? "")))
      .join("")
      .replace(/\u00a0/g, " "), // no-break spaces (after «№») read as spaces
  );
}

/** Asserts that each expected text appears in a paragraph after the previous one (string: whole paragraph; RegExp: match). */
function expectInOrder(texts: string[], expected: (string | RegExp)[]) {
  let from = 0;
  for (const want of expected) {
    const index = texts.findIndex((t, i) => i >= from && (typeof want === "string" ? t === want : want.test(t)));
    expect(index, `«${String(want)}» after paragraph ${from}:\n${texts.slice(from).join("\n")}`).toBeGreaterThanOrEqual(from);
    from = index + 1;
  }
}

/** The first empty element `<name …/>` of the XML (short, so a failed assertion prints little). */
const element = (xml: string, name: string) => xml.match(new RegExp(`<${name}(?:\\s[^>]*)?/>`))?.[0];

/** The XML of the first paragraph whose text contains `text`. */
const paragraphXml = (xml: string, text: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => p).find((p) => p.includes(text));

function tables(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map(([t]) => t);
}

const rowsOf = (tableXml: string) => [...tableXml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([r]) => r);

// ── Tests ─────────────────────────────────────────────────────────────────────────────────────

describe("formatDocumentDate", () => {
  it("prints dd.MM.yyyy, or the blank", () => {
    expect(formatDocumentDate(new Date(2025, 7, 5))).toBe("05.08.2025");
    expect(formatDocumentDate(null)).toBe("__.__.20__");
  });
});

describe("renderOrderDocx", () => {
  it("renders every requisite of the order in the standard's order", async () => {
    const files = unzip(await renderOrderDocx(order));
    const xml = part(files, "word/document.xml");
    const texts = paragraphs(xml);

    expectInOrder(texts, [
      ORGANIZATION,
      "ПРИКАЗ",
      "25.08.2025\t№ 73-од",
      "с. Левокумское",
      order.title,
      /^В соответствии с распоряжением .*«Об утверждении методологии \(целевой модели\) наставничества обучающихся»/,
      "ПРИКАЗЫВАЮ:",
      /^1\. Утвердить дорожную карту/,
      /^2\. Назначить куратором/,
      "3. Контроль за исполнением приказа оставляю за собой.",
      "Приложение: дорожная карта на 3 л. в 1 экз.",
      "Директор",
      "И.Е. Косарева",
      "Исп. Смирнова Е.П.\n8 (39543) 2-15-40",
      `Лист ознакомления с приказом от 25.08.2025 № 73-од «${order.title}»`,
      "С приказом ознакомлены:",
      "Смирнова Е.П.",
      "Карташова А.В.",
      "Козлова Ю.С.",
    ]);
    expect(paragraphXml(xml, "25.08.2025")).toContain("№\u00a073-од");
    // Each acquaintance line has a signature line and a date line.
    expect(texts.filter((t) => t === "«__» ______ 20__ г.")).toHaveLength(3);
    expect(texts.filter((t) => /^_{10,}$/.test(t))).toHaveLength(3);
    // The acquaintance list starts a page of its own; the executor mark sits at the bottom of the page.
    expect(paragraphXml(xml, "Лист ознакомления")).toContain("<w:pageBreakBefore/>");
    expect(paragraphXml(xml, "Исп. Смирнова Е.П.")).toMatch(/<w:framePr [^>]*w:yAlign="bottom"/);

    // A4 portrait, fields 30 mm left, 15 mm right, 20 mm top and bottom; Times New Roman 14 pt, ru-RU.
    expect(element(xml, "w:pgSz")).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(element(xml, "w:pgMar")).toMatch(/^<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    const styles = part(files, "word/styles.xml");
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('<w:sz w:val="28"/>');
    expect(styles).toContain('<w:lang w:val="ru-RU"/>');

    const core = part(files, "docProps/core.xml");
    expect(core).toContain(`<dc:title>Приказ № 73-од «${order.title}»</dc:title>`);
    expect(core).toContain("<dc:creator>Наставник</dc:creator>");
  });

  it("leaves blanks for a date and number not assigned yet, and omits what is not given", async () => {
    const draft: OrderDocument = { ...order, date: null, number: null, place: null, attachment: null, executor: null, acquainted: [] };
    const files = unzip(await renderOrderDocx(draft));
    const xml = part(files, "word/document.xml");
    const texts = paragraphs(xml);
    expectInOrder(texts, ["ПРИКАЗ", "__.__.20__\t№ ____", order.title, "ПРИКАЗЫВАЮ:", "И.Е. Косарева"]);
    expect(texts.join("\n")).not.toMatch(/Приложение|Исп\.|ознакомлены|Левокумское/);
    expect(part(files, "docProps/core.xml")).toContain(`<dc:title>Приказ «${order.title}»</dc:title>`);
  });
});

describe("renderRoadmapDocx", () => {
  it("renders the approval stamp, title and the table of stages and activities", async () => {
    const files = unzip(await renderRoadmapDocx(roadmap));
    const xml = part(files, "word/document.xml");
    const texts = paragraphs(xml);

    const expected: (string | RegExp)[] = [
      ORGANIZATION,
      "УТВЕРЖДАЮ",
      "Директор МБОУ «СОШ № 20»",
      /^_{10,} И\.Е\. Косарева$/,
      "25.08.2025",
      "Утверждено приказом от 25.08.2025 № 73-од",
      roadmap.title,
      "п. Усолье-7",
      "№ п/п",
      "Мероприятие",
      "Сроки",
      "Ответственные",
      "Ожидаемый результат",
    ];
    for (const stage of roadmap.stages) {
      expected.push(`${stage.number}. ${stage.title}`);
      for (const activity of stage.activities) {
        expected.push(activity.number, activity.title);
        if (activity.content) expected.push(activity.content);
        expected.push(activity.due, activity.responsible);
        if (activity.result) expected.push(activity.result);
      }
    }
    expected.push("Заместитель директора по УВР", "Е.П. Смирнова", "Исп. Смирнова Елена Петровна\n8 (39543) 2-15-40, school20@example.ru");
    expectInOrder(texts, expected);
    expect(texts).not.toContain("Статус");
    // The title already names the academic year: no second year line.
    expect(texts.filter((t) => t.includes("2025/2026"))).toHaveLength(1);

    // The roadmap table: header row repeated on each page, a full-width shaded row per stage.
    const table = tables(xml).find((t) => t.includes("Ожидаемый результат"));
    expect(table).toBeDefined();
    const rows = rowsOf(table ?? "");
    expect(rows[0]).toContain("<w:tblHeader/>");
    expect(rows.filter((r) => r.includes("<w:tblHeader/>"))).toHaveLength(1);
    const stageRows = rows.filter((r) => r.includes('w:fill="D9D9D9"'));
    expect(stageRows).toHaveLength(7);
    for (const row of stageRows) expect(row).toContain('<w:gridSpan w:val="5"/>');
    expect(rows).toHaveLength(1 + 7 + roadmap.stages.reduce((n, s) => n + s.activities.length, 0));

    // A4 landscape.
    expect(element(xml, "w:pgSz")).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const core = part(files, "docProps/core.xml");
    expect(core).toContain(`<dc:title>${roadmap.title}</dc:title>`);
    expect(core).toContain("<dc:creator>Наставник</dc:creator>");
  });

  it("shows blanks in a stamp not approved yet and a status column only when there are statuses", async () => {
    const [first, ...rest] = roadmap.stages;
    if (!first) throw new Error("fixture has stages");
    const withStatus: RoadmapDocument = {
      ...roadmap,
      title: "Дорожная карта реализации целевой модели наставничества",
      approval: { approver: roadmap.approval.approver, date: null },
      stages: [{ ...first, activities: first.activities.map((a, i) => ({ ...a, status: i === 0 ? "выполнено" : null })) }, ...rest],
      signatory: null,
      executor: null,
    };
    const files = unzip(await renderRoadmapDocx(withStatus));
    const xml = part(files, "word/document.xml");
    const texts = paragraphs(xml);
    expectInOrder(texts, [
      "УТВЕРЖДАЮ",
      /^_{10,} И\.Е\. Косарева$/,
      "«__» ______ 20__ г.",
      "Дорожная карта реализации целевой модели наставничества",
      "на 2025/2026 учебный год",
      "Ожидаемый результат",
      "Статус",
      "1. Подготовка условий для запуска программы наставничества",
      "1.1",
      "выполнено",
    ]);
    expect(texts.join("\n")).not.toMatch(/Утверждено приказом|Исп\.|Заместитель директора по УВР\n/);
    const table = tables(xml).find((t) => t.includes("Ожидаемый результат")) ?? "";
    for (const row of rowsOf(table).filter((r) => r.includes('w:fill="D9D9D9"'))) {
      expect(row).toContain('<w:gridSpan w:val="6"/>');
    }
  });
});

// LibreOffice, when installed (`apt-get install libreoffice-writer-nogui`), opens both documents and prints
// them to PDF. Set DOCX_PREVIEW_DIR to keep the .docx and .pdf files for a look.
const soffice = ["soffice", "libreoffice"].find((name) => spawnSync("which", [name]).status === 0);

describe("LibreOffice conversion", () => {
  it("converts both documents to a non-empty PDF when LibreOffice is installed", { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nastavnik-docx-"));
    try {
      const outputs = { roadmap: await renderRoadmapDocx(roadmap), order: await renderOrderDocx(order) };
      for (const [name, buffer] of Object.entries(outputs)) {
        const file = path.join(dir, `${name}.docx`);
        writeFileSync(file, buffer);
        expect(Object.keys(unzip(readFileSync(file)))).toContain("word/document.xml");
      }
      if (!soffice) return; // not installed: the parse-back above and in the tests before is what is checked
      for (const name of Object.keys(outputs)) {
        const result = spawnSync(
          soffice,
          [
            `-env:UserInstallation=file://${path.join(dir, "profile")}`, // own profile: no clash with a running instance
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            dir,
            path.join(dir, `${name}.docx`),
          ],
          { encoding: "utf8", timeout: 150_000 },
        );
        const pdf = path.join(dir, `${name}.pdf`);
        expect(existsSync(pdf), `${soffice}: ${result.stdout}${result.stderr}`).toBe(true);
        expect(statSync(pdf).size).toBeGreaterThan(1000);
        expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
      }
      const keep = process.env.DOCX_PREVIEW_DIR;
      if (keep) {
        mkdirSync(keep, { recursive: true });
        for (const name of Object.keys(outputs)) {
          for (const ext of ["docx", "pdf"]) copyFileSync(path.join(dir, `${name}.${ext}`), path.join(keep, `${name}.${ext}`));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
