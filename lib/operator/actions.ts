"use server";

import "server-only";
import { now } from "../clock";
import { defineAction, done, runsAction } from "../actions/action";
import { refuse } from "../actions/result";
import { newOneTimeToken } from "../auth/one-time-token";
import { setDbScope, type Tx } from "../db";
import { invitationExpiry } from "../domain/invitation";
import { canHold, defaultHeadPosition, slugFromName, uniqueSlug } from "../domain/requisites";
import { isReservedSlug } from "../domain/reserved-slugs";
import { sendInvitationLettersAfterResponse } from "../members/invitation-letters";
import { ArchiveOrganizationInput, CreateOrganizationInput, InviteHeadInput, MoveSchoolInput, RestoreOrganizationInput } from "./schemas";

// The platform operator's actions (decision 018). They run in the scope {userId}: no organization, so the
// tenant tables are invisible; a body that writes an invitation scopes itself to that organization for the
// write only. The wrapper writes each audit record into the organization acted on (audit.organizationId).

const INVITATION_PATH = (token: string) => `/invite/${token}`;

/** A municipal or regional office's head: an invitation (MUNICIPAL_HEAD) queued for the e-mail sender, its link shown once. */
async function inviteHeadInto(tx: Tx, organizationId: string, email: string, operatorId: string) {
  await setDbScope(tx, { organizationId, userId: operatorId });
  const already = await tx.membership.findFirst({ where: { organizationId, role: "MUNICIPAL_HEAD", user: { email } }, select: { id: true } });
  if (already) return refuse("CONFLICT", "alreadyMember", { email: "alreadyMember" });
  const { token, tokenHash } = newOneTimeToken();
  const invitation = await tx.invitation.create({
    data: { organizationId, email, role: "MUNICIPAL_HEAD", tokenHash, invitedById: operatorId, expiresAt: invitationExpiry(now()), emailStatus: "QUEUED" },
    select: { id: true },
  });
  // Back to the operator's own scope: nothing else of the organization is readable.
  await setDbScope(tx, { userId: operatorId });
  return { invitationId: invitation.id, path: INVITATION_PATH(token), email };
}

async function takenSlugs(tx: Tx, base: string): Promise<Set<string>> {
  const rows = await tx.organization.findMany({ where: { slug: { startsWith: base.slice(0, 44) } }, select: { slug: true } });
  return new Set(rows.map((r) => r.slug));
}

const createOrganizationAction = defineAction({
  name: "operator.createOrganization",
  scope: "operator",
  input: CreateOrganizationInput,
  async run({ input, tx, ctx }) {
    let parent: { id: string; kind: "REGION" | "MUNICIPALITY" | "SCHOOL"; timeZone: string } | null = null;
    if (input.parentId) {
      parent = await tx.organization.findFirst({ where: { id: input.parentId, archivedAt: null }, select: { id: true, kind: true, timeZone: true } });
      if (!parent) return refuse("NOT_FOUND", "parentNotFound", { parentId: "parentNotFound" });
    }
    if (!canHold(parent?.kind ?? null, input.kind)) return refuse("VALIDATION", "parentCannotHold", { parentId: "parentCannotHold" });
    let slug = input.slug;
    if (slug) {
      if (isReservedSlug(slug)) return refuse("VALIDATION", "slugReserved", { slug: "slugReserved" });
      if (await tx.organization.findUnique({ where: { slug }, select: { id: true } })) return refuse("CONFLICT", "slugTaken", { slug: "slugTaken" });
    } else {
      const base = slugFromName(input.shortName ?? input.name);
      const taken = await takenSlugs(tx, base);
      slug = uniqueSlug(base, (s) => taken.has(s) || isReservedSlug(s));
    }
    const duplicate = await tx.organization.findFirst({ where: { name: input.name, parentId: parent?.id ?? null }, select: { id: true } });
    if (duplicate) return refuse("CONFLICT", "organizationNameTaken", { name: "organizationNameTaken" });
    const organization = await tx.organization.create({
      data: {
        kind: input.kind,
        parentId: parent?.id ?? null,
        slug,
        name: input.name,
        shortName: input.shortName ?? null,
        place: input.place ?? null,
        timeZone: input.timeZone,
        headPosition: defaultHeadPosition({ kind: input.kind, schoolKind: null }),
      },
      select: { id: true, slug: true },
    });
    const invitation = input.headEmail ? await inviteHeadInto(tx, organization.id, input.headEmail, ctx.user.id) : null;
    if (invitation && "refused" in invitation) return invitation;
    return done(
      {
        organizationId: organization.id,
        slug: organization.slug,
        invitation: invitation ? { invitationId: invitation.invitationId, path: invitation.path, email: invitation.email } : null,
      },
      { organizationId: organization.id, targetType: "Organization", targetId: organization.id, data: { kind: input.kind, slug, invited: invitation !== null } },
    );
  },
});

const inviteHeadAction = defineAction({
  name: "operator.inviteHead",
  scope: "operator",
  input: InviteHeadInput,
  async run({ input, tx, ctx }) {
    const organization = await tx.organization.findFirst({
      where: { id: input.organizationId, kind: { in: ["REGION", "MUNICIPALITY"] } },
      select: { id: true, archivedAt: true },
    });
    if (!organization) return refuse("NOT_FOUND", "notFound", { organizationId: "notFound" });
    if (organization.archivedAt) return refuse("FORBIDDEN", "organizationArchived");
    const invitation = await inviteHeadInto(tx, organization.id, input.email, ctx.user.id);
    if ("refused" in invitation) return invitation;
    return done(
      { organizationId: organization.id, invitationId: invitation.invitationId, path: invitation.path, email: invitation.email },
      { organizationId: organization.id, targetType: "Invitation", targetId: invitation.invitationId, data: { role: "MUNICIPAL_HEAD" } },
    );
  },
});

/** The head's letter carries the link the page showed (the same token), sent after the commit when SMTP is set. */
function mailHeadInvitation(organizationId: string, invitation: { invitationId: string; path: string }) {
  const token = invitation.path.slice(invitation.path.lastIndexOf("/") + 1);
  return sendInvitationLettersAfterResponse([{ organizationId, ids: [invitation.invitationId], tokens: new Map([[invitation.invitationId, token]]) }]);
}

/** Creates a region or municipality; its head's invitation link is shown once and e-mailed. */
export async function createOrganization(input: Parameters<typeof createOrganizationAction>[0]) {
  const result = await createOrganizationAction(input);
  if (result.ok && result.data.invitation) await mailHeadInvitation(result.data.organizationId, result.data.invitation);
  return result;
}
runsAction(createOrganization, createOrganizationAction);

/** Invites the head of an office; the link is shown once and e-mailed. */
export async function inviteHead(input: Parameters<typeof inviteHeadAction>[0]) {
  const result = await inviteHeadAction(input);
  if (result.ok) await mailHeadInvitation(result.data.organizationId, result.data);
  return result;
}
runsAction(inviteHead, inviteHeadAction);

/** Archives or restores an organization: one update guarded by the current state, so a repeat is a CONFLICT. */
async function setArchived(tx: Tx, organizationId: string, archive: boolean) {
  const changed = await tx.organization.updateMany({
    where: { id: organizationId, archivedAt: archive ? null : { not: null } },
    data: { archivedAt: archive ? now() : null },
  });
  if (changed.count !== 1) {
    const exists = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
    return exists ? refuse("CONFLICT", archive ? "alreadyArchived" : "notArchived") : refuse("NOT_FOUND", "notFound");
  }
  return done({ organizationId }, { organizationId, targetType: "Organization", targetId: organizationId });
}

export const archiveOrganization = defineAction({
  name: "operator.archiveOrganization",
  scope: "operator",
  input: ArchiveOrganizationInput,
  run: ({ input, tx }) => setArchived(tx, input.organizationId, true),
});

export const restoreOrganization = defineAction({
  name: "operator.restoreOrganization",
  scope: "operator",
  input: RestoreOrganizationInput,
  run: ({ input, tx }) => setArchived(tx, input.organizationId, false),
});

/**
 * A school moves to another municipality with its data: only its parent changes — its programs, people,
 * pairs and documents stay with it (they belong to the school, not to the municipality).
 */
export const moveSchool = defineAction({
  name: "operator.moveSchool",
  scope: "operator",
  input: MoveSchoolInput,
  async run({ input, tx }) {
    const school = await tx.organization.findFirst({ where: { id: input.schoolId, kind: "SCHOOL" }, select: { id: true, parentId: true } });
    if (!school) return refuse("NOT_FOUND", "notFound", { schoolId: "notFound" });
    const target = await tx.organization.findFirst({ where: { id: input.municipalityId, archivedAt: null }, select: { id: true, kind: true } });
    if (!target) return refuse("NOT_FOUND", "parentNotFound", { municipalityId: "parentNotFound" });
    if (target.kind !== "MUNICIPALITY" || !canHold(target.kind, "SCHOOL")) return refuse("VALIDATION", "parentCannotHold", { municipalityId: "parentCannotHold" });
    if (school.parentId === target.id) return refuse("CONFLICT", "alreadyThere", { municipalityId: "alreadyThere" });
    await tx.organization.update({ where: { id: school.id }, data: { parentId: target.id } });
    return done(
      { schoolId: school.id, municipalityId: target.id },
      { organizationId: school.id, targetType: "Organization", targetId: school.id, data: { from: school.parentId, to: target.id } },
    );
  },
});
