import { forbidden, notFound } from "next/navigation";
import { cache } from "react";
import { now } from "../clock";
import { withDb, type Tx } from "../db";
import { todayIn } from "../domain/local-date";
import { hasPermission, type Permission } from "./permissions";
import type { AppRole } from "./roles";
import { requireUser, type SessionUser } from "./session";

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
};

export type TenantContext = { user: SessionUser; organization: TenantOrganization; roles: AppRole[] };

export type TenantLookup = { ok: true; organization: TenantOrganization; roles: AppRole[] } | { ok: false; code: "NOT_FOUND" | "FORBIDDEN" };

const ORG_SELECT = { id: true, slug: true, name: true, shortName: true, kind: true, schoolKind: true, address: true, parentId: true, timeZone: true } as const;

/** Resolves an organization slug and the user's roles in it (in a transaction scoped to that tenant). */
export async function resolveTenant(tx: Tx, userId: string, slug: unknown): Promise<TenantLookup> {
  if (typeof slug !== "string" || !/^[a-z0-9-]{1,64}$/.test(slug)) return { ok: false, code: "NOT_FOUND" };
  const organization = await tx.organization.findUnique({ where: { slug }, select: ORG_SELECT });
  if (!organization) return { ok: false, code: "NOT_FOUND" };
  const memberships = await tx.membership.findMany({
    where: { organizationId: organization.id, userId },
    select: { role: true },
  });
  if (memberships.length === 0) return { ok: false, code: "FORBIDDEN" };
  return { ok: true, organization, roles: memberships.map((m) => m.role) };
}

// Cached per request: the layout and the page resolve the same organization.
const lookupTenant = cache((userId: string, slug: string) => withDb({ userId }, (tx) => resolveTenant(tx, userId, slug)));

/** For pages: the signed-in user's context in the organization of the URL, or 404 / 403. */
export async function requireTenant(slug: string, permission: Permission = "organization.view"): Promise<TenantContext> {
  const user = await requireUser();
  const found = await lookupTenant(user.id, slug);
  if (!found.ok) return found.code === "NOT_FOUND" ? notFound() : forbidden();
  if (!hasPermission(found.roles, permission)) forbidden();
  return { user, organization: found.organization, roles: found.roles };
}

/** Today's calendar date in the organization's zone (UTC midnight of the local date, like @db.Date columns). */
export function organizationToday(ctx: { organization: { timeZone: string } }, at: Date = now()): Date {
  return todayIn(ctx.organization.timeZone, at);
}

/** The read helper for pages: runs fn in the tenant's transaction (RLS scoped to the organization). */
export function readTenant<T>(ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withDb({ organizationId: ctx.organization.id, userId: ctx.user.id }, fn);
}

/** Every organization the user belongs to, with roles: for the organization switcher. */
export async function listUserOrganizations(userId: string) {
  const rows = await withDb({ userId }, (tx) =>
    tx.membership.findMany({
      where: { userId },
      select: { role: true, organization: { select: { slug: true, name: true, shortName: true } } },
      // The oldest membership first: the start page opens the organization the user joined first.
      orderBy: [{ createdAt: "asc" }],
    }),
  );
  const map = new Map<string, { slug: string; name: string; roles: AppRole[] }>();
  for (const r of rows) {
    const entry = map.get(r.organization.slug) ?? { slug: r.organization.slug, name: r.organization.shortName ?? r.organization.name, roles: [] };
    entry.roles.push(r.role);
    map.set(r.organization.slug, entry);
  }
  return [...map.values()];
}
