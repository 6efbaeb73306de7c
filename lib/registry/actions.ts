"use server";

import { defineAction, done, runsAction } from "../actions/action";
import { refuse } from "../actions/result";
import type { TenantOrganization } from "../auth/tenant";
import { sendInvitationLettersAfterResponse } from "../members/invitation-letters";
import { checkRegistryRows, type RegistryParent } from "./check";
import { importOrganizations, loadRegistryExisting, lockRegistry } from "./import";
import { cellFromText } from "./read";
import { problemLines, readProblemText, registryWords, rowReasons } from "./problem-text";
import { checkRegistryFile } from "./run";
import {
  AddOrganizationInput,
  REGISTRY_KIND_WORD,
  RegistryListInput,
  type RegistryImportReport,
  type RegistryPreview,
} from "./schemas";

// The registry of a municipal (or regional) office: it adds organizations to its own tree, one by form or
// a list at once (docs/decisions/017). A school's page has no registry: refused as not found.

const parentOf = (org: TenantOrganization): RegistryParent | null =>
  org.kind === "SCHOOL" ? null : { id: org.id, kind: org.kind, name: org.name, timeZone: org.timeZone };

const addOrganizationAction = defineAction({
  name: "registry.add",
  scope: "tenant",
  idempotent: true,
  permission: "registry.manage",
  input: AddOrganizationInput,
  async run({ input, tx, ctx }) {
    const parent = parentOf(ctx.organization);
    if (!parent) return refuse("NOT_FOUND", "notFound");
    await lockRegistry(tx);
    const cells = {
      name: cellFromText(input.name),
      shortName: cellFromText(input.shortName),
      kind: cellFromText(REGISTRY_KIND_WORD[input.kind]),
      place: cellFromText(input.place),
      address: cellFromText(input.address),
      inn: cellFromText(input.inn),
      ogrn: cellFromText(input.ogrn),
      headPosition: cellFromText(input.headPosition),
      headName: cellFromText(input.headName),
      headEmail: cellFromText(input.headEmail),
    };
    const row = { row: 1, cells: Object.fromEntries(Object.entries(cells).filter(([, c]) => c !== null)) };
    const check = checkRegistryRows([row], parent, await loadRegistryExisting(tx, parent.id), input.slug ? { "1": input.slug } : {});
    if (check.problems.length) {
      return refuse("VALIDATION", "registryRowInvalid", undefined, { details: check.problems.map(registryWords(ctx.user.locale)) });
    }
    const [created] = await importOrganizations(tx, { parent, rows: check.organizations, actorUserId: ctx.user.id });
    return done(
      { id: created!.id, slug: created!.slug, invited: created!.invitationId !== null, invitationId: created!.invitationId },
      { targetType: "Organization", targetId: created!.id, data: { name: input.name, slug: created!.slug } },
    );
  },
});

/** Reads the uploaded list and shows every row with its problems and slug. Writes nothing. */
export const previewRegistryImport = defineAction({
  name: "registry.importPreview",
  scope: "tenant",
  permission: "registry.manage",
  audit: false,
  refresh: false,
  input: RegistryListInput,
  async run({ input, tx, ctx }) {
    const parent = parentOf(ctx.organization);
    if (!parent) return refuse("NOT_FOUND", "notFound");
    const checked = await checkRegistryFile(tx, parent, new Uint8Array(await input.file.arrayBuffer()), input.file.name, input.slugs);
    if (!checked.ok) return refuse("VALIDATION", "registryFileRefused", undefined, { values: { reason: readProblemText(checked.problem, ctx.user.locale) } });
    const { sheet, check } = checked;
    const word = registryWords(ctx.user.locale);
    return done<RegistryPreview>({
      fileName: input.file.name,
      format: sheet.format,
      encoding: sheet.encoding,
      headerRow: sheet.headerRow,
      totalRows: sheet.rows.length,
      rows: check.rows.map((r) => ({ ...r, problems: r.problems.map(word) })),
      problems: rowReasons(check.problems, ctx.user.locale),
      rowsWithErrors: check.rowsWithErrors,
      invitations: check.organizations.filter((o) => o.headEmail).length,
    });
  },
});

/**
 * Reads the same file with the same slugs again and creates every organization in one transaction — or
 * none: one refused row refuses the file, naming the rows.
 */
const importRegistryAction = defineAction({
  name: "registry.import",
  scope: "tenant",
  idempotent: true,
  permission: "registry.manage",
  input: RegistryListInput,
  async run({ input, tx, ctx }) {
    const parent = parentOf(ctx.organization);
    if (!parent) return refuse("NOT_FOUND", "notFound");
    await lockRegistry(tx);
    const checked = await checkRegistryFile(tx, parent, new Uint8Array(await input.file.arrayBuffer()), input.file.name, input.slugs);
    if (!checked.ok) return refuse("VALIDATION", "registryFileRefused", undefined, { values: { reason: readProblemText(checked.problem, ctx.user.locale) } });
    const { check } = checked;
    if (check.problems.length) {
      return refuse("VALIDATION", "registryHasErrors", undefined, { values: { rows: check.rowsWithErrors }, details: problemLines(check, ctx.user.locale) });
    }
    if (check.organizations.length === 0) return refuse("VALIDATION", "registryEmpty");
    const created = await importOrganizations(tx, { parent, rows: check.organizations, actorUserId: ctx.user.id });
    const report: RegistryImportReport & { letters: { organizationId: string; ids: string[] }[] } = {
      created: created.length,
      slugs: created.map((c) => c.slug),
      invitations: created.filter((c) => c.invitationId).length,
      letters: created.flatMap((c) => (c.invitationId ? [{ organizationId: c.id, ids: [c.invitationId] }] : [])),
    };
    return done(report, { targetType: "Organization", data: { fileName: input.file.name, created: report.created, invitations: report.invitations } });
  },
});

// The heads' invitation letters leave after the commit (with SMTP), the new organizations' one after another.

/** Adds one organization by the form; its head's letter is sent after the commit. */
export async function addOrganization(input: Parameters<typeof addOrganizationAction>[0]) {
  const result = await addOrganizationAction(input);
  if (result.ok && result.data.invitationId) await sendInvitationLettersAfterResponse([{ organizationId: result.data.id, ids: [result.data.invitationId] }]);
  return result;
}
runsAction(addOrganization, addOrganizationAction);

/** Creates the organizations of the list; the heads' letters are sent after the commit. */
export async function importRegistry(input: Parameters<typeof importRegistryAction>[0]) {
  const result = await importRegistryAction(input);
  if (result.ok) await sendInvitationLettersAfterResponse(result.data.letters);
  return result;
}
runsAction(importRegistry, importRegistryAction);
