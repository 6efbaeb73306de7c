import { refresh } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { isDatabaseUnavailable, setDbScope, withDb, Prisma, type Tx } from "../db";
import { checkCredentials } from "../auth/credentials";
import { hasPermission, type Permission } from "../auth/permissions";
import { requestClientAddress } from "../http/client-address";
import type { AppRole } from "../auth/roles";
import type { SessionUser } from "../auth/session";
import { liveSessionWhere } from "../auth/sessions";
import { resolveTenant, type TenantOrganization } from "../auth/tenant";
import { DEFAULT_LOCALE, toLocale, type AppLocale } from "../i18n/config";
import { translator } from "../i18n/translator";
import { errorText, getLogger } from "../observability/logger";
import { observeAction } from "../observability/metrics";
import { IDEMPOTENCY_FIELD } from "./idempotency-key";
import { claimIdempotencyKey, saveIdempotentResult, takeIdempotencyKey } from "./idempotency";
import { isRefusal, type ActionError, type ActionResult, type ErrorCode, type Refusal } from "./result";

/**
 * The one action wrapper (CONTRIBUTING.md «Adding an action»). In order: session → organization from the input and
 * membership → permission → zod → one transaction with the tenant's RLS scope → body → audit record
 * → { ok, data } or { ok: false, error }. Expected failures are values; nothing is written by a refusal.
 * Four scopes: "tenant" (a member acting in an organization; refused while it is archived), "user" (the
 * signed-in user's own account), "public" (a token in the input) and "operator" (the platform operator,
 * decision 018: no organization in the scope, so RLS hides every tenant table from the body).
 */

/** One audit record's details (the action and the actor are the wrapper's). */
export type AuditRecord = {
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
  /**
   * Where the record is written. Operator actions: the organization acted on (a tenant action's is its own).
   * Public actions: the organization whose record it is (no actor); without it a public action records nothing.
   */
  organizationId?: string;
};
export type AuditDetails = AuditRecord & {
  /**
   * Tenant actions: further records of the same action, each in its organization (the acting one unless
   * named) — e.g. the record a district action leaves in the school it acted on. Written by the wrapper,
   * never by the body (decision 051).
   */
  also?: AuditRecord[];
};
export type Done<T> = { value: T; audit?: AuditDetails };

type TenantCtx = { user: SessionUser; organization: TenantOrganization; roles: AppRole[] };

type Body<I, T, C> = (args: { input: I; tx: Tx; ctx: C }) => Promise<Done<T> | Refusal>;

export type TenantActionDef<S extends z.ZodType, T> = {
  name: string;
  scope: "tenant";
  permission: Permission;
  /** Must contain `org` (the organization slug). */
  input: S;
  /** false for actions that change nothing (a preview): no audit record. */
  audit?: boolean;
  /**
   * false for a preview: its answer is shown by the form and the page is not rendered again. Every other
   * action's successful answer carries the page rendered anew (`refreshPageOf`).
   */
  refresh?: false;
  /**
   * A creating action (its repetition would duplicate rows): a submission with an idempotency key returns
   * the first result for that key instead of running again (lib/actions/idempotency.ts, decision 015).
   */
  idempotent?: boolean;
  run: Body<z.infer<S>, T, TenantCtx>;
};
export type UserActionDef<S extends z.ZodType, T> = {
  name: string;
  scope: "user";
  input: S;
  /**
   * The input field holding the user's current password, for actions that ask for it: the wrapper checks
   * it through the sign-in limiter (lib/auth/credentials.ts) before the body runs, so a wrong password
   * is counted like a failed sign-in and a locked account is refused here too.
   */
  reauthenticate?: string;
  run: Body<z.infer<S>, T, { user: SessionUser }>;
};
export type PublicActionDef<S extends z.ZodType, T> = {
  name: string;
  scope: "public";
  input: S;
  /** Public bodies set their own RLS scope (setDbScope) and write their own audit records. */
  run: Body<z.infer<S>, T, Record<string, never>>;
  /** false when the page answered from must stay as it is (a one-time link's form shows its thanks). */
  refresh?: false;
};
/**
 * The platform operator's actions (decision 018): the user must be an operator (`User.isOperator`). The body
 * runs in the scope {userId} only — no organization, so every tenant table reads and writes nothing unless
 * the body deliberately scopes itself to the organization it creates or changes (setDbScope). The audit
 * record goes into the organization the body names (`audit.organizationId`).
 */
export type OperatorActionDef<S extends z.ZodType, T> = {
  name: string;
  scope: "operator";
  input: S;
  run: Body<z.infer<S>, T, { user: SessionUser }>;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionDef = TenantActionDef<any, any> | UserActionDef<any, any> | PublicActionDef<any, any> | OperatorActionDef<any, any>;

/** Every defined action, by name: the permission-matrix test walks this. */
export const ACTION_REGISTRY = new Map<string, AnyActionDef>();

export function done<T>(value: T, audit?: AuditDetails): Done<T> {
  return { value, audit };
}

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function failure(
  locale: AppLocale,
  code: ErrorCode,
  messageKey: string,
  fieldErrors?: Record<string, string>,
  extra: { values?: Record<string, string | number>; details?: string[]; fieldValues?: Record<string, Record<string, string | number>> } = {},
): { ok: false; error: ActionError } {
  const t = translator(locale);
  const translate = (key: string, values?: Record<string, string | number>) =>
    t.has(`errors.${key}` as never) ? t(`errors.${key}` as never, values as never) : t("errors.validation");
  return {
    ok: false,
    error: {
      code,
      message: translate(messageKey, extra.values),
      fieldErrors: fieldErrors
        ? Object.fromEntries(Object.entries(fieldErrors).map(([field, key]) => [field, [translate(key, extra.fieldValues?.[field])]]))
        : undefined,
      details: extra.details,
    },
  };
}

/**
 * zod issues carry message keys ("required", "email"…) shared with the client-side forms; a custom issue's
 * params are the message's values ({max}), and one marked `headline` (a file over its limit) is also the
 * refusal's message.
 */
export function validationFailure(locale: AppLocale, error: z.ZodError): { ok: false; error: ActionError } {
  const fieldErrors: Record<string, string> = {};
  const fieldValues: Record<string, Record<string, string | number>> = {};
  let headline: { key: string; values?: Record<string, string | number> } | null = null;
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_");
    if (field in fieldErrors) continue;
    fieldErrors[field] = issue.message;
    const { headline: isHeadline, ...values } = (issue.code === "custom" ? issue.params : undefined) ?? {};
    if (Object.keys(values).length) fieldValues[field] = values as Record<string, string | number>;
    if (isHeadline && !headline) headline = { key: issue.message, values: fieldValues[field] };
  }
  return failure(locale, "VALIDATION", headline?.key ?? "validation", fieldErrors, { values: headline?.values, fieldValues });
}

function toPlainInput(raw: unknown): unknown {
  if (raw instanceof FormData) {
    const out: Record<string, unknown> = {};
    // Strings and Files as they are (a repeated key, e.g. checkboxes, becomes a list); React's own
    // $ACTION_* fields are not input.
    for (const [key, value] of raw.entries()) {
      if (key.startsWith("$ACTION")) continue;
      const previous = out[key];
      out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
    }
    return out;
  }
  return raw;
}

/**
 * Text PostgreSQL cannot store as given: a NUL character (text and jsonb refuse it: the query fails) or
 * broken UTF-16 (a lone surrogate would be stored as U+FFFD, i.e. altered). Returns the top-level field
 * holding such a string (or key, or file name), so that it is refused as invalid input instead of failing or mangling.
 */
function fieldWithUnstorableText(input: unknown): string | null {
  const bad = (s: string) => s.includes("\u0000") || !s.isWellFormed();
  const visit = (value: unknown, depth: number): boolean => {
    if (typeof value === "string") return bad(value);
    if (value instanceof File) return bad(value.name); // the name is stored with the file
    if (depth > 20 || value === null || typeof value !== "object" || value instanceof Blob) return false;
    if (Array.isArray(value)) return value.some((v) => visit(v, depth + 1));
    return Object.entries(value).some(([k, v]) => bad(k) || visit(v, depth + 1));
  };
  if (typeof input === "string") return bad(input) ? "_" : null;
  if (input === null || typeof input !== "object") return null;
  for (const [key, value] of Object.entries(input)) {
    if (bad(key)) return "_";
    if (visit(value, 0)) return key;
  }
  return null;
}

async function requestLocale(fallback?: string): Promise<AppLocale> {
  try {
    const { cookies } = await import("next/headers");
    const value = (await cookies()).get("NEXT_LOCALE")?.value;
    if (value) return toLocale(value);
  } catch {
    // outside a request (tests, scripts)
  }
  return fallback ? toLocale(fallback) : DEFAULT_LOCALE;
}

class RollbackWith extends Error {
  constructor(readonly refusal: Refusal) {
    super("rollback");
  }
}

/** A refusal decided before the body (session, organization, permission, input): already worded. */
class RefuseEarly extends Error {
  constructor(readonly result: { ok: false; error: ActionError }) {
    super("refused");
  }
}

/** Who calls: the session's ids (a live session is checked in the transaction) or a bare user id (tests, scripts). */
export type Actor = string | { userId: string; sessionId: string };

type Prepared = { input: unknown; user: SessionUser | null; tenant: TenantCtx | null; locale: AppLocale; idempotencyKey?: string | null };

const USER_SELECT = { id: true, name: true, email: true, locale: true } as const;

async function loadActor(tx: Tx, actor: Actor): Promise<SessionUser | null> {
  if (typeof actor === "string") return tx.user.findUnique({ where: { id: actor }, select: USER_SELECT });
  const session = await tx.userSession.findFirst({ where: liveSessionWhere(actor.userId, actor.sessionId), select: { user: { select: USER_SELECT } } });
  return session?.user ?? null;
}

/**
 * Everything before the body, on the body's own transaction (one transaction per action): the user (and
 * their session), the organization and membership, the permission, the input. A refusal throws RefuseEarly
 * (nothing has been written; the transaction rolls back).
 */
async function prepare(tx: Tx, def: AnyActionDef, actor: Actor, raw: unknown, fallbackLocale: AppLocale): Promise<Prepared> {
  let locale = fallbackLocale;
  const { input, key } = takeIdempotencyKey(toPlainInput(raw));
  const loaded = await loadActor(tx, actor);
  if (!loaded) throw new RefuseEarly(failure(locale, "UNAUTHENTICATED", "unauthenticated"));
  locale = await requestLocale(loaded.locale);
  // The body words its details (ctx.user.locale) in the language the wrapper words its message: the reader's
  // (the NEXT_LOCALE cookie), else the account's saved one — never one language above the other below.
  const user = { ...loaded, locale };
  let tenant: TenantCtx | null = null;
  if (def.scope === "tenant") {
    const slug = typeof input === "object" && input !== null ? (input as { org?: unknown }).org : undefined;
    const found = await resolveTenant(tx, user.id, slug);
    // A stranger learns nothing about whether the organization exists.
    if (!found.ok) throw new RefuseEarly(failure(locale, found.code, found.code === "NOT_FOUND" ? "notFound" : "forbidden"));
    if (!hasPermission(found.roles, def.permission)) throw new RefuseEarly(failure(locale, "FORBIDDEN", "forbidden"));
    // An archived organization is read-only (decision 018): its pages still read, nothing is written.
    if (found.organization.archivedAt) throw new RefuseEarly(failure(locale, "FORBIDDEN", "organizationArchived"));
    tenant = { user, organization: found.organization, roles: found.roles };
  }
  if (def.scope === "operator") {
    const operator = await tx.user.findUnique({ where: { id: user.id }, select: { isOperator: true } });
    if (!operator?.isOperator) throw new RefuseEarly(failure(locale, "FORBIDDEN", "forbidden"));
  }
  if (key === undefined) throw new RefuseEarly(failure(locale, "VALIDATION", "validation", { [IDEMPOTENCY_FIELD]: "validation" }));
  const parsed = parseInput(def, input, locale);
  if (!parsed.ok) throw new RefuseEarly(parsed);
  return { input: parsed.data, user, tenant, locale, idempotencyKey: key };
}

function parseInput(def: AnyActionDef, input: unknown, locale: AppLocale): { ok: true; data: unknown } | { ok: false; error: ActionError } {
  const unstorable = fieldWithUnstorableText(input);
  if (unstorable) return failure(locale, "VALIDATION", "validation", { [unstorable]: "invalidCharacters" });
  const parsed = def.input.safeParse(input);
  if (!parsed.success) return validationFailure(locale, parsed.error);
  return { ok: true, data: parsed.data };
}

/** Writes one audit record of the action in the scope of its organization (RLS lets nothing else through). */
async function writeAudit(tx: Tx, action: string, actorId: string | null, record: AuditRecord & { organizationId: string }): Promise<void> {
  const { organizationId, targetType, targetId, data } = record;
  await setDbScope(tx, { organizationId, userId: actorId });
  await tx.auditEvent.create({ data: { organizationId, actorId, action, targetType, targetId, data } });
}

/** The body and its audit record, on the transaction prepare() ran on (scoped to the tenant here). */
async function execute<T>(tx: Tx, def: AnyActionDef, p: Prepared): Promise<T> {
  const { user, tenant } = p;
  const scope = tenant ? { organizationId: tenant.organization.id, userId: user!.id } : { userId: user?.id ?? null };
  if (tenant) await setDbScope(tx, scope);
  const idempotency =
    tenant && def.scope === "tenant" && def.idempotent && p.idempotencyKey
      ? { organizationId: tenant.organization.id, userId: user!.id, action: def.name, key: p.idempotencyKey }
      : null;
  if (idempotency) {
    const claim = await claimIdempotencyKey(tx, idempotency);
    if (isRefusal(claim)) throw new RollbackWith(claim);
    if (claim) return claim.replay as T; // the first result; the body does not run again
  }
  const ctx = tenant ?? (user ? { user } : {});
  const outcome = await (def.run as Body<unknown, T, unknown>)({ input: p.input, tx, ctx });
  if (isRefusal(outcome)) throw new RollbackWith(outcome);
  const actorId = user?.id ?? null;
  if (tenant && def.scope === "tenant" && def.audit !== false) {
    // The body may have moved the scope (district actions): write the audit in the acting organization.
    const { also = [], ...main } = outcome.audit ?? {};
    for (const record of [{ ...main, organizationId: tenant.organization.id }, ...also]) {
      await writeAudit(tx, def.name, actorId, { ...record, organizationId: record.organizationId ?? tenant.organization.id });
    }
    await setDbScope(tx, scope);
  }
  if ((def.scope === "operator" || def.scope === "public") && outcome.audit?.organizationId) {
    // No organization in these scopes: the record goes into the organization acted on.
    const { organizationId, targetType, targetId, data } = outcome.audit;
    await writeAudit(tx, def.name, actorId, { organizationId, targetType, targetId, data });
    await setDbScope(tx, scope);
  }
  if (idempotency) await saveIdempotentResult(tx, idempotency, outcome.value);
  return outcome.value;
}

/**
 * Runs a defined action for an actor (the exported server action passes the session's ids). One
 * transaction does it all — session, user, organization, permission, input, body, audit — except for
 * actions that reauthenticate: the password is checked between two (the failed attempt must stay counted).
 */
export async function runAction<T>(def: AnyActionDef, actor: Actor | null, raw: unknown): Promise<ActionResult<T>> {
  // Timed and counted by outcome — "ok" or the refusal's code (lib/observability/metrics.ts); "thrown" for
  // what leaves by an exception (Next's redirects and notFound()).
  const started = performance.now();
  let outcome = "thrown";
  try {
    const result = await runUnmeasured<T>(def, actor, raw);
    outcome = result.ok ? "ok" : result.error.code;
    return result;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    observeAction(def.name, outcome, seconds);
    getLogger().info({ component: "action", action: def.name, outcome, ms: Math.round(seconds * 1000) }, "action");
  }
}

async function runUnmeasured<T>(def: AnyActionDef, actor: Actor | null, raw: unknown): Promise<ActionResult<T>> {
  let locale: AppLocale = await requestLocale();
  try {
    if (def.scope === "public") {
      const parsed = parseInput(def, takeIdempotencyKey(toPlainInput(raw)).input, locale);
      if (!parsed.ok) return parsed;
      const prepared: Prepared = { input: parsed.data, user: null, tenant: null, locale };
      return ok(await withDb({}, (tx) => execute<T>(tx, def, prepared)));
    }
    if (!actor) return failure(locale, "UNAUTHENTICATED", "unauthenticated");
    const userId = typeof actor === "string" ? actor : actor.userId;
    if (def.scope === "user" && def.reauthenticate) {
      const prepared = await withDb({ userId }, (tx) => prepare(tx, def, actor, raw, locale));
      locale = prepared.locale;
      const field = def.reauthenticate;
      const password = String((prepared.input as Record<string, unknown>)[field] ?? "");
      // Outside the body's transaction: the attempt must stay recorded even though the action refuses.
      const check = await checkCredentials({ email: prepared.user!.email, password, ip: await requestClientAddress() });
      if (!check.ok && check.reason === "rate_limited") return failure(locale, "FORBIDDEN", "tooManyAttempts", { [field]: "tooManyAttempts" });
      if (!check.ok || check.user.id !== prepared.user!.id) return failure(locale, "VALIDATION", "validation", { [field]: "wrongPassword" });
      return ok(await withDb({ userId }, (tx) => execute<T>(tx, def, prepared)));
    }
    return ok(
      await withDb({ userId }, async (tx) => {
        const prepared = await prepare(tx, def, actor, raw, locale);
        locale = prepared.locale;
        return execute<T>(tx, def, prepared);
      }),
    );
  } catch (error) {
    if (error instanceof RefuseEarly) return error.result;
    if (error instanceof RollbackWith) {
      const { code, messageKey, fieldErrors, values, details, fieldValues } = error.refusal;
      return failure(locale, code, messageKey, fieldErrors, { values, details, fieldValues });
    }
    unstable_rethrow(error);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return failure(locale, "CONFLICT", "conflict");
    }
    // The database could not be reached (lib/db/unavailable.ts): whether a commit went through is unknown,
    // and the message says so — check, or resend the same form (its idempotency key prevents a duplicate).
    if (isDatabaseUnavailable(error)) {
      getLogger().warn({ component: "action", action: def.name, error: errorText(error) }, "database unavailable");
      return failure(locale, "UNAVAILABLE", "unavailable");
    }
    getLogger().error({ component: "action", action: def.name, err: error }, "action failed");
    return failure(locale, "INTERNAL", "internal");
  }
}

/** The session cookie's ids (decrypted, not yet checked: the action's transaction checks the session row). */
async function sessionActor(): Promise<Actor | null> {
  const { getSessionIds } = await import("../auth/session");
  return getSessionIds();
}

/** Defines an action and returns the server-callable function (input: object or FormData). */
export function defineAction<S extends z.ZodType, T>(
  def: TenantActionDef<S, T> | UserActionDef<S, T> | PublicActionDef<S, T> | OperatorActionDef<S, T>,
): (input: (z.input<S> & { [IDEMPOTENCY_FIELD]?: string }) | FormData) => Promise<ActionResult<T>> {
  if (ACTION_REGISTRY.has(def.name)) throw new Error(`action ${def.name} defined twice`);
  ACTION_REGISTRY.set(def.name, def);
  const action = async (input: (z.input<S> & { [IDEMPOTENCY_FIELD]?: string }) | FormData) => {
    const result = await runAction<T>(def, def.scope === "public" ? null : await sessionActor(), input);
    if (result.ok) refreshPageOf(def);
    return result;
  };
  DEFINITION_OF.set(action, def);
  return action;
}

/**
 * After a successful action, its own answer carries the page rendered anew (Next's `refresh()`), so the browser
 * never queues a second request for it. A client-side `router.refresh()` after each action did queue one, and
 * Next runs a server action only after the pending router action settles: a click right after a save could
 * wait behind that refresh and be lost (issue #14 item 6, banks.spec under load). `refresh()` exists only while
 * Next runs a server action; the same function called by a route handler (the HTTP API) or the task runner has
 * no page to refresh, and Next says so by throwing — that is the one error ignored here.
 */
function refreshPageOf(def: AnyActionDef): void {
  if ((def.scope === "tenant" || def.scope === "public") && def.refresh === false) return;
  try {
    refresh();
  } catch {
    // Not inside a server action: nothing shows a page to refresh.
  }
}

/**
 * The definition behind each function defineAction returned, so that tests call the real exported action as a
 * given actor with its own input and result types (tests/setup/call.ts) instead of a name string.
 */
const DEFINITION_OF = new WeakMap<object, AnyActionDef>();

export function definitionOf(action: object): AnyActionDef {
  const def = DEFINITION_OF.get(action);
  if (!def) throw new Error("not a function returned by defineAction");
  return def;
}

/**
 * An exported function that runs a defined action and then does more after the commit (sends the letters) answers
 * to that action's definition, so that tests name it like any other; what it does after the commit is not run.
 */
export function runsAction(exported: object, action: object): void {
  DEFINITION_OF.set(exported, definitionOf(action));
}
