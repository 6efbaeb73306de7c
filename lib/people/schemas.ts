import { z } from "zod";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";
import { OrgSlug, Id, OptionalText, RequiredDate, OptionalDate } from "../schemas/fields";

export const PERSON_KINDS = ["TEACHER", "STUDENT", "EXTERNAL"] as const;
export const CONSENT_PURPOSES = ["BANK", "PAIRS", "SURVEYS", "PUBLICATION", "DISTRICT_COMMUNITIES"] as const;
/** What a consent to dissemination may allow the public section to show (lib/domain/consent.ts). */
export const PUBLIC_FIELD_VALUES = ["NAME", "POSITION", "SUBJECTS", "COMPETENCIES"] as const;

const Name = z.string().trim().min(1, { error: "required" }).max(100, { error: "tooLong" });

export const CreatePersonInput = z.object({
  org: OrgSlug,
  kind: z.enum(PERSON_KINDS, { error: "required" }),
  lastName: Name,
  firstName: Name,
  middleName: OptionalText(100),
  birthDate: OptionalDate,
  minor: z.union([z.boolean(), z.literal("on"), z.literal("")]).optional().transform((v) => v === true || v === "on"),
  position: OptionalText(200),
  grade: OptionalText(20),
  externalOrganization: OptionalText(300),
  email: z.union([z.email({ error: "email" }), z.literal("")]).optional().transform((v) => (v ? v.toLowerCase() : null)),
  phone: OptionalText(40),
});
export type CreatePersonInput = z.input<typeof CreatePersonInput>;

export const RecordConsentInput = z
  .object({
    org: OrgSlug,
    personId: Id,
    // One ticked checkbox in a plain form post arrives as a single string.
    purposes: z.preprocess(
      (v) => (typeof v === "string" ? [v] : v),
      z.array(z.enum(CONSENT_PURPOSES), { error: "purposesRequired" }).min(1, { error: "purposesRequired" }),
    ),
    givenBy: z.enum(["SUBJECT", "REPRESENTATIVE"], { error: "required" }),
    representativeName: OptionalText(300),
    representativeDocument: OptionalText(300),
    givenAt: RequiredDate,
    validUntil: OptionalDate,
    // Consent to dissemination only: what the person allows to publish, and their conditions (art. 10.1).
    publicFields: z.preprocess((v) => (typeof v === "string" ? [v] : v ?? []), z.array(z.enum(PUBLIC_FIELD_VALUES))).optional().transform((v) => [...new Set(v ?? [])]),
    publicConditions: OptionalText(1000),
  })
  .refine((v) => v.givenBy === "SUBJECT" || v.representativeName, { error: "representativeRequired", path: ["representativeName"] })
  .refine((v) => !v.purposes.includes("PUBLICATION") || v.publicFields.includes("NAME"), { error: "publicNameRequired", path: ["publicFields"] })
  .refine((v) => !v.purposes.includes("PUBLICATION") || v.purposes.length === 1, { error: "publicationSeparate", path: ["purposes"] });
export type RecordConsentInput = z.input<typeof RecordConsentInput>;

export const RevokeConsentInput = z.object({
  org: OrgSlug,
  consentId: Id,
  revokedAt: RequiredDate,
  reason: z.string().trim().min(3, { error: "reasonShort" }).max(1000, { error: "tooLong" }),
});
export type RevokeConsentInput = z.input<typeof RevokeConsentInput>;

export const CONSENT_SCAN_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

export const AttachConsentScanInput = z.object({
  org: OrgSlug,
  consentId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.consentScan, type: (f) => (CONSENT_SCAN_TYPES as readonly string[]).includes(f.type), typeError: "scanType" }),
});
export type AttachConsentScanInput = z.input<typeof AttachConsentScanInput>;

export const LinkAccountInput = z.object({
  org: OrgSlug,
  personId: Id,
  // Empty: unlink.
  userId: z.union([Id, z.literal("")]).transform((v) => v || null),
});
export type LinkAccountInput = z.input<typeof LinkAccountInput>;

/** The hire date of a person's card (issue #16 item 4); empty clears it. */
export const SetHiredOnInput = z.object({ org: OrgSlug, personId: Id, hiredOn: OptionalDate });
export type SetHiredOnInput = z.input<typeof SetHiredOnInput>;

export const LEAVE_REASON_VALUES = ["TRANSFER", "OWN_WISH", "CHANGED_PROFESSION", "RELOCATION", "RETIREMENT", "OTHER"] as const;

/** A person left the organization: the day, why, and a note (required for «Другое»). */
export const RecordLeavingInput = z
  .object({
    org: OrgSlug,
    personId: Id,
    leftOn: RequiredDate,
    reason: z.enum(LEAVE_REASON_VALUES, { error: "required" }),
    note: OptionalText(300),
  })
  .refine((v) => v.reason !== "OTHER" || v.note, { error: "leaveNoteRequired", path: ["note"] });
export type RecordLeavingInput = z.input<typeof RecordLeavingInput>;

/** A leaving recorded by mistake is withdrawn. */
export const CancelLeavingInput = z.object({ org: OrgSlug, personId: Id });
export type CancelLeavingInput = z.input<typeof CancelLeavingInput>;
