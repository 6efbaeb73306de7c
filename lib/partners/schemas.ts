import { z } from "zod";
import { Id, OptionalDate, OptionalId, OptionalText, OrgSlug, RequiredText } from "../schemas/fields";

// Partner organizations (issue #17 item 3, docs/decisions/061). The ИНН's checksum is checked by the action
// (lib/domain/partners.ts parseInn), so a form shows the same refusal the server gives.

const partnerFields = {
  name: RequiredText(500),
  inn: RequiredText(20),
  agreementNumber: OptionalText(100),
  agreementDate: OptionalDate,
  contactName: OptionalText(300),
  phone: OptionalText(40),
  email: z.union([z.email({ error: "email" }), z.literal("")]).optional().transform((v) => (v ? v.toLowerCase() : null)),
};

export const CreatePartnerInput = z.object({ org: OrgSlug, ...partnerFields });
export type CreatePartnerInput = z.input<typeof CreatePartnerInput>;

export const UpdatePartnerInput = z.object({ org: OrgSlug, partnerId: Id, ...partnerFields });
export type UpdatePartnerInput = z.input<typeof UpdatePartnerInput>;

export const DeletePartnerInput = z.object({ org: OrgSlug, partnerId: Id });

/** Links an external mentor to a partner; no partner (an empty select) unlinks. */
export const LinkPartnerMentorInput = z.object({ org: OrgSlug, personId: Id, partnerId: OptionalId });
export type LinkPartnerMentorInput = z.input<typeof LinkPartnerMentorInput>;
