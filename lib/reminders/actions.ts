"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { runReminderCycleInTx } from "./scheduler";
import { MarkAllReadInput, MarkReadInput, RunNowInput } from "./schemas";

// Notifications are the user's own: every query names ctx.user.id besides the organization (RLS keeps
// the organization). Marking read changes only the reader's own inbox, so it leaves no audit record;
// the manual reminder run does.

export const markNotificationRead = defineAction({
  name: "notifications.markRead",
  scope: "tenant",
  permission: "organization.view",
  input: MarkReadInput,
  audit: false,
  async run({ input, tx, ctx }) {
    const own = await tx.reminder.findFirst({
      where: { id: input.reminderId, organizationId: ctx.organization.id, userId: ctx.user.id },
      select: { id: true, readAt: true },
    });
    if (!own) return refuse("NOT_FOUND", "notificationNotFound");
    if (own.readAt) return done({ reminderId: own.id, readAt: own.readAt });
    const readAt = now();
    await tx.reminder.updateMany({ where: { id: own.id, organizationId: ctx.organization.id, userId: ctx.user.id, readAt: null }, data: { readAt } });
    return done({ reminderId: own.id, readAt });
  },
});

export const markAllNotificationsRead = defineAction({
  name: "notifications.markAllRead",
  scope: "tenant",
  permission: "organization.view",
  input: MarkAllReadInput,
  audit: false,
  async run({ tx, ctx }) {
    const { count } = await tx.reminder.updateMany({
      where: { organizationId: ctx.organization.id, userId: ctx.user.id, readAt: null },
      data: { readAt: now() },
    });
    return done({ count });
  },
});

export const runRemindersNow = defineAction({
  name: "reminders.runNow",
  scope: "tenant",
  permission: "outbox.view",
  input: RunNowInput,
  async run({ tx, ctx }) {
    const summary = await runReminderCycleInTx(tx, { id: ctx.organization.id, slug: ctx.organization.slug, timeZone: ctx.organization.timeZone }, now());
    const data = { created: summary.created, sent: summary.sent, failed: summary.failed, smtpConfigured: summary.smtpConfigured };
    return done(data, { targetType: "Organization", targetId: ctx.organization.id, data });
  },
});
