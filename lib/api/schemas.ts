import { z } from "zod";
import { ImportPeopleInput } from "../people/import-schema";
import { Id, OrgSlug, RequiredText } from "../schemas/fields";
import { API_SCOPES } from "./scopes";

// Inputs of the API token actions (lib/api/actions.ts), shared with the settings form.

export const CreateApiTokenInput = z.object({
  org: OrgSlug,
  name: RequiredText(100),
  // A form post carries one value per checked box (a string, or a list of them).
  scopes: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(z.enum(API_SCOPES, { error: "validation" }), { error: "apiScopesRequired" }).min(1, { error: "apiScopesRequired" }).max(API_SCOPES.length),
  ),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenInput>;

export const RevokeApiTokenInput = z.object({ org: OrgSlug, apiTokenId: Id });

/** The API's people import (api.peopleImport): the import page's input, the token in place of the organization. */
export const ApiPeopleImportInput = ImportPeopleInput.omit({ org: true }).extend({ token: z.string().max(200) });
