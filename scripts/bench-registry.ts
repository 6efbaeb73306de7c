// npm run bench:registry — `npm run orgs:import` of a 2 000-school .xlsx (the CLI's own function, as the
// operator), and the same list through the municipality page's action (registry.import), next to a floor
// measured in the same run: a bare createMany of the 2 000 organizations (already parsed, no checks, no
// invitations, no audit). In-memory PGlite by default; the PostgreSQL of DATABASE_URL when it is set (the
// scratch organizations are deleted afterwards). The last line is JSON for CI.

import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { ACTION_REGISTRY, runAction } from "../lib/actions/action";
import { setDatabase, withDb } from "../lib/db";
import { openPGlite, openPostgres, type Database } from "../lib/db/database";
import { applyMigrations } from "../lib/db/migrate";
import "../lib/registry/actions";
import { checkRegistryRows } from "../lib/registry/check";
import { importOrganizationsFile } from "../lib/registry/cli";
import { readRegistrySheet } from "../lib/registry/read";
import { REGISTRY_COLUMNS, type RegistryImportReport } from "../lib/registry/schemas";
import { createMember, createOrganization, createUser } from "../tests/factories";
import { nthInn, nthOgrn } from "../tests/fixtures/registry/numbers";

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const PLACES = ["г. Благодарный", "с. Алексеевское", "с. Сотниковское", "с. Бурлацкое", "с. Елизаветинское", "пос. Ставропольский", "с. Спасское"];
const HEADS = ["Соколова Ирина Викторовна", "Ершов Алексей Петрович", "Белова Елена Сергеевна", "Ковалёв Дмитрий Иванович", "Громова Светлана Юрьевна"];

/** A list as a large region's office fills the template: every column, a third kindergartens, ИНН of one series per run. */
async function generateWorkbook(rows: number, series: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Организации");
  ws.addRow(REGISTRY_COLUMNS.map(([, header]) => header));
  for (let i = 1; i <= rows; i++) {
    const kindergarten = i % 3 === 0;
    const place = PLACES[i % PLACES.length]!;
    const name = kindergarten ? `Детский сад № ${i}` : `Средняя общеобразовательная школа № ${i}`;
    ws.addRow([
      `Муниципальное бюджетное ${kindergarten ? "дошкольное образовательное" : "общеобразовательное"} учреждение «${name}» ${place}`,
      kindergarten ? `МБДОУ д/с № ${i}` : `МБОУ СОШ № ${i}`,
      kindergarten ? "детский сад" : "школа",
      place,
      `356420, Ставропольский край, ${place}, ул. Школьная, д. ${i}`,
      nthInn(series, i),
      nthOgrn(`1${series}`, i),
      "",
      HEADS[i % HEADS.length],
      `head${i}@${series}.example`,
    ]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const db = url ? await openPostgres(url, { maxConnections: 2 }) : await openPGlite("memory://");
  await db.withExecutor((ex) => applyMigrations(ex, { advisoryLock: db.kind === "postgres" }));
  setDatabase(db);
  return db;
}

const seconds = (ms: number) => Math.round(ms) / 1000;
// Distinct ИНН series per run (a PostgreSQL bench database may keep an earlier run's rows if it was interrupted).
const series = () => `7${String(randomBytes(2).readUInt16BE() % 1000).padStart(3, "0")}`;

async function main() {
  const db = await openDatabase();
  console.log(`База данных: ${db.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : "PGlite в памяти"}`);
  const cliParent = await createOrganization(db.prisma, { kind: "MUNICIPALITY", slug: `bench-cli-${randomBytes(3).toString("hex")}`, name: "Округ для замера orgs:import" });
  const pageParent = await createOrganization(db.prisma, { kind: "MUNICIPALITY", slug: `bench-page-${randomBytes(3).toString("hex")}`, name: "Округ для замера страницы" });
  const floorParent = await createOrganization(db.prisma, { kind: "MUNICIPALITY", slug: `bench-floor-${randomBytes(3).toString("hex")}`, name: "Округ для нижней границы" });
  const warmParent = await createOrganization(db.prisma, { kind: "MUNICIPALITY", slug: `bench-warm-${randomBytes(3).toString("hex")}`, name: "Округ для разогрева" });
  const parents = [cliParent.id, pageParent.id, floorParent.id, warmParent.id];
  const head = await createMember(db.prisma, pageParent.id, ["MUNICIPAL_HEAD"]);
  // orgs:import acts as the platform operator: one must exist (npm run setup makes it; here a scratch one).
  const hadOperator = Boolean(await db.prisma.user.findFirst({ where: { isOperator: true } }));
  const operator = hadOperator ? null : await db.prisma.user.update({ where: { id: (await createUser(db.prisma)).id }, data: { isOperator: true } });
  try {
    // Warm-up (module loading, JIT, the first queries) on a small list.
    const warm = await importOrganizationsFile({ bytes: await generateWorkbook(30, series()), fileName: "warm.xlsx", into: warmParent.slug });
    if (warm.code !== 0) throw new Error(`разогрев: ${warm.lines.join("; ")}`);

    const generating = performance.now();
    const cliBytes = await generateWorkbook(ROWS, series());
    const pageBytes = await generateWorkbook(ROWS, series());
    console.log(`Файл: ${ROWS} организаций, ${(cliBytes.length / 1024).toFixed(0)} КБ (.xlsx, сгенерирован за ${seconds(performance.now() - generating)} с)`);

    // orgs:import, as the command runs it (reading the file from disk aside).
    const cliStarted = performance.now();
    const cli = await importOrganizationsFile({ bytes: cliBytes, fileName: "spisok-2000.xlsx", into: cliParent.slug });
    const cliMs = performance.now() - cliStarted;
    if (cli.code !== 0 || cli.result.created !== ROWS) throw new Error(`orgs:import: ${cli.lines.slice(-3).join("; ")}`);

    // The municipality page's import (registry.import through the action wrapper, as the head).
    const pageStarted = performance.now();
    const page = await runAction<RegistryImportReport>(ACTION_REGISTRY.get("registry.import")!, head.id, { org: pageParent.slug, file: new File([pageBytes as BlobPart], "spisok-2000.xlsx") });
    const pageMs = performance.now() - pageStarted;
    if (!page.ok || page.data.created !== ROWS) throw new Error(`registry.import: ${page.ok ? page.data.created : page.error.message}`);

    // The floor: the same organizations, parsed and checked beforehand, by a bare createMany in one transaction.
    const read = await readRegistrySheet(await generateWorkbook(ROWS, series()), "floor.xlsx");
    if (!read.ok) throw new Error(read.problem.key);
    const check = checkRegistryRows(read.sheet.rows, { id: floorParent.id, kind: "MUNICIPALITY", name: floorParent.name, timeZone: floorParent.timeZone }, { slugs: new Set(), inns: new Set(), siblingNames: new Set() });
    const data = check.organizations.map((r) => ({
      kind: r.kind.kind,
      schoolKind: r.kind.schoolKind,
      parentId: floorParent.id,
      slug: `${r.slug}-${floorParent.slug}`,
      name: r.name,
      shortName: r.shortName,
      place: r.place,
      address: r.address,
      inn: null,
      ogrn: r.ogrn,
      headPosition: r.headPosition,
      headName: r.headName,
      timeZone: floorParent.timeZone,
    }));
    const floorStarted = performance.now();
    await withDb({}, async (tx) => {
      for (let i = 0; i < data.length; i += 500) await tx.organization.createMany({ data: data.slice(i, i + 500) });
    });
    const floorMs = performance.now() - floorStarted;

    const invitations = await db.prisma.invitation.count({ where: { organization: { parentId: cliParent.id }, emailStatus: "QUEUED" } });
    console.log(`orgs:import (${cli.result.created} организаций, ${invitations} приглашений): ${seconds(cliMs)} с`);
    console.log(`registry.import со страницы округа:                 ${seconds(pageMs)} с`);
    console.log(`Нижняя граница (createMany 2 000 организаций):      ${seconds(floorMs)} с; отношение orgs:import к ней ${(cliMs / floorMs).toFixed(2)}`);
    console.log(
      JSON.stringify({
        database: db.kind,
        orgsImport2000: { seconds: seconds(cliMs), floorSeconds: seconds(floorMs), ratio: Math.round((cliMs / floorMs) * 100) / 100 },
        registryImport2000: { seconds: seconds(pageMs) },
      }),
    );
  } finally {
    if (db.kind === "postgres") {
      await db.prisma.organization.deleteMany({ where: { parentId: { in: parents } } });
      await db.prisma.organization.deleteMany({ where: { id: { in: parents } } });
      await db.prisma.user.deleteMany({ where: { id: { in: [head.id, ...(operator ? [operator.id] : [])] } } });
    }
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
