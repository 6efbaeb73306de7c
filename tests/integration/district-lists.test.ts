import { beforeAll, describe, expect, it } from "vitest";
import { CampaignSchoolsSearchInput, listCampaignSchoolsPage } from "../../lib/campaigns/queries";
import { createCampaign } from "../../lib/campaigns/office-actions";
import { listRegistryPage, RegistrySearchInput } from "../../lib/registry/queries";
import { readListParams } from "../../lib/http/list-search";
import { createMember, createOrganization } from "../factories";
import { callOk, tenantContext } from "../setup/call";
import { pinClock } from "../setup/clock";
import { setupTestDatabase } from "../setup/database";
import { pad4 as pad } from "../setup/files";

// Issue #19 item 1: a district can have 2,000 schools. The registry page and a campaign's progress send one page
// of them, filtered and sorted on the server, with the count of all that match — and never a school of another
// district.
const db = setupTestDatabase();
pinClock();

type Org = Awaited<ReturnType<typeof createOrganization>>;
let muni: Org, otherMuni: Org;
let methodist: { id: string }, otherMethodist: { id: string };
const SCHOOLS = 2000;

beforeAll(async () => {
  const prisma = db().prisma;
  muni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования большого округа" });
  otherMuni = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Отдел образования соседнего округа" });
  methodist = await createMember(prisma, muni.id, ["METHODIST"]);
  otherMethodist = await createMember(prisma, otherMuni.id, ["METHODIST"]);
  // 2,000 schools (every tenth a kindergarten, one with «%_» in its name), one archived, and a neighbour's school.
  await prisma.organization.createMany({
    data: Array.from({ length: SCHOOLS }, (_, i) => ({
      kind: "SCHOOL" as const,
      schoolKind: i % 10 === 0 ? ("KINDERGARTEN" as const) : ("GENERAL" as const),
      slug: `big-${pad(i)}`,
      name: i === 1234 ? "МБОУ «Школа №1234» 100%_" : `МБОУ «Школа №${pad(i)}»`,
      inn: i === 7 ? "2619000007" : null,
      parentId: muni.id,
    })),
  });
  await prisma.organization.createMany({
    data: [
      { kind: "SCHOOL", schoolKind: "GENERAL", slug: "big-archived", name: "МБОУ «Закрытая школа»", parentId: muni.id, archivedAt: new Date("2026-01-01T00:00:00Z") },
      { kind: "SCHOOL", schoolKind: "GENERAL", slug: "neighbour", name: "МБОУ «Школа №0001» соседнего округа", parentId: otherMuni.id },
    ],
  });
}, 120_000);

const asMethodist = () => tenantContext(muni, methodist, ["METHODIST"]);

describe("the district's organizations (the registry), a page at a time", () => {
  it("2,000 schools: 50 rows, the count of all, the last page; by name, type, ИНН; never the neighbour's", async () => {
    const ctx = asMethodist();
    const first = await listRegistryPage(ctx, {});
    expect(first).toMatchObject({ total: SCHOOLS + 1, page: 1, pages: 41, from: 0, to: 50 });
    expect(first.rows).toHaveLength(50);
    // By type (the kind, then the school's kind, then the name): the general schools first.
    expect(first.rows[0]!.name).toBe("МБОУ «Закрытая школа»");
    expect(first.rows[1]!.name).toBe("МБОУ «Школа №0001»");
    expect(await listRegistryPage(ctx, { page: 999_999 })).toMatchObject({ page: 41, from: 2000, to: 2001 });
    expect((await listRegistryPage(ctx, { sort: "-name" })).rows[0]!.name).toBe("МБОУ «Школа №1999»");
    const kindergartens = await listRegistryPage(ctx, { type: "KINDERGARTEN" });
    expect(kindergartens.total).toBe(200);
    expect(kindergartens.rows.every((o) => o.schoolKind === "KINDERGARTEN")).toBe(true);
    expect((await listRegistryPage(ctx, { q: "школа №0001" })).rows.map((o) => o.slug)).toEqual(["big-0001"]);
    expect((await listRegistryPage(ctx, { q: "2619000007" })).rows.map((o) => o.slug)).toEqual(["big-0007"]);
    expect((await listRegistryPage(ctx, { q: "big-0042" })).rows.map((o) => o.slug)).toEqual(["big-0042"]);
    // «%» and «_» are letters.
    expect((await listRegistryPage(ctx, { q: "%_" })).rows.map((o) => o.slug)).toEqual(["big-1234"]);
    expect((await listRegistryPage(ctx, { q: "соседнего" })).total).toBe(0);
    // The neighbour sees its own school only.
    expect((await listRegistryPage(tenantContext(otherMuni, otherMethodist, ["METHODIST"]), {})).rows.map((o) => o.slug)).toEqual(["neighbour"]);
  });

  it("a bad address parameter is ignored and named, not an error", () => {
    expect(readListParams(RegistrySearchInput, { page: "abc", sort: "inn", q: "Школа" })).toEqual({ search: { q: "Школа" }, ignored: ["page", "sort"] });
    expect(readListParams(RegistrySearchInput, { type: "SCHOOL", page: "2" })).toEqual({ search: { page: 2 }, ignored: ["type"] });
  });
});

describe("a campaign's progress, a page at a time", () => {
  it("2,000 schools: 50 rows, counts over all, filters by status and name, sorted by submission; another office's campaign is not found", { timeout: 120_000 }, async () => {
    const prisma = db().prisma;
    const created = await callOk(createCampaign, methodist.id, { org: muni.slug, formKey: "municipal", title: "Мониторинг", opensOn: "2026-12-01", closesOn: "2026-12-15" });
    const campaignId = String(created.campaignId);
    const ctx = asMethodist();
    const page = async (search: Parameters<typeof listCampaignSchoolsPage>[2]) => (await listCampaignSchoolsPage(ctx, campaignId, search))!;
    const before = await page({});
    expect(before).toMatchObject({ schools: SCHOOLS, total: SCHOOLS, page: 1, pages: 40, anySubmitted: false });
    expect(before.rows).toHaveLength(50);
    expect(before.rows.every((r) => r.status === "NOT_STARTED")).toBe(true);
    // 30 schools submitted (a minute apart), 10 of them confirmed; 5 drafts.
    const schools = await prisma.organization.findMany({ where: { parentId: muni.id, archivedAt: null }, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
    const at = (i: number) => new Date(Date.UTC(2026, 11, 2, 9, i));
    await prisma.monitoringSubmission.createMany({
      data: [
        ...schools.slice(0, 30).map((s, i) => ({ organizationId: s.id, officeId: muni.id, campaignId, status: i < 10 ? ("CONFIRMED" as const) : ("SUBMITTED" as const), submittedAt: at(i) })),
        ...schools.slice(100, 105).map((s) => ({ organizationId: s.id, officeId: muni.id, campaignId, status: "DRAFT" as const })),
      ],
    });
    const after = await page({});
    expect(after).toMatchObject({ anySubmitted: true, counts: { NOT_STARTED: SCHOOLS - 35, DRAFT: 5, SUBMITTED: 20, CONFIRMED: 10, RETURNED: 0 } });
    const submitted = await page({ status: "SUBMITTED" });
    expect(submitted.total).toBe(20);
    expect(submitted.rows.every((r) => r.status === "SUBMITTED")).toBe(true);
    // The latest submission first; then the earliest first (the schools not submitted go last).
    expect((await page({ sort: "-submitted" })).rows[0]!.submittedAt).toEqual(at(29));
    const earliest = await page({ sort: "submitted" });
    expect(earliest.rows[0]!.submittedAt).toEqual(at(0));
    expect(earliest.rows[30]!.submittedAt).toBeNull();
    // By name, and the last page.
    expect((await page({ q: "№1999" })).rows.map((r) => r.name)).toEqual(["МБОУ «Школа №1999»"]);
    expect((await page({ q: "100%" })).rows.map((r) => r.name)).toEqual(["МБОУ «Школа №1234» 100%_"]);
    const last = await page({ page: 40 });
    expect(last).toMatchObject({ page: 40, from: 1950, to: 2000 });
    expect(last.rows).toHaveLength(50);
    // The archived school and the neighbour's are not among the campaign's schools; the neighbour cannot open it.
    expect((await page({ q: "Закрытая" })).total).toBe(0);
    expect((await page({ q: "соседнего" })).total).toBe(0);
    expect(await listCampaignSchoolsPage(tenantContext(otherMuni, otherMethodist, ["METHODIST"]), campaignId, {})).toBeNull();
    expect(CampaignSchoolsSearchInput.safeParse({ status: "LOST" }).success).toBe(false);
  });
});
