"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { defaultHeadPosition } from "../domain/requisites";
import { REQUISITES_SELECT } from "./requisites";
import { UpdateProfileInput } from "./schemas";

const PROFILE_FIELDS = ["name", "shortName", "schoolKind", "place", "address", "phone", "email", "website", "inn", "ogrn", "headPosition", "headName", "timeZone"] as const;
type ProfileField = (typeof PROFILE_FIELDS)[number];

/**
 * The head edits the organization's profile: the requisites every generated document reads and the time
 * zone. A school's kind is the head's to correct (it decides who signs: a kindergarten's «Заведующий»);
 * the head's position equal to the kind's default is kept empty, so it follows a later change of kind.
 * An ИНН another organization has is refused; the audit keeps from/to of each changed field.
 */
export const updateOrganizationProfile = defineAction({
  name: "organization.updateProfile",
  scope: "tenant",
  permission: "organization.settings",
  input: UpdateProfileInput,
  async run({ input, tx, ctx }) {
    const id = ctx.organization.id;
    const before = await tx.organization.findUniqueOrThrow({ where: { id }, select: { ...REQUISITES_SELECT, timeZone: true } });
    if (input.inn && input.inn !== before.inn) {
      const holder = await tx.organization.findFirst({ where: { inn: input.inn, NOT: { id } }, select: { id: true } });
      if (holder) return refuse("CONFLICT", "innTaken", { inn: "innTaken" });
    }
    const schoolKind = before.kind === "SCHOOL" ? (input.schoolKind ?? before.schoolKind) : null;
    const headPosition = input.headPosition === defaultHeadPosition({ kind: before.kind, schoolKind }) ? null : input.headPosition;
    const after: Record<ProfileField, string | null> = {
      name: input.name,
      shortName: input.shortName,
      schoolKind,
      place: input.place,
      address: input.address,
      phone: input.phone,
      email: input.email,
      website: input.website,
      inn: input.inn,
      ogrn: input.ogrn,
      headPosition,
      headName: input.headName,
      timeZone: input.timeZone,
    };
    const changes: Partial<Record<ProfileField, { from: string | null; to: string | null }>> = {};
    for (const field of PROFILE_FIELDS) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
    const changed = Object.keys(changes) as ProfileField[];
    if (changed.length > 0) {
      await tx.organization.update({
        where: { id },
        data: { ...after, schoolKind: after.schoolKind as (typeof before)["schoolKind"], name: input.name, timeZone: input.timeZone },
      });
    }
    return done({ changed }, { targetType: "Organization", targetId: id, data: changes });
  },
});
