"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { now } from "../clock";
import { AskConsultationInput, CloseConsultationInput, ConsultationMessageInput } from "./schemas";

// Consultations (issue #17 item 4b, docs/decisions/061). The consultation is the school's row naming its office;
// each message is a row of the organization that wrote it; the office closes the consultation with the outcome.
// Both walls: the bodies filter by the school (organizationId) or the office (officeId), and row-level security
// lets only those two read the rows.

/** A school asks its municipal office (its parent organization). */
export const askConsultation = defineAction({
  name: "consultations.ask",
  scope: "tenant",
  permission: "consultations.ask",
  idempotent: true,
  input: AskConsultationInput,
  async run({ input, tx, ctx }) {
    const officeId = ctx.organization.parentId;
    if (ctx.organization.kind !== "SCHOOL" || !officeId) return refuse("FORBIDDEN", "consultationNoOffice");
    const consultation = await tx.consultation.create({
      data: { organizationId: ctx.organization.id, officeId, topic: input.topic, question: input.question, askedById: ctx.user.id, askedAt: now() },
      select: { id: true },
    });
    return done({ consultationId: consultation.id }, { targetType: "Consultation", targetId: consultation.id, data: { topic: input.topic } });
  },
});

/** The school writes in its own consultation's thread (not after it was closed). */
export const writeConsultation = defineAction({
  name: "consultations.write",
  scope: "tenant",
  permission: "consultations.ask",
  idempotent: true,
  input: ConsultationMessageInput,
  async run({ input, tx, ctx }) {
    const schoolId = ctx.organization.id;
    const consultation = await tx.consultation.findFirst({ where: { id: input.consultationId, organizationId: schoolId }, select: { id: true, status: true } });
    if (!consultation) return refuse("NOT_FOUND", "notFound");
    if (consultation.status === "CLOSED") return refuse("CONFLICT", "consultationClosed");
    const message = await tx.consultationMessage.create({
      data: { organizationId: schoolId, schoolId, consultationId: consultation.id, body: input.body, authorId: ctx.user.id, authorName: ctx.user.name ?? "", createdAt: now() },
      select: { id: true },
    });
    return done({ messageId: message.id }, { targetType: "Consultation", targetId: consultation.id, data: { message: message.id } });
  },
});

/** The office's methodist answers a consultation addressed to the office. */
export const replyConsultation = defineAction({
  name: "consultations.reply",
  scope: "tenant",
  permission: "consultations.answer",
  idempotent: true,
  input: ConsultationMessageInput,
  async run({ input, tx, ctx }) {
    const officeId = ctx.organization.id;
    const consultation = await tx.consultation.findFirst({ where: { id: input.consultationId, officeId }, select: { id: true, organizationId: true, status: true } });
    if (!consultation) return refuse("NOT_FOUND", "notFound");
    if (consultation.status === "CLOSED") return refuse("CONFLICT", "consultationClosed");
    const message = await tx.consultationMessage.create({
      data: { organizationId: officeId, schoolId: consultation.organizationId, consultationId: consultation.id, body: input.body, authorId: ctx.user.id, authorName: ctx.user.name ?? "", createdAt: now() },
      select: { id: true },
    });
    return done(
      { messageId: message.id },
      { targetType: "Consultation", targetId: consultation.id, data: { message: message.id }, also: [{ organizationId: consultation.organizationId, targetType: "Consultation", targetId: consultation.id, data: { reply: message.id } }] },
    );
  },
});

/** The methodist closes the consultation with its outcome; closing twice is refused (the first outcome stands). */
export const closeConsultation = defineAction({
  name: "consultations.close",
  scope: "tenant",
  permission: "consultations.answer",
  input: CloseConsultationInput,
  async run({ input, tx, ctx }) {
    const officeId = ctx.organization.id;
    const consultation = await tx.consultation.findFirst({ where: { id: input.consultationId, officeId }, select: { id: true, organizationId: true } });
    if (!consultation) return refuse("NOT_FOUND", "notFound");
    const closed = await tx.consultation.updateMany({
      where: { id: consultation.id, officeId, status: "OPEN" },
      data: { status: "CLOSED", outcome: input.outcome, closedAt: now(), closedById: ctx.user.id },
    });
    if (closed.count === 0) return refuse("CONFLICT", "consultationClosed");
    return done(
      { consultationId: consultation.id },
      { targetType: "Consultation", targetId: consultation.id, data: { outcome: input.outcome }, also: [{ organizationId: consultation.organizationId, targetType: "Consultation", targetId: consultation.id, data: { closed: true } }] },
    );
  },
});
