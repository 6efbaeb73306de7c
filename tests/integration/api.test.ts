import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashOneTimeToken } from "../../lib/auth/one-time-token";
import { resetClock, setClock } from "../../lib/clock";
import { API_RATE_PER_MINUTE } from "../../lib/api/scopes";
import { GET as openApiRoute } from "../../app/api/v1/openapi.json/route";
import { GET as docsRoute } from "../../app/api/v1/docs/route";
import { apiSpec } from "../api/contract";
import { apiGet, apiImport, buildApiWorld, errorCode, issueToken, listForm, type ApiWorld } from "../api/world";
import { createMember } from "../factories";
import { setupTestDatabase } from "../setup/database";
import { createApiToken, revokeApiToken } from "../../lib/api/actions";
import { as, call } from "../setup/call";

// The HTTP API of regional integrations (issue #20 item 2, decision 045): tokens created and revoked through
// actions, every answer validated against the generated OpenAPI document (tests/api/contract.ts), 401 / 403 /
// 429 / 400 as JSON, the import all or nothing like the page. Cross-tenant: tests/integration/api-cross-tenant.test.ts.

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const db = setupTestDatabase();
let w: ApiWorld;

beforeAll(async () => {
  w = await buildApiWorld(db().prisma);
}, 60_000);

describe("the OpenAPI document and the docs page", () => {
  it("serves OpenAPI 3.1 with every operation, its scope and its answers", async () => {
    const res = openApiRoute();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as typeof apiSpec & { openapi: string; components: { securitySchemes: object } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(["/organizations/{org}/figures", "/organizations/{org}/pairs", "/organizations/{org}/people/import", "/organizations/{org}/programs", "/organizations/{org}/schools"]);
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item) as { security: object[]; responses: Record<string, unknown> }[]) {
        expect(op.security).toHaveLength(1);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
      }
    }
    expect(doc.components.securitySchemes).toMatchObject({ apiToken: { type: "http", scheme: "bearer" } });
  });

  it("renders a readable page without scripts", async () => {
    const res = docsRoute();
    const html = await res.text();
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html).toContain("GET /api/v1/organizations/{org}/figures");
    expect(html).toContain("POST /api/v1/organizations/{org}/people/import");
    expect(html).toContain("<code>people.import</code>");
    expect(html).toContain("Retry-After");
    expect(html).not.toMatch(/<script|<style|https?:\/\/(?!app)/i);
  });
});

describe("tokens", () => {
  it("are created by the head, shown once, stored as a hash, audited", async () => {
    const { token, apiTokenId } = await issueToken(w.directorA, w.a.slug, ["figures.read", "programs.read"]);
    expect(token).toMatch(/^nst_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const row = await db().prisma.apiToken.findUniqueOrThrow({ where: { id: apiTokenId } });
    expect(row).toMatchObject({ organizationId: w.a.id, tokenHash: hashOneTimeToken(token), scopes: ["figures.read", "programs.read"], createdById: w.directorA, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(token.slice(-43));
    const audit = await db().prisma.auditEvent.findMany({ where: { organizationId: w.a.id, action: "apiTokens.create", targetId: apiTokenId } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain(token.slice(-43));
  });

  it("are refused to other roles, to empty scopes, and the import scope to an office", async () => {
    const curator = await createMember(db().prisma, w.a.id, ["CURATOR"]);
    const before = await db().prisma.apiToken.count();
    expect(await call(createApiToken, as(curator), { org: w.a.slug, name: "x", scopes: ["figures.read"] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(createApiToken, w.directorA, { org: w.a.slug, name: "x", scopes: [] })).toMatchObject({ ok: false, error: { code: "VALIDATION", fieldErrors: { scopes: [expect.any(String)] } } });
    expect(await call(createApiToken, w.directorA, { org: w.a.slug, name: "x", scopes: ["everything"] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await call(createApiToken, w.headD1, { org: w.d1.slug, name: "x", scopes: ["people.import"] })).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(await db().prisma.apiToken.count()).toBe(before);
  });

  it("answer 401 without a token, with a malformed, unknown or revoked one; revocation is audited", async () => {
    const { token, apiTokenId } = await issueToken(w.directorA, w.a.slug, ["programs.read"]);
    expect((await apiGet("programs", token, w.a.slug)).status).toBe(200);
    const noToken = await apiGet("programs", null, w.a.slug);
    expect([noToken.status, errorCode(noToken)]).toEqual([401, "UNAUTHENTICATED"]);
    for (const bad of ["x", token.slice(0, -1), `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, "nst_" + "0".repeat(32) + "_" + "a".repeat(43)]) {
      expect((await apiGet("programs", bad, w.a.slug)).status, bad).toBe(401);
    }
    expect((await apiGet("programs", null, w.a.slug, "", { authorization: `Basic ${token}` })).status).toBe(401);
    expect(await call(revokeApiToken, w.directorA, { org: w.a.slug, apiTokenId })).toMatchObject({ ok: true });
    const revoked = await apiGet("programs", token, w.a.slug);
    expect([revoked.status, errorCode(revoked)]).toEqual([401, "UNAUTHENTICATED"]);
    expect(await call(revokeApiToken, w.directorA, { org: w.a.slug, apiTokenId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Another school's head cannot revoke it (nor learn it exists).
    expect(await call(revokeApiToken, w.directorB, { org: w.b.slug, apiTokenId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await db().prisma.auditEvent.count({ where: { organizationId: w.a.id, action: "apiTokens.revoke", targetId: apiTokenId } })).toBe(1);
  });

  it("answer 403 without the scope, and record the last use", async () => {
    const { token, apiTokenId } = await issueToken(w.directorA, w.a.slug, ["figures.read"]);
    for (const endpoint of ["programs", "pairs"] as const) {
      const res = await apiGet(endpoint, token, w.a.slug);
      expect([res.status, errorCode(res)]).toEqual([403, "FORBIDDEN"]);
    }
    const imported = await apiImport(token, w.a.slug, listForm("Фамилия;Имя\nИванова;Мария\n"));
    expect(imported.status).toBe(403);
    const row = await db().prisma.apiToken.findUniqueOrThrow({ where: { id: apiTokenId } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("answer 429 with Retry-After over the rate, and again after the minute", async () => {
    setClock("2026-12-04T12:00:00+03:00");
    try {
      const { token } = await issueToken(w.directorA, w.a.slug, ["programs.read"]);
      for (let i = 0; i < API_RATE_PER_MINUTE; i++) expect((await apiGet("programs", token, w.a.slug)).status).toBe(200);
      setClock("2026-12-04T12:00:45+03:00");
      const over = await apiGet("programs", token, w.a.slug);
      expect([over.status, errorCode(over)]).toEqual([429, "RATE_LIMITED"]);
      // The window opened with the first request, a moment after 12:00:00 (the app clock runs on from setClock).
      expect(["15", "16"]).toContain(over.headers.get("retry-after"));
      // The limit counts the token, not the organization: another token of A is served.
      const other = await issueToken(w.directorA, w.a.slug, ["programs.read"]);
      expect((await apiGet("programs", other.token, w.a.slug)).status).toBe(200);
      setClock("2026-12-04T12:01:01+03:00");
      expect((await apiGet("programs", token, w.a.slug)).status).toBe(200);
    } finally {
      resetClock();
    }
  });
});

describe("reads", () => {
  it("answer 400 with field errors for malformed parameters", async () => {
    const { token } = await issueToken(w.directorA, w.a.slug, ["figures.read", "programs.read"]);
    const year = await apiGet("figures", token, w.a.slug, "?year=20x6");
    expect([year.status, errorCode(year)]).toEqual([400, "VALIDATION"]);
    expect((year.body as { error: { fieldErrors: object } }).error.fieldErrors).toHaveProperty("year");
    const program = await apiGet("pairs", token, w.a.slug, "?program=' OR 1=1 --");
    expect((program.body as { error: { fieldErrors: object } }).error.fieldErrors).toHaveProperty("program");
    const slug = await apiGet("programs", token, "../../etc");
    expect([slug.status, Object.keys((slug.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([400, ["org"]]);
    // An unknown program of the school: 404, and another school's program is unknown to it.
    expect((await apiGet("pairs", token, w.a.slug, `?program=${w.programB}`)).status).toBe(404);
  });

  it("return a school's programs and pairs by ids, no names", async () => {
    const { token } = await issueToken(w.directorA, w.a.slug, ["programs.read"]);
    const programs = await apiGet("programs", token, w.a.slug);
    expect(programs.body).toMatchObject({ organization: { slug: w.a.slug, kind: "SCHOOL" }, programs: [{ id: w.programA, academicYear: 2026, stage: 4, status: "ACTIVE" }] });
    const pairs = await apiGet("pairs", token, w.a.slug, `?program=${w.programA}`);
    expect(pairs.body).toMatchObject({ program: { id: w.programA }, pairs: [{ id: w.pairA, status: "ACTIVE", mentorId: w.mentorA, menteeIds: [w.menteeA] }] });
    expect(JSON.stringify(pairs.body)).not.toMatch(/Наставникова|Молодов|Анна|Пётр/);
    expect((await apiGet("pairs", token, w.a.slug)).body).toMatchObject({ program: { id: w.programA } });
  });

  it("return a school's own figures row, and English messages on request", async () => {
    const { token } = await issueToken(w.directorA, w.a.slug, ["figures.read"]);
    const res = await apiGet("figures", token, w.a.slug, "?year=2026");
    expect(res.body).toMatchObject({ year: 2026, summary: null, schools: [{ schoolId: w.a.id, program: { id: w.programA, stage: 4 }, pairs: { active: 1 } }] });
    const english = await apiGet("programs", token, w.a.slug, "", { "accept-language": "en-GB,en;q=0.9" });
    expect((english.body as { error: { message: string } }).error.message).toMatch(/scope/);
  });
});

describe("the people import", () => {
  const people = () => db().prisma.person.count({ where: { organizationId: w.a.id } });

  it("creates everyone, skips duplicates, audits under the token", async () => {
    const { token, apiTokenId } = await issueToken(w.directorA, w.a.slug, ["people.import"]);
    const before = await people();
    const res = await apiImport(token, w.a.slug, listForm("Фамилия;Имя;Отчество;Дата рождения\nИванова;Мария;Петровна;12.03.1990\nПетров;Иван;;01.01.1980\n"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 2, created: 2, skippedDuplicates: 0 });
    expect(await people()).toBe(before + 2);
    const again = await apiImport(token, w.a.slug, listForm("Фамилия;Имя;Отчество;Дата рождения\nИванова;Мария;Петровна;12.03.1990\n"));
    expect(again.body).toMatchObject({ created: 0, skippedDuplicates: 1 });
    const audit = await db().prisma.auditEvent.findMany({ where: { organizationId: w.a.id, action: "api.peopleImport" } });
    expect(audit.map((a) => (a.data as { apiTokenId: string }).apiTokenId)).toEqual([apiTokenId, apiTokenId]);
  });

  it("refuses the whole file for one bad row, writing nothing (400 with the rows)", async () => {
    const { token } = await issueToken(w.directorA, w.a.slug, ["people.import"]);
    const before = [await people(), await db().prisma.auditEvent.count()];
    const res = await apiImport(token, w.a.slug, listForm("Фамилия;Имя;Дата рождения\nСидорова;Анна;01.02.1985\nКозлов;Олег;31.02.1990\n"));
    expect([res.status, errorCode(res)]).toEqual([400, "VALIDATION"]);
    expect((res.body as { error: { details: string[] } }).error.details).toEqual([expect.stringMatching(/^3: /)]);
    expect([await people(), await db().prisma.auditEvent.count()]).toEqual(before);
  });

  it("answers 400 for a body that is not a form or a form without a file", async () => {
    const { token } = await issueToken(w.directorA, w.a.slug, ["people.import"]);
    const before = await people();
    const json = await apiImport(token, w.a.slug, JSON.stringify({ file: "x" }));
    expect([json.status, Object.keys((json.body as { error: { fieldErrors: object } }).error.fieldErrors)]).toEqual([400, ["file"]]);
    const form = new FormData();
    form.set("defaultKind", "ALIEN");
    const empty = await apiImport(token, w.a.slug, form);
    expect(empty.status).toBe(400);
    expect(Object.keys((empty.body as { error: { fieldErrors: object } }).error.fieldErrors)).toEqual(expect.arrayContaining(["file"]));
    expect(await people()).toBe(before);
  });
});
