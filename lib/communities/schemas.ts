import { z } from "zod";
import { COMMUNITY_KINDS } from "../domain/communities";
import { asList, Id, OptionalText, OrgSlug, RequiredDate, RequiredText } from "../schemas/fields";
import { ACCEPT, DOCUMENT_MAX_BYTES, uploadFile } from "../uploads/limits";

// District communities of a municipal office (issue #17 item 2, docs/decisions/059).

export const CreateCommunityInput = z.object({
  org: OrgSlug,
  kind: z.enum(COMMUNITY_KINDS, { error: "communityKind" }),
  name: RequiredText(300),
  /** A методическое объединение's subject or area (required for it: lib/domain/communities.ts). */
  area: OptionalText(300),
});
export type CreateCommunityInput = z.input<typeof CreateCommunityInput>;

export const AddCommunityMemberInput = z.object({ org: OrgSlug, communityId: Id, personId: Id });

/** The office ends a membership with its reason (the person stays in the history of the meetings attended). */
export const RemoveCommunityMemberInput = z.object({ org: OrgSlug, communityMemberId: Id, reason: RequiredText(500) });
export type RemoveCommunityMemberInput = z.input<typeof RemoveCommunityMemberInput>;

export const HoldCommunityMeetingInput = z.object({
  org: OrgSlug,
  communityId: Id,
  date: RequiredDate,
  agenda: RequiredText(5000),
  /** The members who attended (none is allowed: a meeting may be recorded before its attendance). */
  communityMemberIds: z.preprocess(asList, z.array(Id).max(1000, { error: "tooLong" })).transform((ids) => [...new Set(ids)]),
});
export type HoldCommunityMeetingInput = z.input<typeof HoldCommunityMeetingInput>;

export const AttachCommunityMaterialInput = z.object({
  org: OrgSlug,
  communityMeetingId: Id,
  file: uploadFile({ maxBytes: DOCUMENT_MAX_BYTES, accept: ACCEPT.letter }),
});
