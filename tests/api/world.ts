import type { PrismaClient } from "../../lib/db/generated/prisma/client";
import { GET as figuresRoute } from "../../app/api/v1/organizations/[org]/figures/route";
import { GET as schoolsRoute } from "../../app/api/v1/organizations/[org]/schools/route";
import { GET as programsRoute } from "../../app/api/v1/organizations/[org]/programs/route";
import { GET as pairsRoute } from "../../app/api/v1/organizations/[org]/pairs/route";
import { POST as importRoute } from "../../app/api/v1/organizations/[org]/people/import/route";
import { createMember, createOrganization, createPairRow } from "../factories";
import { expectContract, type Checked } from "./contract";
import { callOk } from "../setup/call";
import { createApiToken } from "../../lib/api/actions";

// The API suites' world: two municipalities (D1 with schools A and B, D2 with school C), their heads and the
// schools' directors, a program with one pair in A and B, and a way to call each endpoint as a token would.

type Org = { id: string; slug: string; name: string };
export type ApiWorld = {
  d1: Org; d2: Org; a: Org; b: Org; c: Org;
  directorA: string; directorB: string; headD1: string; headD2: string;
  programA: string; pairA: string; mentorA: string; menteeA: string; programB: string;
};

export async function buildApiWorld(prisma: PrismaClient): Promise<ApiWorld> {
  const d1 = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Управление образования 1" });
  const d2 = await createOrganization(prisma, { kind: "MUNICIPALITY", name: "Управление образования 2" });
  const a = await createOrganization(prisma, { parentId: d1.id, name: "Школа А" });
  const b = await createOrganization(prisma, { parentId: d1.id, name: "Школа Б" });
  const c = await createOrganization(prisma, { parentId: d2.id, name: "Школа В" });
  const directorA = (await createMember(prisma, a.id, ["DIRECTOR"])).id;
  const directorB = (await createMember(prisma, b.id, ["DIRECTOR"])).id;
  const headD1 = (await createMember(prisma, d1.id, ["MUNICIPAL_HEAD"])).id;
  const headD2 = (await createMember(prisma, d2.id, ["MUNICIPAL_HEAD"])).id;
  const pairOf = async (org: Org, by: string) => {
    const program = await prisma.mentoringProgram.create({ data: { organizationId: org.id, academicYear: 2026, title: "Программа", audience: "TEACHERS", stage: 4 } });
    const mentorPerson = await prisma.person.create({ data: { organizationId: org.id, kind: "TEACHER", lastName: "Наставникова", firstName: "Анна" } });
    const menteePerson = await prisma.person.create({ data: { organizationId: org.id, kind: "TEACHER", lastName: "Молодов", firstName: "Пётр" } });
    const mentor = await prisma.mentorProfile.create({ data: { organizationId: org.id, personId: mentorPerson.id, addedById: by, status: "APPROVED" } });
    const mentee = await prisma.menteeProfile.create({ data: { organizationId: org.id, personId: menteePerson.id, addedById: by, category: "YOUNG_SPECIALIST", source: "QUESTIONNAIRE" } });
    const pair = await createPairRow(prisma, { organizationId: org.id, programId: program.id, mentorId: mentor.id, menteeIds: [mentee.id], status: "ACTIVE", proposedById: by });
    return { program: program.id, pair: pair.id, mentor: mentor.id, mentee: mentee.id };
  };
  const pa = await pairOf(a, directorA);
  const pb = await pairOf(b, directorB);
  return { d1, d2, a, b, c, directorA, directorB, headD1, headD2, programA: pa.program, pairA: pa.pair, mentorA: pa.mentor, menteeA: pa.mentee, programB: pb.program };
}

/** A token created through the action, as the head would on the settings page. */
export async function issueToken(userId: string, org: string, scopes: string[], name = "Региональная система"): Promise<{ token: string; apiTokenId: string }> {
  return callOk(createApiToken, userId, { org, name, scopes });
}

const BASE = "http://app.test/api/v1";
const headersOf = (token: string | null, extra: Record<string, string> = {}) => (token === null ? extra : { authorization: `Bearer ${token}`, ...extra });
const ctx = (org: string) => ({ params: Promise.resolve({ org }) });

export type Endpoint = "figures" | "schools" | "programs" | "pairs";
const ROUTES = { figures: figuresRoute, schools: schoolsRoute, programs: programsRoute, pairs: pairsRoute };

/** GET an endpoint as the token (null: no Authorization header), checked against the contract. */
export async function apiGet(endpoint: Endpoint, token: string | null, org: string, query = "", headers: Record<string, string> = {}): Promise<Checked> {
  const request = new Request(`${BASE}/organizations/${org}/${endpoint}${query}`, { headers: headersOf(token, headers) });
  return expectContract(await ROUTES[endpoint](request, ctx(org)), "get", `/organizations/{org}/${endpoint}`);
}

/** POST a people list as the token (a multipart form, or the raw body given). */
export async function apiImport(token: string | null, org: string, body: FormData | string): Promise<Checked> {
  const init: RequestInit = { method: "POST", headers: headersOf(token, typeof body === "string" ? { "content-type": "application/json" } : {}), body };
  return expectContract(await importRoute(new Request(`${BASE}/organizations/${org}/people/import`, init), ctx(org)), "post", "/organizations/{org}/people/import");
}

export function listForm(text: string, name = "list.csv"): FormData {
  const form = new FormData();
  form.set("file", new File([new TextEncoder().encode(text)], name, { type: "text/csv" }));
  form.set("defaultKind", "TEACHER");
  return form;
}

export const errorCode = (checked: Checked) => (checked.body as { error: { code: string } }).error.code;
