import type { PrismaClient } from "../../lib/db/generated/prisma/client";

// Reads of the database's state that several tests assert on, as the owner (no RLS).

/** The pair's current version (optimistic locking: a write names the version it read). */
export const pairVersion = async (prisma: PrismaClient, pairId: string) => (await prisma.pair.findUniqueOrThrow({ where: { id: pairId } })).version;

/** How many people the organization has. */
export const peopleCount = (prisma: PrismaClient, organizationId: string) => prisma.person.count({ where: { organizationId } });
