import type { Prisma } from "./generated/prisma/client";
import { getDatabase } from "./connection";
import { markDatabaseUnavailable } from "./outage-signal";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./unavailable";

/** The PostgreSQL role every application query runs as: no BYPASSRLS, policies are forced. */
export const APP_DB_ROLE = "nastavnik_app";

export type DbScope = {
  /** The tenant: rows of other organizations are invisible and unwritable (RLS). */
  organizationId?: string | null;
  /** The signed-in user: may read their own memberships across organizations. */
  userId?: string | null;
  /** SHA-256 of an invitation token being looked up by someone not yet signed in. */
  invitationTokenHash?: string | null;
  /** SHA-256 of a one-time survey link's token, looked up by someone not signed in. */
  surveyTokenHash?: string | null;
};

/** Sets the row-level-security settings for the rest of this transaction (they reset at its end). */
export async function setDbScope(tx: Prisma.TransactionClient, scope: DbScope): Promise<void> {
  await tx.$queryRaw`SELECT
    set_config('app.organization_id', ${scope.organizationId ?? ""}, true),
    set_config('app.user_id', ${scope.userId ?? ""}, true),
    set_config('app.invitation_token_hash', ${scope.invitationTokenHash ?? ""}, true),
    set_config('app.survey_token_hash', ${scope.surveyTokenHash ?? ""}, true)`;
}

/**
 * The one way to touch the database from the application: one interactive transaction that first
 * switches to the application role and sets the tenant scope, then runs fn on that transaction.
 * A failure to reach the database (refused, closed, timed out — lib/db/unavailable.ts) is rethrown as
 * DatabaseUnavailableError and marks the HTTP request, which then answers 503 (decision 015).
 */
export async function withDb<T>(scope: DbScope, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    const { prisma } = await getDatabase();
    return await prisma.$transaction(
      async (tx) => {
        // One round trip: set_config('role', …, true) is SET LOCAL ROLE, then the tenant scope.
        await tx.$queryRaw`SELECT
          set_config('role', ${APP_DB_ROLE}, true),
          set_config('app.organization_id', ${scope.organizationId ?? ""}, true),
          set_config('app.user_id', ${scope.userId ?? ""}, true),
          set_config('app.invitation_token_hash', ${scope.invitationTokenHash ?? ""}, true),
          set_config('app.survey_token_hash', ${scope.surveyTokenHash ?? ""}, true)`;
        return fn(tx);
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
  } catch (error) {
    if (!(error instanceof DatabaseUnavailableError) && !isDatabaseUnavailable(error)) throw error;
    markDatabaseUnavailable();
    throw error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error);
  }
}
