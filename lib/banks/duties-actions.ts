"use server";

import "server-only";
import { organizationToday } from "../auth/tenant";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { AttachDutiesConsentScanInput, RecordDutiesConsentInput } from "./schemas";

/**
 * Records the date of the mentor's written consent to the additional duties of mentoring (ТК РФ ст. 60.2;
 * a teacher is appointed mentor with their written consent, seed 002 §4.3.2). The order appointing mentors
 * and the pairs order cite it.
 */
export const recordDutiesConsent = defineAction({
  name: "mentors.recordDutiesConsent",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: RecordDutiesConsentInput,
  async run({ input, tx, ctx }) {
    if (input.givenAt.getTime() > organizationToday(ctx).getTime()) return refuse("VALIDATION", "validation", { givenAt: "dateInFuture" });
    const updated = await tx.mentorProfile.updateMany({
      where: { id: input.mentorId, organizationId: ctx.organization.id, status: { not: "LEFT" } },
      data: { dutiesConsentAt: input.givenAt },
    });
    if (updated.count !== 1) {
      const exists = await tx.mentorProfile.findFirst({ where: { id: input.mentorId, organizationId: ctx.organization.id }, select: { id: true } });
      return exists ? refuse("CONFLICT", "bankEntryLeft") : refuse("NOT_FOUND", "notFound");
    }
    return done({ mentorId: input.mentorId }, { targetType: "MentorProfile", targetId: input.mentorId, data: { dutiesConsentAt: input.givenAt.toISOString().slice(0, 10) } });
  },
});

/** Keeps the scan of the signed consent to additional duties with the mentor's entry (after its date is recorded). */
export const attachDutiesConsentScan = defineAction({
  name: "mentors.attachDutiesConsentScan",
  scope: "tenant",
  permission: "people.manage",
  input: AttachDutiesConsentScanInput,
  async run({ input, tx, ctx }) {
    const data = Buffer.from(await input.file.arrayBuffer());
    const updated = await tx.mentorProfile.updateMany({
      where: { id: input.mentorId, organizationId: ctx.organization.id, dutiesConsentAt: { not: null } },
      data: { dutiesConsentFileName: input.file.name.slice(0, 200), dutiesConsentFileType: input.file.type, dutiesConsentFileData: data },
    });
    if (updated.count !== 1) {
      const exists = await tx.mentorProfile.findFirst({ where: { id: input.mentorId, organizationId: ctx.organization.id }, select: { id: true } });
      return exists ? refuse("CONFLICT", "dutiesConsentFirst") : refuse("NOT_FOUND", "notFound");
    }
    return done({ mentorId: input.mentorId }, { targetType: "MentorProfile", targetId: input.mentorId, data: { file: input.file.name, size: data.length } });
  },
});
