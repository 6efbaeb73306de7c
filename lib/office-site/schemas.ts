import { z } from "zod";
import { Id, OrgSlug, OptionalText, RequiredDate, RequiredText } from "../schemas/fields";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";

// The office's public section (issue #17 item 5, docs/decisions/060): its documents. The section's texts and news
// use the school's schemas (lib/publication/schemas.ts). Messages are keys under "errors".

const Flag = z
  .union([z.boolean(), z.enum(["true", "false", "on", "1", "0"])], { error: "required" })
  .transform((v) => v === true || v === "true" || v === "on" || v === "1");

export const OFFICE_DOCUMENT_KIND_KEYS = ["MUNICIPAL_REGULATION", "MUNICIPAL_ROADMAP", "OTHER"] as const;

export const UploadOfficeDocumentInput = z.object({
  org: OrgSlug,
  kind: z.enum(OFFICE_DOCUMENT_KIND_KEYS, { error: "required" }),
  title: RequiredText(300),
  number: OptionalText(50),
  issuedOn: RequiredDate,
  /** Unticked: kept in the office only; ticked: shown in the public section at once. */
  publishedOnSite: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()).optional(),
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.act }),
});
export type UploadOfficeDocumentInput = z.input<typeof UploadOfficeDocumentInput>;

export const SetOfficeDocumentInput = z.object({ org: OrgSlug, officeDocumentId: Id, published: Flag });
export type SetOfficeDocumentInput = z.input<typeof SetOfficeDocumentInput>;

export const DeleteOfficeDocumentInput = z.object({ org: OrgSlug, officeDocumentId: Id });
export type DeleteOfficeDocumentInput = z.input<typeof DeleteOfficeDocumentInput>;
