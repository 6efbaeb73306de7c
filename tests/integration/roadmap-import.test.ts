import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { importRoadmap } from "../../lib/programs/actions";
import { previewRoadmapImport } from "../../lib/programs/import-actions";
import type { ParsedRoadmap } from "../../lib/roadmap/types";
import { pdfWithoutText } from "../../scripts/roadmap-fixtures";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call } from "../setup/call";
import { createProgramOf } from "../setup/factories";

// Issue #15 item 6: a roadmap pasted from a Word table and one uploaded as PDF are read into stages, the
// curator corrects at most one row, and the import writes exactly those rows; a scan and a 500-page PDF
// are refused with what to do instead, writing nothing.
const db = setupTestDatabase();
const own = (name: string) => readFile(`tests/fixtures/roadmaps/own/${name}`);

let school: { id: string; slug: string };
let curator: { id: string };

beforeAll(async () => {
  const prisma = db().prisma;
  const district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  school = await createOrganization(prisma, { parentId: district.id });
  curator = await createMember(prisma, school.id, ["CURATOR"]);
});

const newProgram = (year: number) => createProgramOf({ slug: school.slug, curator }, { year, template: "empty" });

/** The preview's rows as the import page sends them, each at the stage the parser proposed (or as corrected). */
function rowsOf(parsed: ParsedRoadmap, correct: (title: string) => number | undefined = () => undefined) {
  return parsed.stages.flatMap((s) =>
    s.activities.map((a) => ({ stage: correct(a.title) ?? (s.stage as number), title: a.title, due: a.due, responsible: a.responsible, result: a.result })),
  );
}

async function stagesInDatabase(programId: string) {
  const rows = await db().prisma.roadmapActivity.groupBy({ by: ["stage"], where: { programId }, _count: { _all: true }, orderBy: { stage: "asc" } });
  return rows.map((r) => [r.stage, r._count._all]);
}

describe("roadmap import from a Word paste and from a PDF", () => {
  it("a Word table pasted as text (cells over several lines): all 17 rows land in their stages, no correction", async () => {
    const programId = await newProgram(2040);
    const text = (await own("lyceum-word-paste.txt")).toString("utf8");
    const preview = await call(previewRoadmapImport, as(curator), { org: school.slug, text });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const res = await call(importRoadmap, as(curator), { org: school.slug, programId, activities: rowsOf(preview.data) });
    expect(res).toMatchObject({ ok: true, data: { imported: 17 } });
    expect(await stagesInDatabase(programId)).toEqual([[1, 3], [2, 2], [3, 2], [4, 2], [5, 3], [6, 3], [7, 2]]);
    const row = await db().prisma.roadmapActivity.findFirstOrThrow({ where: { programId, stage: 3, position: 1 } });
    expect([row.title, row.dueText, row.responsibleText]).toEqual(["Формирование базы наставников и сопоставление с запросами наставляемых", "сентябрь – октябрь 2025", "Седов К.А."]);
  });

  it("a PDF with «Вид документа» and a 7th item «Информационная поддержка»: one correction moves that item to stage 7", async () => {
    const programId = await newProgram(2041);
    const file = new File([new Uint8Array(await own("gymnasium.pdf"))], "Дорожная карта гимназии.pdf", { type: "application/pdf" });
    const preview = await call(previewRoadmapImport, as(curator), { org: school.slug, file });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.data.stages.map((s) => [s.stage, s.activities.length])).toEqual([[1, 2], [2, 2], [3, 1], [4, 1], [5, 3], [7, 1], [1, 1]]);
    const publication = "Освещение мероприятий на сайте гимназии и в социальных сетях";
    const res = await call(importRoadmap, as(curator), {
      org: school.slug,
      programId,
      activities: rowsOf(preview.data, (title) => (title === publication ? 7 : undefined)),
    });
    expect(res).toMatchObject({ ok: true, data: { imported: 11 } });
    expect(await stagesInDatabase(programId)).toEqual([[1, 2], [2, 2], [3, 1], [4, 1], [5, 3], [7, 2]]);
    const moved = await db().prisma.roadmapActivity.findFirstOrThrow({ where: { programId, title: publication } });
    expect([moved.stage, moved.expectedResult, moved.responsibleText]).toEqual([7, "Публикации", "Ответственный за сайт"]);
  });

  it("a scan without text and a 500-page PDF are refused with what to do; nothing is written", async () => {
    const programId = await newProgram(2042);
    const scan = new File([new Uint8Array(await own("scan.pdf"))], "скан.pdf", { type: "application/pdf" });
    expect(await call(previewRoadmapImport, as(curator), { org: school.slug, file: scan })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: "В файле нет текста (скан); вставьте текст или загрузите .docx." },
    });
    const huge = new File([new Uint8Array(pdfWithoutText(500))], "500 страниц.pdf", { type: "application/pdf" });
    expect(await call(previewRoadmapImport, as(curator), { org: school.slug, file: huge })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION", message: "В PDF 500 стр. — больше предела в 100 стр. Загрузите только страницы дорожной карты или вставьте её текст." },
    });
    expect(await db().prisma.roadmapActivity.count({ where: { programId } })).toBe(0);
  });
});
