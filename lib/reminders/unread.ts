import type { Tx } from "../db";

/**
 * Unread notifications of a user in an organization, for the badge in the navigation; runs in the
 * request context's transaction once it is scoped to the organization (lib/auth/tenant.ts).
 */
export function countUnreadNotifications(tx: Tx, organizationId: string, userId: string): Promise<number> {
  return tx.reminder.count({ where: { organizationId, userId, readAt: null } });
}
