import "server-only";
import type { Tx } from "../db";

/**
 * Unread notifications of a user in an organization. The shell's badge counts them inside the request
 * context's one statement (lib/auth/tenant.ts); this stands alone for callers with a transaction of their own.
 */
export function countUnreadNotifications(tx: Tx, organizationId: string, userId: string): Promise<number> {
  return tx.reminder.count({ where: { organizationId, userId, readAt: null } });
}
