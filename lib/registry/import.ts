// Creating checked organizations (check.ts) in one transaction: all of them or none. Used by the
// registry's actions (one organization by form, a list) and by `npm run orgs:import`.

import { randomUUID } from "node:crypto";
import { now } from "../clock";
import { setDbScope, type Tx } from "../db";
import { DEFAULT_TIME_ZONE } from "../domain/local-date";
import { invitationExpiry } from "../domain/invitation";
import { newInvitationToken } from "../members/tokens";
import type { RegistryExisting, RegistryParent, RegistryRow } from "./check";
import { nameKey } from "./check";

/** Rows per INSERT: 500 organizations × 15 columns stays far under PostgreSQL's 65 535 parameters. */
const CHUNK = 500;

/**
 * Serializes registry writes on the whole platform (slugs and ИНН are unique across it): two imports at
 * once must not both pass the duplicate checks. Call before loading what exists.
 */
export async function lockRegistry(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended('registry.import', 0))::text`;
}

/** Every slug and ИНН of the platform and the names of the parent's children: what a list is checked against. */
export async function loadRegistryExisting(tx: Tx, parentId: string | null): Promise<RegistryExisting> {
  const [all, siblings] = await Promise.all([
    tx.organization.findMany({ select: { slug: true, inn: true } }),
    tx.organization.findMany({ where: { parentId }, select: { name: true } }),
  ]);
  return {
    slugs: new Set(all.map((o) => o.slug)),
    inns: new Set(all.flatMap((o) => (o.inn ? [o.inn] : []))),
    siblingNames: new Set(siblings.map((o) => nameKey(o.name))),
  };
}

export type ImportedOrganization = { id: string; slug: string; invitationId: string | null };

/**
 * Creates the organizations with their requisites under `parent` (or at the top level), each with the
 * parent's time zone; for each row with the head's e-mail, an invitation of the new organization (DIRECTOR
 * of a school, MUNICIPAL_HEAD of a municipality or region) queued for the sender (emailStatus QUEUED, a
 * fresh token hash: the sender issues the token it mails). Each invitation and audit record is written in
 * its own organization's RLS scope; the scope is left at `parent` (or none) afterwards.
 */
export async function importOrganizations(tx: Tx, args: { parent: RegistryParent; rows: RegistryRow[]; actorUserId: string }): Promise<ImportedOrganization[]> {
  const { parent, rows, actorUserId } = args;
  const timeZone = parent?.timeZone ?? DEFAULT_TIME_ZONE;
  const created = now();
  const planned = rows.map((r) => ({ row: r, id: randomUUID(), invitationId: r.headEmail ? randomUUID() : null }));
  for (let i = 0; i < planned.length; i += CHUNK) {
    await tx.organization.createMany({
      data: planned.slice(i, i + CHUNK).map(({ row: r, id }) => ({
        id,
        kind: r.kind.kind,
        schoolKind: r.kind.kind === "SCHOOL" ? r.kind.schoolKind : null,
        parentId: parent?.id ?? null,
        slug: r.slug,
        name: r.name,
        shortName: r.shortName,
        place: r.place,
        address: r.address,
        inn: r.inn,
        ogrn: r.ogrn,
        headPosition: r.headPosition,
        headName: r.headName,
        timeZone,
        createdAt: created,
      })),
    });
  }
  // Invitations and audit records are tenant rows, each written in its own organization's RLS scope — in
  // batches, not one round trip per organization: each row's organizationId is the value of
  // set_config('app.organization_id', …) evaluated for that very row, so the row exists only once the scope
  // is its organization, and the policy (FORCE, checked per row as it is inserted) compares it with that
  // scope. A row whose scope did not move would be refused by the policy and the whole import would roll back.
  const expiresAt = invitationExpiry(created).toISOString();
  const createdAt = created.toISOString();
  await setDbScope(tx, { organizationId: null, userId: actorUserId });
  const invited = planned.filter((p) => p.invitationId);
  for (let i = 0; i < invited.length; i += CHUNK) {
    const batch = invited.slice(i, i + CHUNK);
    await tx.$executeRaw`
      INSERT INTO "Invitation" ("id", "organizationId", "email", "role", "tokenHash", "invitedById", "expiresAt", "emailStatus", "createdAt")
      SELECT t.id, scope.organization::uuid, t.email, t.role::"Role", t.token_hash, ${actorUserId}::uuid, ${expiresAt}::timestamp, 'QUEUED'::"EmailStatus", ${createdAt}::timestamp
      FROM unnest(${batch.map((p) => p.invitationId!)}::uuid[], ${batch.map((p) => p.id)}::text[], ${batch.map((p) => p.row.headEmail!)}::text[],
                  ${batch.map((p) => (p.row.kind.kind === "SCHOOL" ? "DIRECTOR" : "MUNICIPAL_HEAD"))}::text[],
                  ${batch.map(() => newInvitationToken().tokenHash)}::text[]) AS t(id, organization, email, role, token_hash)
      CROSS JOIN LATERAL (SELECT set_config('app.organization_id', t.organization, true) AS organization) AS scope`;
  }
  for (let i = 0; i < planned.length; i += CHUNK) {
    const batch = planned.slice(i, i + CHUNK);
    const data = batch.map(({ row: r, invitationId }) =>
      JSON.stringify({ by: parent?.name ?? null, row: r.row, ...(invitationId ? { invitationId, email: r.headEmail } : {}) }),
    );
    await tx.$executeRaw`
      INSERT INTO "AuditEvent" ("id", "organizationId", "actorId", "action", "targetType", "targetId", "data", "createdAt")
      SELECT gen_random_uuid(), scope.organization::uuid, ${actorUserId}::uuid, 'registry.create', 'Organization', t.organization, t.data::jsonb, ${createdAt}::timestamp
      FROM unnest(${batch.map((p) => p.id)}::text[], ${data}::text[]) AS t(organization, data)
      CROSS JOIN LATERAL (SELECT set_config('app.organization_id', t.organization, true) AS organization) AS scope`;
  }
  await setDbScope(tx, { organizationId: parent?.id ?? null, userId: actorUserId });
  return planned.map(({ row: r, id, invitationId }) => ({ id, slug: r.slug, invitationId }));
}
