import { z } from "zod";
import { Email } from "../auth/schemas";
import { ROLES } from "../auth/roles";
import { INVITE_MANY_MAX } from "../domain/invitation-roles";
import { OrgSlug, Id, RequiredId } from "../schemas/fields";

// Shared by the forms (zodResolver) and the server actions; messages are keys under "errors".

export const InviteMemberInput = z.object({
  org: OrgSlug,
  email: Email,
  role: z.enum(ROLES, { error: "required" }),
});
export type InviteMemberInput = z.infer<typeof InviteMemberInput>;

export const RevokeInvitationInput = z.object({ org: OrgSlug, invitationId: Id });
export const RemoveMembershipInput = z.object({ org: OrgSlug, membershipId: Id });
export const InviteDirectorInput = z.object({ org: OrgSlug, schoolId: RequiredId, email: Email });
export type InviteDirectorInput = z.infer<typeof InviteDirectorInput>;

export const Password = z.string().min(10, { error: "passwordTooShort" }).max(200, { error: "passwordTooLong" });

export const AcceptInvitationInput = z.object({
  token: z.string().max(100),
  // A new account's name and password; an existing account accepts signed in (AcceptInvitationSignedInInput).
  name: z.string().trim().max(200).optional(),
  password: z.string().min(1, { error: "required" }).max(200, { error: "passwordTooLong" }),
  passwordRepeat: z.string().max(200).optional(),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const AcceptInvitationSignedInInput = z.object({ token: z.string().max(100) });
export const SignOutEverywhereInput = z.object({});

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(200),
    newPassword: Password,
    newPasswordRepeat: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.newPasswordRepeat, { error: "passwordsDiffer", path: ["newPasswordRepeat"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const SetLocaleInput = z.object({ locale: z.enum(["ru", "en"]) });

/** The bulk invitation from the people list: each selected person with the role chosen for them. */
export const InviteManyInput = z.object({
  org: OrgSlug,
  invitations: z
    .array(z.object({ personId: Id, role: z.enum(ROLES, { error: "required" }) }), { error: "inviteNoneSelected" })
    .min(1, { error: "inviteNoneSelected" })
    .max(INVITE_MANY_MAX, { error: "inviteTooMany" })
    .refine((rows) => new Set(rows.map((r) => r.personId)).size === rows.length, { error: "inviteDuplicatePerson" }),
});
export type InviteManyInput = z.input<typeof InviteManyInput>;

/** «Отправить ещё раз» (a new letter, or the link without SMTP) and «Показать ссылку» (the link, shown once). */
export const ResendInvitationInput = z.object({ org: OrgSlug, invitationId: Id, deliver: z.enum(["email", "link"]).default("email") });
export type ResendInvitationInput = z.input<typeof ResendInvitationInput>;
