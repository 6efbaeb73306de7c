import { z } from "zod";
import { Id, OrgSlug, RequiredText } from "../schemas/fields";

// Consultations of a school with the methodist of its municipal office (issue #17 item 4b, docs/decisions/061).

export const AskConsultationInput = z.object({ org: OrgSlug, topic: RequiredText(300), question: RequiredText(10_000) });
export type AskConsultationInput = z.input<typeof AskConsultationInput>;

/** A message of the thread (the school's or the office's). */
export const ConsultationMessageInput = z.object({ org: OrgSlug, consultationId: Id, body: RequiredText(10_000) });
export type ConsultationMessageInput = z.input<typeof ConsultationMessageInput>;

/** The methodist closes the consultation with its outcome. */
export const CloseConsultationInput = z.object({ org: OrgSlug, consultationId: Id, outcome: RequiredText(10_000) });
export type CloseConsultationInput = z.input<typeof CloseConsultationInput>;
