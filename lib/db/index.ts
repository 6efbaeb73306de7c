// Public face of lib/db: the tenant transaction helper and types. The raw client stays inside lib/db.
import type { Prisma } from "./generated/prisma/client";

export type Tx = Prisma.TransactionClient;
export type { Role, OrganizationKind, SchoolKind, Locale } from "./generated/prisma/enums";
export { Prisma } from "./generated/prisma/client";
export { withDb, setDbScope, APP_DB_ROLE, type DbScope } from "./tenant";
export { getDatabase, setDatabase } from "./connection";
export { withReplicaDb, type Freshness } from "./replica";
export { DatabaseUnavailableError, isDatabaseUnavailable } from "./unavailable";
