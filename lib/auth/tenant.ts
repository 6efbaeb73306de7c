import { forbidden, notFound, redirect } from "next/navigation";
import { cache } from "react";
import { now } from "../clock";
import { withDb, type Tx } from "../db";
import { todayIn } from "../domain/local-date";
import { hasPermission, type Permission } from "./permissions";
import type { AppRole } from "./roles";
import { getSessionIds, type SessionUser } from "./session";
import { liveSessionWhere } from "./sessions";

export type TenantOrganization = {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: "REGION" | "MUNICIPALITY" | "SCHOOL";
  schoolKind: "GENERAL" | "KINDERGARTEN" | "COLLEGE" | "SUPPLEMENTARY" | null;
  address: string | null;
  parentId: string | null;
  /** IANA zone of the organization's calendar (decision 011). */
  timeZone: string;
  /** Archived by the operator (decision 018): read-only, out of the district dashboards (always read; optional for hand-made contexts). */
  archivedAt?: Date | null;
};

/**
 * Who reads, where, as what. Inside readPage() it also carries the page's one read transaction, which
 * every query function given this context uses (see readTenant).
 */
export type TenantContext = { user: SessionUser; organization: TenantOrganization; roles: AppRole[]; tx?: Tx };

/** An organization of the user for the switcher: the oldest membership first. */
export type OrganizationSummary = { slug: string; name: string; roles: AppRole[] };

/** What the application shell shows around every page of an organization. */
export type ShellFacts = { organizations: OrganizationSummary[]; unreadNotifications: number };

export type TenantLookup = { ok: true; organization: TenantOrganization; roles: AppRole[] } | { ok: false; code: "NOT_FOUND" | "FORBIDDEN" };

const ORG_SELECT = { id: true, slug: true, name: true, shortName: true, kind: true, schoolKind: true, address: true, parentId: true, timeZone: true, archivedAt: true } as const;
const SLUG = /^[a-z0-9-]{1,64}$/;

/** Resolves an organization slug and the user's roles in it (in a transaction scoped to that tenant). */
export async function resolveTenant(tx: Tx, userId: string, slug: unknown): Promise<TenantLookup> {
  if (typeof slug !== "string" || !SLUG.test(slug)) return { ok: false, code: "NOT_FOUND" };
  const organization = await tx.organization.findUnique({ where: { slug }, select: ORG_SELECT });
  if (!organization) return { ok: false, code: "NOT_FOUND" };
  const memberships = await tx.membership.findMany({
    where: { organizationId: organization.id, userId },
    select: { role: true },
  });
  if (memberships.length === 0) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, organization, roles: memberships.map((m) => m.role) };
}

/** Every organization the user belongs to, with roles, inside the caller's transaction (user scope). */
async function findUserOrganizations(tx: Tx, userId: string) {
  return groupMemberships(await tx.membership.findMany({ where: { userId }, select: MEMBERSHIP_SELECT, orderBy: MEMBERSHIP_ORDER }));
}

// The oldest membership first: the start page opens the organization the user joined first.
const MEMBERSHIP_ORDER = [{ createdAt: "asc" as const }];
const MEMBERSHIP_SELECT = { role: true, organization: { select: ORG_SELECT } } as const;

/** Memberships (one row per role) grouped per organization, in the order given. */
function groupMemberships<E extends { role: AppRole; organization: TenantOrganization }>(rows: E[]) {
  const map = new Map<string, { organization: TenantOrganization; roles: AppRole[]; first: E }>();
  for (const r of rows) {
    const entry = map.get(r.organization.slug) ?? { organization: r.organization, roles: [], first: r };
    entry.roles.push(r.role);
    map.set(r.organization.slug, entry);
  }
  return [...map.values()];
}

function toSummary(entry: { organization: TenantOrganization; roles: AppRole[] }): OrganizationSummary {
  return { slug: entry.organization.slug, name: entry.organization.shortName ?? entry.organization.name, roles: entry.roles };
}

type RequestContext =
  | { ok: true; ctx: TenantContext; shell: ShellFacts }
  | { ok: false; code: "SIGNED_OUT" | "NOT_FOUND" | "FORBIDDEN" };

/**
 * The one request-scoped look-up of a page of an organization (cached: the layout and the page share it):
 * the session and its user, the user's organizations and roles, the organization of the URL and the
 * shell's unread counter — in one transaction (decision 014, «one request path»).
 */
const loadRequestContext = cache(async function loadRequestContext(slug: string): Promise<RequestContext> {
  const ids = await getSessionIds();
  if (!ids) return { ok: false, code: "SIGNED_OUT" };
  return withDb({ userId: ids.userId }, async (tx): Promise<RequestContext> => {
    // One statement (relation joins): the live session, its user, the user's memberships with their
    // organizations and, per organization, the user's unread notifications (the shell's badge). Reminder
    // rows are readable in the user's scope by their addressee only (policy reminder_addressee_read).
    const session = await tx.userSession.findFirst({
      where: liveSessionWhere(ids.userId, ids.sessionId),
      select: {
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            locale: true,
            memberships: {
              select: {
                role: true,
                organization: { select: { ...ORG_SELECT, _count: { select: { reminders: { where: { userId: ids.userId, readAt: null } } } } } },
              },
              orderBy: MEMBERSHIP_ORDER,
            },
          },
        },
      },
    });
    if (!session) return { ok: false, code: "SIGNED_OUT" };
    const { memberships, ...user } = session.user;
    const mine = groupMemberships(memberships.map((m) => ({ role: m.role, organization: m.organization })));
    const current = mine.find((m) => m.organization.slug === slug);
    if (!current) {
      // A stranger learns nothing about an organization beyond "you are not a member" (403) or 404.
      const exists = SLUG.test(slug) && (await tx.organization.findUnique({ where: { slug }, select: { id: true } }));
      return { ok: false, code: exists ? "FORBIDDEN" : "NOT_FOUND" };
    }
    const { _count, ...organization } = current.organization as TenantOrganization & { _count: { reminders: number } };
    const unreadNotifications = _count.reminders;
    return {
      ok: true,
      ctx: { user, organization, roles: current.roles },
      shell: { organizations: mine.map(toSummary), unreadNotifications },
    };
  });
});

/** For pages: the signed-in user's context in the organization of the URL, or /login, 404, 403. */
export async function requireTenant(slug: string, permission: Permission = "organization.view"): Promise<TenantContext> {
  return (await requireTenantRequest(slug, permission)).ctx;
}

/** requireTenant plus what the shell shows (the organization layout). */
export async function requireTenantRequest(slug: string, permission: Permission = "organization.view"): Promise<{ ctx: TenantContext; shell: ShellFacts }> {
  const found = await loadRequestContext(slug);
  if (!found.ok) {
    if (found.code === "SIGNED_OUT") redirect("/login?reason=session");
    return found.code === "NOT_FOUND" ? notFound() : forbidden();
  }
  if (!hasPermission(found.ctx.roles, permission)) forbidden();
  return found;
}

/** Today's calendar date in the organization's zone (UTC midnight of the local date, like @db.Date columns). */
export function organizationToday(ctx: { organization: { timeZone: string } }, at: Date = now()): Date {
  return todayIn(ctx.organization.timeZone, at);
}

/**
 * The read helper of query functions: runs fn in the page's read transaction when the context carries one
 * (readPage), otherwise in a transaction of its own, scoped to the organization (RLS).
 */
export function readTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  return withDb({ organizationId: ctx.organization.id, userId: ctx.user.id }, fn);
}

/**
 * A page's own data in one transaction: every query function called with the given context runs on it.
 * The context must not outlive fn (the transaction ends with it).
 */
export function readPage<T>(ctx: TenantContext, fn: (ctx: TenantContext) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx);
  return withDb({ organizationId: ctx.organization.id, userId: ctx.user.id }, (tx) => fn({ ...ctx, tx }));
}

/**
 * The start page and the account page: the signed-in user, whether they are the platform operator, and their
 * organizations, in one transaction (or /login).
 */
export const requireUserWithOrganizations = cache(async function requireUserWithOrganizations(): Promise<{
  user: SessionUser;
  isOperator: boolean;
  organizations: OrganizationSummary[];
}> {
  const ids = await getSessionIds();
  const found = ids
    ? await withDb({ userId: ids.userId }, async (tx) => {
        // findSessionUser's query with the operator flag: no extra statement for it.
        const session = await tx.userSession.findFirst({
          where: liveSessionWhere(ids.userId, ids.sessionId),
          select: { user: { select: { id: true, name: true, email: true, locale: true, isOperator: true } } },
        });
        if (!session) return null;
        const { isOperator, ...user } = session.user;
        return { user, isOperator, organizations: (await findUserOrganizations(tx, user.id)).map(toSummary) };
      })
    : null;
  if (!found) redirect("/login?reason=session");
  return found;
});

/**
 * The platform operator's read context (decision 018): the signed-in user, who must be an operator, and —
 * inside readOperatorPage — the page's one read transaction. Its scope is the user only: no organization,
 * so row-level security hides every tenant table; the operator's queries read "Organization" (no RLS) and
 * the counts of operator_organization_status().
 */
export type OperatorContext = { user: SessionUser; tx?: Tx };

/** For operator pages: the signed-in operator, or /login, or 403 for everyone else. */
export const requireOperator = cache(async function requireOperator(): Promise<OperatorContext> {
  const { user, isOperator } = await requireUserWithOrganizations();
  if (!isOperator) forbidden();
  return { user };
});

/** The operator's query helper: fn on the page's transaction (readOperatorPage), else on one of its own, scope {userId}. */
export function readOperator<T>(ctx: OperatorContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx);
  return withDb({ userId: ctx.user.id }, fn);
}

/** An operator page's own data in one transaction (like readPage). */
export function readOperatorPage<T>(ctx: OperatorContext, fn: (ctx: OperatorContext) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx);
  return withDb({ userId: ctx.user.id }, (tx) => fn({ ...ctx, tx }));
}
