"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { now } from "../clock";
import { setDbScope } from "../db";
import { todayIn } from "../domain/local-date";
import { importPeopleFile } from "../people/import-run";
import { ApiPeopleImportInput, CreateApiTokenInput, RevokeApiTokenInput } from "./schemas";
import { newApiToken, parseApiToken } from "./tokens";

// API tokens of an organization (decision 045): created and revoked by its head; the secret is returned once
// and only its hash is kept. And the API's one write, the people import, run through this wrapper like the
// import page's action (the same function does the work).

export const createApiToken = defineAction({
  name: "apiTokens.create",
  scope: "tenant",
  permission: "api.tokens",
  input: CreateApiTokenInput,
  // Not idempotent on purpose: a replayed first result would keep the secret in the idempotency table.
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    // People are imported into a school; an office has no people list.
    if (input.scopes.includes("people.import") && ctx.organization.kind !== "SCHOOL") return refuse("VALIDATION", "validation", { scopes: "apiImportSchoolsOnly" });
    const { token, tokenHash } = newApiToken(organizationId);
    const scopes = [...new Set(input.scopes)];
    const row = await tx.apiToken.create({ data: { organizationId, name: input.name, tokenHash, scopes, createdById: ctx.user.id }, select: { id: true } });
    return done({ apiTokenId: row.id, token }, { targetType: "ApiToken", targetId: row.id, data: { name: input.name, scopes } });
  },
});

export const revokeApiToken = defineAction({
  name: "apiTokens.revoke",
  scope: "tenant",
  permission: "api.tokens",
  input: RevokeApiTokenInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const token = await tx.apiToken.findFirst({ where: { id: input.apiTokenId, organizationId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) return refuse("NOT_FOUND", "notFound");
    const changed = await tx.apiToken.updateMany({ where: { id: token.id, organizationId, revokedAt: null }, data: { revokedAt: now() } });
    if (changed.count === 0) return refuse("CONFLICT", "apiTokenAlreadyRevoked");
    return done({ apiTokenId: token.id }, { targetType: "ApiToken", targetId: token.id, data: { name: token.name } });
  },
});

/**
 * POST /api/v1/organizations/{org}/people/import: the import page's all-or-nothing import for a token with
 * the people.import scope. Public scope (a token in the input, no session): the body checks the token in its
 * organization's scope and writes the audit record there.
 */
export const importPeopleViaApi = defineAction({
  name: "api.peopleImport",
  scope: "public",
  input: ApiPeopleImportInput,
  async run({ input, tx }) {
    const parsed = parseApiToken(input.token);
    if (!parsed) return refuse("UNAUTHENTICATED", "apiTokenInvalid");
    const { organizationId, tokenHash } = parsed;
    await setDbScope(tx, { organizationId });
    const found = await tx.apiToken.findFirst({
      where: { tokenHash, organizationId, revokedAt: null },
      select: { id: true, scopes: true, organization: { select: { kind: true, timeZone: true, archivedAt: true } } },
    });
    if (!found) return refuse("UNAUTHENTICATED", "apiTokenInvalid");
    if (!found.scopes.includes("people.import")) return refuse("FORBIDDEN", "apiScopeMissing", undefined, { values: { scope: "people.import" } });
    if (found.organization.archivedAt) return refuse("FORBIDDEN", "organizationArchived");
    if (found.organization.kind !== "SCHOOL") return refuse("NOT_FOUND", "notFound");
    const report = await importPeopleFile(tx, organizationId, todayIn(found.organization.timeZone, now()), input);
    if ("refused" in report) return report;
    const { fileName, totalRows, created, skippedDuplicates } = report;
    return done(
      { fileName, totalRows, created, skippedDuplicates },
      { organizationId, targetType: "Person", data: { fileName, rows: totalRows, created, skippedDuplicates, apiTokenId: found.id } },
    );
  },
});
