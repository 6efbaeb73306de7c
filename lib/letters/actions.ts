"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import type { Tx } from "../db";
import { now } from "../clock";
import { LetterInput, SendLetterInput } from "./schemas";
import { officeSchoolIds } from "./schools";

// Information letters (issue #16 item 2, docs/decisions/047). The office writes the letter and one
// addressee row per school (the school's row, naming the office); the school records its read and its
// acknowledgement on that row; the office reminds the schools that have not acknowledged (the reminders
// cycle turns that into a notification and an e-mail to each school's director).

export const sendLetter = defineAction({
  name: "letters.send",
  scope: "tenant",
  permission: "letters.send",
  idempotent: true,
  input: SendLetterInput,
  async run({ input, tx, ctx }) {
    if (ctx.organization.kind === "SCHOOL") return refuse("FORBIDDEN", "lettersOfficeOnly");
    const own = await officeSchoolIds(tx, ctx.organization);
    const ownSet = new Set(own);
    const chosen = input.toAll ? own : [...new Set(input.schoolIds ?? [])];
    if (chosen.some((id) => !ownSet.has(id))) return refuse("NOT_FOUND", "letterNotYourSchool", { schoolIds: "letterNotYourSchool" });
    if (chosen.length === 0) return refuse("VALIDATION", "letterNoSchools", { schoolIds: "letterNoSchools" });
    const letter = await tx.infoLetter.create({
      data: { organizationId: ctx.organization.id, subject: input.subject, body: input.body, sentById: ctx.user.id, sentAt: now() },
      select: { id: true },
    });
    const file = input.file && input.file.size > 0 ? input.file : null;
    if (file) {
      const data = Buffer.from(await file.arrayBuffer());
      await tx.infoLetterFile.create({
        data: { organizationId: ctx.organization.id, letterId: letter.id, fileName: file.name.slice(0, 200), fileType: file.type || "application/octet-stream", fileSize: data.length, fileData: data },
      });
    }
    await tx.infoLetterRecipient.createMany({ data: chosen.map((schoolId) => ({ organizationId: schoolId, officeId: ctx.organization.id, letterId: letter.id })) });
    return done(
      { letterId: letter.id, schools: chosen.length },
      { targetType: "InfoLetter", targetId: letter.id, data: { subject: input.subject, schools: chosen.length, file: file?.name ?? null } },
    );
  },
});

/** Reminds the schools that have not acknowledged the letter: the next reminders cycle notifies their directors. */
export const remindLetter = defineAction({
  name: "letters.remind",
  scope: "tenant",
  permission: "letters.send",
  input: LetterInput,
  async run({ input, tx, ctx }) {
    const letter = await tx.infoLetter.findFirst({ where: { id: input.letterId, organizationId: ctx.organization.id }, select: { id: true } });
    if (!letter) return refuse("NOT_FOUND", "notFound");
    const pending = await tx.infoLetterRecipient.count({ where: { letterId: letter.id, officeId: ctx.organization.id, acknowledgedAt: null } });
    if (pending === 0) return refuse("CONFLICT", "letterAllAcknowledged");
    await tx.infoLetter.update({ where: { id: letter.id }, data: { remindedAt: now() } });
    return done({ letterId: letter.id, schools: pending }, { targetType: "InfoLetter", targetId: letter.id, data: { reminded: pending } });
  },
});

async function ownRecipient(tx: Tx, schoolId: string, letterId: string) {
  return tx.infoLetterRecipient.findFirst({ where: { organizationId: schoolId, letterId }, select: { id: true, readAt: true, acknowledgedAt: true } });
}

/**
 * The director opened the letter: the first opening is recorded (later ones change nothing). Called by the
 * letter's page once it is shown — never by the GET itself. No audit record: the read mark is the record.
 */
export const markLetterRead = defineAction({
  name: "letters.markRead",
  scope: "tenant",
  permission: "letters.receive",
  audit: false,
  input: LetterInput,
  async run({ input, tx, ctx }) {
    const row = await ownRecipient(tx, ctx.organization.id, input.letterId);
    if (!row) return refuse("NOT_FOUND", "notFound");
    if (!row.readAt) await tx.infoLetterRecipient.updateMany({ where: { id: row.id, readAt: null }, data: { readAt: now(), readById: ctx.user.id } });
    return done({ letterId: input.letterId });
  },
});

/** The director acknowledges the letter (ознакомлен). Once: a second acknowledgement is refused, the first stands. */
export const acknowledgeLetter = defineAction({
  name: "letters.acknowledge",
  scope: "tenant",
  permission: "letters.receive",
  input: LetterInput,
  async run({ input, tx, ctx }) {
    const row = await ownRecipient(tx, ctx.organization.id, input.letterId);
    if (!row) return refuse("NOT_FOUND", "notFound");
    if (row.acknowledgedAt) return refuse("CONFLICT", "letterAlreadyAcknowledged");
    const at = now();
    // A concurrent acknowledgement: the second finds nothing to update and is refused the same way.
    const updated = await tx.infoLetterRecipient.updateMany({
      where: { id: row.id, acknowledgedAt: null },
      data: { acknowledgedAt: at, acknowledgedById: ctx.user.id, ...(row.readAt ? {} : { readAt: at, readById: ctx.user.id }) },
    });
    if (updated.count !== 1) return refuse("CONFLICT", "letterAlreadyAcknowledged");
    return done({ letterId: input.letterId }, { targetType: "InfoLetter", targetId: input.letterId });
  },
});
