"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done, runsAction } from "../actions/action";
import type { ActionResult } from "../actions/result";
import { refuse } from "../actions/result";
import { invitableRoles } from "../auth/permissions";
import type { AppRole } from "../auth/roles";
import { invitationExpiry, invitationState } from "../domain/invitation";
import { inviteRefusal, normalizeEmail, type InviteRefusal } from "../domain/invitation-roles";
import { fullName } from "../domain/names";
import { letterSettings, sendInvitationLettersAfterResponse } from "./invitation-letters";
import { InviteManyInput, ResendInvitationInput } from "./schemas";
import { invitationPath, newInvitationToken } from "./tokens";

// Accounts at scale (issue #13 item 4, decision 020): the bulk invitation from the people list, and
// «Отправить ещё раз» / «Показать ссылку» for a pending invitation. Letters leave after the action's
// transaction has committed (sendInvitationLettersAfterResponse), never inside it.

export type InviteManyCreated = { invitationId: string; personId: string; email: string; role: AppRole };
export type InviteManyRefused = { personId: string; name: string; email: string | null; reason: InviteRefusal; invitationId?: string };
export type InviteManyResult = { organizationId: string; created: InviteManyCreated[]; refused: InviteManyRefused[]; mailed: boolean };

const inviteManyAction = defineAction({
  name: "members.inviteMany",
  scope: "tenant",
  idempotent: true,
  permission: "members.invite",
  input: InviteManyInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const allowed = invitableRoles(ctx.roles);
    if (input.invitations.some((i) => !allowed.includes(i.role))) return refuse("FORBIDDEN", "roleNotInvitable", { invitations: "roleNotInvitable" });
    const ids = input.invitations.map((i) => i.personId);
    const people = await tx.person.findMany({
      where: { organizationId, id: { in: ids } },
      select: { id: true, lastName: true, firstName: true, middleName: true, email: true, active: true, userId: true },
    });
    // A person id of another organization (or none): the whole request is refused, nothing is written.
    if (people.length !== ids.length) return refuse("NOT_FOUND", "invitePersonNotFound", { invitations: "invitePersonNotFound" });
    const byId = new Map(people.map((p) => [p.id, { ...p, email: normalizeEmail(p.email) }]));
    const emails = [...new Set([...byId.values()].map((p) => p.email).filter((e): e is string => e !== null))];
    const at = now();
    const [sameEmail, memberships, pending] = await Promise.all([
      emails.length
        ? tx.$queryRaw<{ id: string; email: string }[]>`
            SELECT id, lower(trim(email)) AS email FROM "Person"
            WHERE "organizationId" = ${organizationId}::uuid AND lower(trim(email)) = ANY(${emails}::text[])`
        : Promise.resolve([]),
      tx.membership.findMany({
        where: {
          organizationId,
          OR: [{ user: { email: { in: emails } } }, { userId: { in: people.map((p) => p.userId).filter((u): u is string => u !== null) } }],
        },
        select: { role: true, userId: true, user: { select: { email: true } } },
      }),
      tx.invitation.findMany({
        where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: at }, OR: [{ personId: { in: ids } }, { email: { in: emails } }] },
        select: { id: true, email: true, role: true, personId: true },
      }),
    ]);

    const created: InviteManyCreated[] = [];
    const refused: InviteManyRefused[] = [];
    const rows: { id: string; email: string; role: AppRole; personId: string; tokenHash: string }[] = [];
    for (const wanted of input.invitations) {
      const person = byId.get(wanted.personId)!;
      const email = person.email;
      const pendingOne = pending.find((i) => i.personId === person.id || (email !== null && i.email.toLowerCase() === email && i.role === wanted.role));
      const reason = inviteRefusal({
        email,
        active: person.active,
        emailUsedByAnother: sameEmail.some((s) => s.email === email && s.id !== person.id),
        alreadyMember: memberships.some(
          (m) => m.role === wanted.role && ((email !== null && m.user.email.toLowerCase() === email) || (person.userId !== null && m.userId === person.userId)),
        ),
        pendingInvitation: Boolean(pendingOne),
      });
      if (reason) {
        refused.push({ personId: person.id, name: fullName(person), email, reason, ...(reason === "alreadyInvited" && pendingOne ? { invitationId: pendingOne.id } : {}) });
        continue;
      }
      // The token is not kept: the letter issues its own (the hash here is never mailed).
      const { tokenHash } = newInvitationToken();
      rows.push({ id: crypto.randomUUID(), email: email!, role: wanted.role, personId: person.id, tokenHash });
    }
    if (rows.length) {
      await tx.invitation.createMany({
        data: rows.map((r) => ({ ...r, organizationId, invitedById: ctx.user.id, expiresAt: invitationExpiry(at), emailStatus: "QUEUED" as const })),
      });
      for (const r of rows) created.push({ invitationId: r.id, personId: r.personId, email: r.email, role: r.role });
    }
    const result: InviteManyResult = { organizationId, created, refused, mailed: letterSettings() !== null };
    return done(result, {
      targetType: "Invitation",
      data: { created: created.length, refused: refused.map((r) => ({ personId: r.personId, reason: r.reason })), invitationIds: created.map((c) => c.invitationId) },
    });
  },
});

/** The bulk invitation; the letters leave after the transaction commits (with SMTP). */
export async function inviteMany(input: Parameters<typeof inviteManyAction>[0]): Promise<ActionResult<InviteManyResult>> {
  const result = await inviteManyAction(input);
  if (result.ok && result.data.created.length) {
    await sendInvitationLettersAfterResponse([{ organizationId: result.data.organizationId, ids: result.data.created.map((c) => c.invitationId) }]);
  }
  return result;
}
runsAction(inviteMany, inviteManyAction);

export type ResendResult = { organizationId: string; invitationId: string; email: string; mailed: boolean; path: string | null };

const resendAction = defineAction({
  name: "invitations.resend",
  scope: "tenant",
  permission: "members.invite",
  input: ResendInvitationInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const invitation = await tx.invitation.findFirst({
      where: { id: input.invitationId, organizationId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invitation) return refuse("NOT_FOUND", "notFound");
    if (invitationState(invitation, now()) !== "pending") return refuse("CONFLICT", "invitationNotPending");
    // A curator may not hand out (or copy) a director's link.
    if (!invitableRoles(ctx.roles).includes(invitation.role)) return refuse("FORBIDDEN", "roleNotInvitable");
    const base = { organizationId, invitationId: invitation.id, email: invitation.email };
    if (input.deliver === "email" && letterSettings()) {
      // A new letter: the sender issues the new token when it sends (the old link stops working then).
      await tx.invitation.update({ where: { id: invitation.id }, data: { emailStatus: "QUEUED", emailAttempts: 0, nextAttemptAt: null, lastError: null } });
      return done<ResendResult>({ ...base, mailed: true, path: null }, { targetType: "Invitation", targetId: invitation.id, data: { deliver: "email" } });
    }
    // The link, shown once: a new token now; the old link stops working. No letter waits for it any more.
    const { token, tokenHash } = newInvitationToken();
    await tx.invitation.update({ where: { id: invitation.id }, data: { tokenHash, emailStatus: "NONE", nextAttemptAt: null } });
    return done<ResendResult>({ ...base, mailed: false, path: invitationPath(token) }, { targetType: "Invitation", targetId: invitation.id, data: { deliver: "link" } });
  },
});

export async function resendInvitation(input: Parameters<typeof resendAction>[0]): Promise<ActionResult<ResendResult>> {
  const result = await resendAction(input);
  if (result.ok && result.data.mailed) await sendInvitationLettersAfterResponse([{ organizationId: result.data.organizationId, ids: [result.data.invitationId] }]);
  return result;
}
runsAction(resendInvitation, resendAction);
