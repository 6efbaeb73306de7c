import "server-only";
import { z } from "zod";
import { now } from "../clock";
import { pageOf } from "../domain/paging";
import { addDays, startOfDayIn } from "../domain/local-date";
import { optionalParam } from "../http/params";
import { containing, everyWord, ListSearch, sortOf, sortParam } from "../http/list-search";
import { withDb } from "../db";
import type { AppRole } from "../auth/roles";
import { invitationState, isWellFormedInvitationToken } from "../domain/invitation";
import { hashInvitationToken } from "./tokens";
import { readTenant, type TenantContext } from "../auth/tenant";

export function listMembers(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.membership.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ user: { name: "asc" } }, { role: "asc" }],
    }),
  );
}

const PENDING_SELECT = {
  id: true,
  email: true,
  role: true,
  expiresAt: true,
  personId: true,
  emailStatus: true,
  emailAttempts: true,
  sentAt: true,
  lastError: true,
  invitedBy: { select: { name: true } },
  person: { select: { id: true, lastName: true, firstName: true, middleName: true } },
} as const;

/** Pending invitations with their letters (the members page, the outbox page), newest first. */
export function listPendingInvitations(ctx: TenantContext, take = 500) {
  return readTenant(ctx, (tx) =>
    tx.invitation.findMany({
      where: { organizationId: ctx.organization.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      select: PENDING_SELECT,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take,
    }),
  );
}

/** A person's pending invitations (the person's card). */
export function listPersonInvitations(ctx: TenantContext, personId: string) {
  return readTenant(ctx, (tx) =>
    tx.invitation.findMany({
      where: { organizationId: ctx.organization.id, personId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      select: PENDING_SELECT,
      orderBy: { createdAt: "desc" },
    }),
  );
}

/** Schools of a municipality: the organization directory only, no school data. */
export function listDistrictSchools(ctx: TenantContext) {
  return readTenant(ctx, (tx) =>
    tx.organization.findMany({
      // An archived school is out of the district's lists (it stays on the registry page, marked).
      where: { parentId: ctx.organization.id, kind: "SCHOOL", archivedAt: null },
      select: { id: true, name: true, shortName: true, schoolKind: true, address: true },
      orderBy: { name: "asc" },
    }),
  );
}

export function getParentOrganization(ctx: TenantContext) {
  const parentId = ctx.organization.parentId;
  if (!parentId) return Promise.resolve(null);
  return readTenant(ctx, (tx) => tx.organization.findUnique({ where: { id: parentId }, select: { name: true } }));
}

/** How many records a page of the audit log shows. */
export const AUDIT_PAGE_SIZE = 100;

/** The audit log's search in the address: who (a name), the action, the days (from–to, inclusive), the order, the page. */
export const AuditSearchInput = ListSearch.extend({
  action: optionalParam(z.string().regex(/^[a-z][A-Za-z0-9_.]{0,79}$/)),
  from: optionalParam(z.iso.date()),
  to: optionalParam(z.iso.date()),
  sort: sortParam(["time"]),
});
export type AuditSearch = z.output<typeof AuditSearchInput>;

/** A calendar day of the search (yyyy-MM-dd) as the instant it begins in the organization's zone. */
const dayStart = (zone: string, iso: string, after = 0) => startOfDayIn(zone, addDays(new Date(`${iso}T00:00:00Z`), after));

/**
 * One page of the organization's audit log (issue #19), newest first unless asked otherwise, filtered by the
 * database: the actor's name, the action, the days in the organization's zone. With the count of all that match
 * and the actions the log holds (the filter's choices).
 */
export function listAuditPage(ctx: TenantContext, search: AuditSearch, size = AUDIT_PAGE_SIZE) {
  const zone = ctx.organization.timeZone;
  const where = {
    organizationId: ctx.organization.id,
    ...(search.action ? { action: search.action } : {}),
    ...(search.from || search.to ? { createdAt: { ...(search.from ? { gte: dayStart(zone, search.from) } : {}), ...(search.to ? { lt: dayStart(zone, search.to, 1) } : {}) } } : {}),
    ...everyWord(search.q, (w) => [{ actor: { name: containing(w) } }]),
  };
  const d = sortOf(search.sort, "-time").descending ? ("desc" as const) : ("asc" as const);
  return readTenant(ctx, async (tx) => {
    const [total, actions] = await Promise.all([
      tx.auditEvent.count({ where }),
      tx.auditEvent.groupBy({ by: ["action"], where: { organizationId: ctx.organization.id }, orderBy: { action: "asc" } }),
    ]);
    const shown = pageOf(total, size, search.page);
    const rows = await tx.auditEvent.findMany({
      where,
      select: { id: true, action: true, targetType: true, data: true, createdAt: true, actor: { select: { name: true } } },
      orderBy: [{ createdAt: d }, { id: d }],
      skip: shown.from,
      take: size,
    });
    return { total, ...shown, rows, actions: actions.map((a) => a.action) };
  });
}

/** What the invitation page shows to someone who is not signed in yet: looked up by the token hash only. */
export async function findInvitationByToken(token: string): Promise<
  | { state: "malformed" | "notFound" }
  | { state: "pending" | "accepted" | "revoked" | "expired"; email: string; role: AppRole; organizationName: string; accountExists: boolean }
> {
  if (!isWellFormedInvitationToken(token)) return { state: "malformed" };
  const tokenHash = hashInvitationToken(token);
  return withDb({ invitationTokenHash: tokenHash }, async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, organization: { select: { name: true } } },
    });
    if (!invitation) return { state: "notFound" as const };
    const account = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    return {
      state: invitationState(invitation, now()),
      email: invitation.email,
      role: invitation.role,
      organizationName: invitation.organization.name,
      accountExists: Boolean(account),
    };
  });
}
