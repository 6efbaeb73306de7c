import "server-only";
import type { z } from "zod";
import { readPage, type TenantContext } from "../auth/tenant";
import { withDb } from "../db";
import type { AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { importPeopleViaApi } from "./actions";
import { apiReadContext, authenticateApi, otherOrganization, requireScope, type ApiCaller } from "./authenticate";
import { FiguresQuery, OrgPath, PairsQuery } from "./contract";
import { apiFigures, apiPairs, apiPrograms, apiSchools, apiYear } from "./queries";
import { apiActionError, apiError, apiHandle, apiJson } from "./respond";
import type { ApiScope } from "./scopes";
import { bearerToken } from "./tokens";

// The endpoints of /api/v1 (decision 045); the route handlers under app/api/v1 only call these. Order of
// checks: the token (401, 429), the parameters (400), the scope (403), the organization (403).

type Params = Promise<Record<string, string | string[]>>;

function fieldErrors(locale: AppLocale, error: z.ZodError): Record<string, string[]> {
  const t = translator(locale);
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "_").slice(0, 40);
    out[name] ??= [t("errors.badParameter", { name })];
  }
  return out;
}

function searchObject(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}

type Prepared<Q> = { caller: ApiCaller; org: string; query: Q };

/** Token, parameters, scope: the caller and the parsed parameters, or the refusal. */
async function prepare<Q extends z.ZodType>(request: Request, params: Params, locale: AppLocale, scope: ApiScope, querySchema: Q): Promise<Prepared<z.output<Q>> | Response> {
  const auth = await authenticateApi(request, locale);
  if (!auth.ok) return auth.response;
  const path = OrgPath.safeParse(await params);
  const query = querySchema.safeParse(searchObject(request));
  if (!path.success || !query.success) {
    const errors = { ...(path.success ? {} : fieldErrors(locale, path.error)), ...(query.success ? {} : fieldErrors(locale, query.error)) };
    return apiError(locale, "VALIDATION", "validation", { fieldErrors: errors });
  }
  return requireScope(auth.caller, scope, locale) ?? { caller: auth.caller, org: path.data.org, query: query.data };
}

/** Reads in the token's own organization only (403 for another one), in one transaction. */
function ownRead<Q extends z.ZodType>(name: string, scope: ApiScope, querySchema: Q, read: (ctx: TenantContext, query: z.output<Q>) => Promise<unknown | null>) {
  return (request: Request, { params }: { params: Params }) =>
    apiHandle(request, name, async (locale) => {
      const p = await prepare(request, params, locale, scope, querySchema);
      if (p instanceof Response) return p;
      if (p.org !== p.caller.organization.slug) return otherOrganization(locale);
      const body = await readPage(apiReadContext(p.caller), (ctx) => read(ctx, p.query));
      return body === null ? apiError(locale, "NOT_FOUND", "notFound") : apiJson(body);
    });
}

/** The id of a school by its slug (organizations are readable to everyone: RLS does not hide them). */
function schoolIdOf(slug: string): Promise<string | null> {
  return withDb({}, async (tx) => (await tx.organization.findFirst({ where: { slug, kind: "SCHOOL" }, select: { id: true } }))?.id ?? null);
}

/**
 * GET …/figures: the token's own organization, or — for an office's token — one school of its tree, whose
 * aggregate row it gets (never the school's own rows). Any other organization: 403.
 */
export function figuresEndpoint(request: Request, context: { params: Params }): Promise<Response> {
  return apiHandle(request, "figures", async (locale) => {
    const p = await prepare(request, context.params, locale, "figures.read", FiguresQuery);
    if (p instanceof Response) return p;
    const ctx = apiReadContext(p.caller);
    const year = apiYear(ctx, p.query.year);
    if (p.org === p.caller.organization.slug) return apiJson(await readPage(ctx, (read) => apiFigures(read, year)));
    if (p.caller.organization.kind === "SCHOOL") return otherOrganization(locale);
    const schoolId = await schoolIdOf(p.org);
    const body = schoolId ? await readPage(ctx, (read) => apiFigures(read, year, schoolId)) : null;
    return body ? apiJson(body) : otherOrganization(locale);
  });
}

export const schoolsEndpoint = ownRead("schools", "figures.read", FiguresQuery, (ctx, q) => apiSchools(ctx, apiYear(ctx, q.year)));
export const programsEndpoint = ownRead("programs", "programs.read", PairsQuery.pick({}), (ctx) => apiPrograms(ctx));
export const pairsEndpoint = ownRead("pairs", "programs.read", PairsQuery, (ctx, q) => apiPairs(ctx, q.program));

/** POST …/people/import: multipart form like the import page's; the action refuses the whole file or creates everyone. */
export function peopleImportEndpoint(request: Request, context: { params: Params }): Promise<Response> {
  return apiHandle(request, "peopleImport", async (locale) => {
    const p = await prepare(request, context.params, locale, "people.import", PairsQuery.pick({}));
    if (p instanceof Response) return p;
    if (p.org !== p.caller.organization.slug) return otherOrganization(locale);
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return apiError(locale, "VALIDATION", "apiMultipartRequired", { fieldErrors: { file: [translator(locale)("errors.apiMultipartRequired")] } });
    }
    const input: Record<string, unknown> = { token: bearerToken(request.headers.get("authorization")) ?? "" };
    for (const key of ["file", "encoding", "defaultKind", "mapping"]) {
      const value = form.get(key);
      if (value !== null) input[key] = value;
    }
    const result = await importPeopleViaApi(input as never);
    return result.ok ? apiJson(result.data) : apiActionError(result.error);
  });
}
