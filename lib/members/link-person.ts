import "server-only";
import type { Tx } from "../db";

// On acceptance of an invitation (issue #13 item 4, decision 020) the account is linked to the person's
// card: the invitation's own person (sent from the people list), or — for invitations without one — the
// only person of the organization with the invitation's address and no account yet. A card already linked
// to another account is never relinked: the reason goes into the acceptance's audit record.

export type PersonLink =
  | { linkedPersonId: string }
  | { linkSkipped: "personLinkedToAnother" | "noSinglePerson" | "alreadyLinked"; personId?: string };

export async function linkPersonOnAccept(
  tx: Tx,
  invitation: { organizationId: string; email: string; personId: string | null },
  userId: string,
): Promise<PersonLink> {
  const organizationId = invitation.organizationId;
  if (invitation.personId) {
    const person = await tx.person.findFirst({ where: { id: invitation.personId, organizationId }, select: { id: true, userId: true } });
    if (!person) return { linkSkipped: "noSinglePerson" };
    if (person.userId === userId) return { linkSkipped: "alreadyLinked", personId: person.id };
    if (person.userId) return { linkSkipped: "personLinkedToAnother", personId: person.id };
    // Only if still unlinked at this instant (a concurrent link wins, and this one is reported skipped).
    const { count } = await tx.person.updateMany({ where: { id: person.id, organizationId, userId: null }, data: { userId } });
    return count === 1 ? { linkedPersonId: person.id } : { linkSkipped: "personLinkedToAnother", personId: person.id };
  }
  // An older invitation: the one card with this address, if the account has no card here yet.
  if (await tx.person.count({ where: { organizationId, userId } })) return { linkSkipped: "alreadyLinked" };
  const email = invitation.email.trim().toLowerCase();
  const candidates = await tx.$queryRaw<{ id: string; userId: string | null }[]>`
    SELECT id, "userId" FROM "Person" WHERE "organizationId" = ${organizationId}::uuid AND lower(trim(email)) = ${email} LIMIT 2`;
  if (candidates.length !== 1) return { linkSkipped: "noSinglePerson" };
  const only = candidates[0]!;
  if (only.userId) return { linkSkipped: "personLinkedToAnother", personId: only.id };
  const { count } = await tx.person.updateMany({ where: { id: only.id, organizationId, userId: null }, data: { userId } });
  return count === 1 ? { linkedPersonId: only.id } : { linkSkipped: "personLinkedToAnother", personId: only.id };
}
