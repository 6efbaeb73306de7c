import { beforeAll, describe, expect, it } from "vitest";
import { withDb } from "../../lib/db";
import { advanceStage, approveAct, createProgram } from "../../lib/programs/actions";
import { prepareStage1Pack, saveRegulationText } from "../../lib/programs/stage1-actions";
import { unmetExitConditions } from "../../lib/domain/stages";
import { loadDistrictFigures } from "../../lib/monitoring/district";
import { loadProgramFacts } from "../../lib/programs/facts";
import { buildPackDocument, loadPackData } from "../../lib/programs/stage1-documents";
import { createMember, createOrganization } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { as, call, callOk, type InputOf } from "../setup/call";

// Issue #15 items 1 and 4: the stage-1 pack as local acts. The curator prepares it (three acts with their
// numbers, dates and the Положение's agreement chain) and edits the Положение; a missing requisite refuses
// with the fields to fill and writes nothing; the head approves the introduction order, and the stage-1
// gate and the district figures count it for the Положение, the roadmap and the curator.
const db = setupTestDatabase();

const YEAR = 2026;
let district: { id: string };
let school: { id: string; slug: string };
let curator: { id: string };
let director: { id: string };
let programId: string;

const PACK = {
  introNumber: "15-од",
  introDate: "2026-09-01",
  curatorNumber: "16-од",
  curatorDate: "2026-09-01",
  workingGroup: "Ткаченко Н.С., старший воспитатель\nПетрова А.А., педагог-психолог",
  agreedBy: "PARENTS_COUNCIL",
  agreedProtocol: "1",
  agreedDate: "2026-08-27",
  adoptedBy: "PEDAGOGICAL_COUNCIL",
  adoptedProtocol: "2",
  adoptedDate: "2026-08-28",
} satisfies Partial<InputOf<typeof prepareStage1Pack>>;

const acts = () => db().prisma.localAct.findMany({ where: { organizationId: school.id }, orderBy: { kind: "asc" } });
const packData = () => withDb({ organizationId: school.id }, (tx) => loadPackData(tx, school.id, { programId }));

beforeAll(async () => {
  const prisma = db().prisma;
  district = await createOrganization(prisma, { kind: "MUNICIPALITY" });
  school = await createOrganization(prisma, { parentId: district.id, schoolKind: "KINDERGARTEN", name: "Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 3 «Родничок»", shortName: "МБДОУ «Детский сад № 3 «Родничок»" });
  curator = await createMember(prisma, school.id, ["CURATOR"], { name: "Ткаченко Наталья Сергеевна" });
  director = await createMember(prisma, school.id, ["DIRECTOR"], { name: "Гончарова Светлана Викторовна" });
  ({ programId } = await callOk(createProgram, as(curator), { org: school.slug, academicYear: YEAR, audience: "TEACHERS", template: "empty" }));
  // The creating curator became the program's curator: the passport names nobody for the first case.
  await prisma.mentoringProgram.update({ where: { id: programId }, data: { curatorId: null } });
});

describe("preparing the stage-1 pack", () => {
  it("is refused while the profile lacks the head's name and the place and the passport the curator: the fields are named, nothing is written", async () => {
    const res = await call(prepareStage1Pack, as(curator), { org: school.slug, programId, ...PACK });
    expect(res).toMatchObject({ ok: false, error: { code: "VALIDATION", message: "Пакет документов не сформирован: заполните недостающие реквизиты." } });
    if (!res.ok) expect(res.error.details).toEqual(["ФИО руководителя — профиль организации", "Населённый пункт — профиль организации", "Куратор программы — паспорт программы"]);
    expect(await acts()).toEqual([]);
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).workingGroup).toBeNull();
    // The document route gets the same list instead of a document with blanks.
    const built = buildPackDocument((await packData())!, "REGULATION");
    expect(built).toEqual({ ok: false, missing: expect.arrayContaining([{ field: "headName", where: "profile" }, { field: "curator", where: "passport" }]) });
  });

  it("registers the three acts with numbers, dates and the Положение's chain; a second preparation updates them, no duplicates", async () => {
    await db().prisma.organization.update({ where: { id: school.id }, data: { headName: "Гончарова Светлана Викторовна", place: "с. Левокумское" } });
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { curatorId: curator.id } });
    await callOk(prepareStage1Pack, as(curator), { org: school.slug, programId, ...PACK, introNumber: "14-од" });
    await callOk(prepareStage1Pack, as(curator), { org: school.slug, programId, ...PACK });
    const rows = await acts();
    expect(rows.map((a) => [a.kind, a.number, a.date?.toISOString().slice(0, 10), a.status, a.programId])).toEqual([
      ["MODEL_INTRODUCTION", "15-од", "2026-09-01", "REGISTERED", programId],
      ["REGULATION", "15-од", "2026-09-01", "REGISTERED", programId],
      ["CURATOR_APPOINTMENT", "16-од", "2026-09-01", "REGISTERED", programId],
    ]);
    const regulation = rows.find((a) => a.kind === "REGULATION")!;
    expect(regulation).toMatchObject({ agreedBy: "PARENTS_COUNCIL", agreedProtocol: "1", adoptedBy: "PEDAGOGICAL_COUNCIL", adoptedProtocol: "2", title: "Положение о наставничестве в МБДОУ «Детский сад № 3 «Родничок»" });
    expect(regulation.adoptedDate?.toISOString().slice(0, 10)).toBe("2026-08-28");
    expect(rows.find((a) => a.kind === "MODEL_INTRODUCTION")!.title).toBe("О внедрении целевой модели наставничества в МБДОУ «Детский сад № 3 «Родничок»");
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).workingGroup).toBe(PACK.workingGroup);
  });

  it("keeps the school's edited Положение; a typo in a placeholder is refused and the text stays", async () => {
    const bad = await call(saveRegulationText, as(curator), { org: school.slug, programId, text: "1. Общие положения\n1.1. Положение {краткое наименованье}." });
    const refusal = "В тексте есть неизвестные подстановки: {краткое наименованье}. Исправьте их или удалите фигурные скобки.";
    // The field's own message names them too (it once lacked its values and printed the bare message).
    expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION", message: refusal, fieldErrors: { text: [refusal] } } });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).regulationText).toBeNull();

    const text = "1. Общие положения\r\n1.1. Положение о наставничестве в {краткое наименование} принято с учётом мнения совета родителей.\n2. Формы наставничества\n2.1. Применяются формы {формы наставничества}.";
    await callOk(saveRegulationText, as(curator), { org: school.slug, programId, text });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).regulationText).toBe(text.replace("\r\n", "\n"));
    const built = buildPackDocument((await packData())!, "REGULATION");
    if (!built.ok || built.kind !== "regulation") throw new Error("expected the Положение");
    expect(built.doc.paragraphs).toEqual([
      { text: "1. Общие положения", heading: true },
      { text: "1.1. Положение о наставничестве в МБДОУ «Детский сад № 3 «Родничок» принято с учётом мнения совета родителей.", heading: false },
      { text: "2. Формы наставничества", heading: true },
      { text: expect.stringContaining("«воспитатель – воспитатель», «педагог – воспитатель»"), heading: false },
    ]);
    // The passport says «педагоги и обучающиеся»: a kindergarten's documents still cite the teachers' basis only.
    await db().prisma.mentoringProgram.update({ where: { id: programId }, data: { audience: "BOTH" } });
    const order = buildPackDocument((await packData())!, "MODEL_INTRODUCTION");
    if (!order.ok || order.kind !== "order") throw new Error("expected the order");
    expect(order.doc.preamble).toContain("АЗ-1128/08");
    expect(order.doc.preamble).not.toContain("Р-145");
    expect(built.doc.chain.approved).toEqual({ by: "приказом заведующего МБДОУ «Детский сад № 3 «Родничок»", number: "15-од", date: new Date("2026-09-01T00:00:00Z") });

    // An empty text brings the default template back.
    await callOk(saveRegulationText, as(curator), { org: school.slug, programId, text: "  " });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).regulationText).toBeNull();
  });
});

describe("the head approves the introduction order", () => {
  it("passes the stage-1 gate with it, freezes the Положение, keeps approved acts on a new preparation, and the district counts it", async () => {
    const program = await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } });
    const facts = () => withDb({ organizationId: school.id }, (tx) => loadProgramFacts(tx, school.id, program, new Date(Date.UTC(YEAR, 8, 10))));
    expect(unmetExitConditions(await facts()).map((c) => c.code)).toEqual(["regulation", "roadmap-approval", "curator-order"]);
    const figures = () => withDb({ organizationId: district.id }, (tx) => loadDistrictFigures(tx, district.id, YEAR, new Date(Date.UTC(YEAR, 8, 10))));
    expect((await figures()).find((f) => f.schoolId === school.id)?.acts).toEqual({ regulation: false, roadmap: false, curator: false });

    const intro = (await acts()).find((a) => a.kind === "MODEL_INTRODUCTION")!;
    // The curator cannot approve; the head can.
    expect(await call(approveAct, as(curator), { org: school.slug, actId: intro.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await callOk(approveAct, as(director), { org: school.slug, actId: intro.id });

    expect(unmetExitConditions(await facts())).toEqual([]);
    expect((await figures()).find((f) => f.schoolId === school.id)?.acts).toEqual({ regulation: true, roadmap: true, curator: true });

    expect(await call(saveRegulationText, as(curator), { org: school.slug, programId, text: "1. Иное" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: expect.stringContaining("новой редакции") } });
    const again = await callOk(prepareStage1Pack, as(curator), { org: school.slug, programId, ...PACK, introNumber: "99-од" });
    expect(again.kept).toEqual(["MODEL_INTRODUCTION"]);
    expect((await acts()).find((a) => a.kind === "MODEL_INTRODUCTION")).toMatchObject({ number: "15-од", status: "APPROVED" });
    expect(await acts()).toHaveLength(3);

    await callOk(advanceStage, as(curator), { org: school.slug, programId, expectedStage: 1 });
    expect((await db().prisma.mentoringProgram.findUniqueOrThrow({ where: { id: programId } })).stage).toBe(2);
  });
});
