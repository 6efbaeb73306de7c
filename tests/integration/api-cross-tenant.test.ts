import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseApiToken } from "../../lib/api/tokens";
import { hashOneTimeToken } from "../../lib/auth/one-time-token";
import { apiGet, apiImport, buildApiWorld, errorCode, issueToken, listForm, type ApiWorld } from "../api/world";
import { setupTestDatabase } from "../setup/database";

// The API's tenant walls (issue #20 item 2, decision 045): a school's token reads its own school only; an
// office's token reads the aggregates of its own schools only — never another office's, never a school's
// rows (programs, pairs), never a write. Every answer is checked against the OpenAPI document too.

vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const db = setupTestDatabase();
let w: ApiWorld;
let schoolA: string;
let officeD1: string;
const ALL = ["figures.read", "programs.read", "people.import"];

beforeAll(async () => {
  w = await buildApiWorld(db().prisma);
  schoolA = (await issueToken(w.directorA, w.a.slug, ALL)).token;
  officeD1 = (await issueToken(w.headD1, w.d1.slug, ["figures.read", "programs.read"])).token;
}, 60_000);

const fingerprint = async () => [await db().prisma.person.count(), await db().prisma.auditEvent.count(), await db().prisma.pair.count()];

describe("a school's token", () => {
  it("reads nothing of another school or office: 403 for every endpoint", async () => {
    for (const org of [w.b.slug, w.c.slug, w.d1.slug, w.d2.slug, "no-such-school"]) {
      for (const endpoint of ["figures", "schools", "programs", "pairs"] as const) {
        const res = await apiGet(endpoint, schoolA, org);
        expect([res.status, errorCode(res)], `${endpoint} of ${org}`).toEqual([403, "FORBIDDEN"]);
        expect(JSON.stringify(res.body)).not.toContain(w.programB);
      }
    }
  });

  it("imports into no other school", async () => {
    const before = await fingerprint();
    for (const org of [w.b.slug, w.d1.slug]) {
      const res = await apiImport(schoolA, org, listForm("Фамилия;Имя\nЧужая;Анна\n"));
      expect([res.status, errorCode(res)], org).toEqual([403, "FORBIDDEN"]);
    }
    expect(await fingerprint()).toEqual(before);
  });

  it("does not open another school when its text is edited to name it (the hash is looked up in that school's scope)", async () => {
    const forged = schoolA.replace(/^nst_[0-9a-f]{32}_/, `nst_${w.b.id.replace(/-/g, "")}_`);
    expect(parseApiToken(forged)?.organizationId).toBe(w.b.id);
    for (const org of [w.b.slug, w.a.slug]) expect((await apiGet("programs", forged, org)).status).toBe(401);
    // Even the right hash stored in A is invisible from B's scope.
    expect(await db().prisma.apiToken.count({ where: { tokenHash: hashOneTimeToken(schoolA) } })).toBe(1);
  });
});

describe("an office's token", () => {
  it("reads the aggregates of its own schools only", async () => {
    const res = await apiGet("figures", officeD1, w.d1.slug, "?year=2026");
    const body = res.body as { schools: { schoolId: string }[]; summary: { schools: number } };
    expect(res.status).toBe(200);
    expect(body.schools.map((s) => s.schoolId).sort()).toEqual([w.a.id, w.b.id].sort());
    expect(body.summary).toMatchObject({ schools: 2, pairs: { active: 2 } });
    expect(JSON.stringify(body)).not.toMatch(/Наставникова|Молодов/);
    const schools = await apiGet("schools", officeD1, w.d1.slug);
    expect((schools.body as { schools: { id: string }[] }).schools.map((s) => s.id).sort()).toEqual([w.a.id, w.b.id].sort());
  });

  it("reads one school of its tree as that school's aggregate row", async () => {
    const res = await apiGet("figures", officeD1, w.a.slug, "?year=2026");
    expect(res.body).toMatchObject({ organization: { slug: w.d1.slug }, summary: null, schools: [{ schoolId: w.a.id, pairs: { active: 1 } }] });
    expect((res.body as { schools: unknown[] }).schools).toHaveLength(1);
  });

  it("reads no school of another office, no other office, and no school's rows", async () => {
    for (const org of [w.c.slug, w.d2.slug]) {
      const res = await apiGet("figures", officeD1, org);
      expect([res.status, errorCode(res)], org).toEqual([403, "FORBIDDEN"]);
      expect(JSON.stringify(res.body)).not.toContain(w.c.id);
    }
    for (const endpoint of ["programs", "pairs", "schools"] as const) {
      const res = await apiGet(endpoint, officeD1, w.a.slug);
      expect([res.status, errorCode(res)], endpoint).toEqual([403, "FORBIDDEN"]);
    }
  });

  it("another office's token sees none of D1's schools", async () => {
    const officeD2 = (await issueToken(w.headD2, w.d2.slug, ["figures.read"])).token;
    const own = await apiGet("figures", officeD2, w.d2.slug);
    expect((own.body as { schools: { schoolId: string }[] }).schools.map((s) => s.schoolId)).toEqual([w.c.id]);
    for (const org of [w.a.slug, w.b.slug, w.d1.slug]) expect((await apiGet("figures", officeD2, org)).status, org).toBe(403);
  });

  it("imports nowhere", async () => {
    const office = (await issueToken(w.headD1, w.d1.slug, ["figures.read"])).token;
    const before = await fingerprint();
    for (const org of [w.d1.slug, w.a.slug]) expect((await apiImport(office, org, listForm("Фамилия;Имя\nЧужая;Анна\n"))).status, org).toBe(403);
    expect(await fingerprint()).toEqual(before);
  });
});
