import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { AppLocale } from "../i18n/config";
import { reminderText } from "./text";

// Reads for the notifications page, the unread badge in the navigation and the outbox page.

export const NOTIFICATIONS_SHOWN = 200;
export const OUTBOX_SHOWN = 300;

/** The signed-in user's notifications in this organization, newest first, worded in `locale` (the page's). */
export async function listNotifications(ctx: TenantContext, locale: AppLocale = ctx.user.locale) {
  return readTenant(ctx, async (tx) => {
    const where = { organizationId: ctx.organization.id, userId: ctx.user.id };
    const items = await tx.reminder.findMany({
      where,
      select: { id: true, kind: true, values: true, title: true, body: true, link: true, readAt: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: NOTIFICATIONS_SHOWN,
    });
    const unread = await tx.reminder.count({ where: { ...where, readAt: null } });
    const total = await tx.reminder.count({ where });
    return { items: items.map(({ values, ...item }) => ({ ...item, ...reminderText({ ...item, values }, locale) })), unread, total };
  });
}

/** The organization's e-mails: status, attempts, last error, next attempt; newest first. The subject in `locale` (the page's). */
export async function listOutbox(ctx: TenantContext, locale: AppLocale = ctx.user.locale) {
  return readTenant(ctx, async (tx) => {
    const where = { organizationId: ctx.organization.id, emailStatus: { not: "NONE" as const } };
    const items = await tx.reminder.findMany({
      where,
      select: {
        id: true,
        kind: true,
        values: true,
        title: true,
        body: true,
        emailTo: true,
        emailStatus: true,
        emailAttempts: true,
        lastError: true,
        nextAttemptAt: true,
        sentAt: true,
        createdAt: true,
        user: { select: { name: true } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: OUTBOX_SHOWN,
    });
    const byStatus = await tx.reminder.groupBy({ by: ["emailStatus"], where, _count: { _all: true } });
    const counts = { QUEUED: 0, SENT: 0, FAILED: 0 };
    for (const row of byStatus) if (row.emailStatus !== "NONE") counts[row.emailStatus] = row._count._all;
    return { items: items.map(({ kind, values, title, body, ...item }) => ({ ...item, subject: reminderText({ kind, values, title, body }, locale).title })), counts };
  });
}
