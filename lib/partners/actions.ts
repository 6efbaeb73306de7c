"use server";

import "server-only";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { organizationToday } from "../auth/tenant";
import type { Tx } from "../db";
import { agreementDateRefusal, parseInn } from "../domain/partners";
import { CreatePartnerInput, DeletePartnerInput, LinkPartnerMentorInput, UpdatePartnerInput } from "./schemas";

// The register of partner organizations of a school or an office (issue #17 item 3, docs/decisions/061) and
// the link of an external mentor to the partner that provided them.

type PartnerFields = { name: string; inn: string; agreementNumber: string | null; agreementDate: Date | null; contactName: string | null; phone: string | null; email: string | null };

/** The checks both the creation and the edit make: the ИНН's checksum, once per register, no future agreement. */
async function partnerRefusal(tx: Tx, organizationId: string, input: PartnerFields, today: Date, exceptId: string | null) {
  const inn = parseInn(input.inn);
  if (!inn.ok) return { refusal: refuse("VALIDATION", inn.key, { inn: inn.key }) };
  const future = agreementDateRefusal(input.agreementDate, today);
  if (future) return { refusal: refuse("VALIDATION", future, { agreementDate: future }) };
  const taken = await tx.partnerOrganization.findFirst({ where: { organizationId, inn: inn.inn, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (taken) return { refusal: refuse("CONFLICT", "partnerInnTaken", { inn: "partnerInnTaken" }, { values: { name: taken.name }, fieldValues: { inn: { name: taken.name } } }) };
  return { inn: inn.inn };
}

const row = (input: PartnerFields, inn: string) => ({
  name: input.name,
  inn,
  agreementNumber: input.agreementNumber,
  agreementDate: input.agreementDate,
  contactName: input.contactName,
  phone: input.phone,
  email: input.email,
});

export const createPartner = defineAction({
  name: "partners.create",
  scope: "tenant",
  permission: "partners.manage",
  idempotent: true,
  input: CreatePartnerInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const checked = await partnerRefusal(tx, organizationId, input, organizationToday(ctx), null);
    if (checked.refusal) return checked.refusal;
    const partner = await tx.partnerOrganization.create({ data: { organizationId, ...row(input, checked.inn!) }, select: { id: true } });
    return done({ partnerId: partner.id }, { targetType: "PartnerOrganization", targetId: partner.id, data: { name: input.name, inn: checked.inn } });
  },
});

export const updatePartner = defineAction({
  name: "partners.update",
  scope: "tenant",
  permission: "partners.manage",
  input: UpdatePartnerInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const partner = await tx.partnerOrganization.findFirst({ where: { id: input.partnerId, organizationId }, select: { id: true } });
    if (!partner) return refuse("NOT_FOUND", "notFound");
    const checked = await partnerRefusal(tx, organizationId, input, organizationToday(ctx), partner.id);
    if (checked.refusal) return checked.refusal;
    await tx.partnerOrganization.update({ where: { id: partner.id }, data: row(input, checked.inn!) });
    return done({ partnerId: partner.id }, { targetType: "PartnerOrganization", targetId: partner.id, data: { name: input.name, inn: checked.inn } });
  },
});

export const linkPartnerMentor = defineAction({
  name: "partners.linkMentor",
  scope: "tenant",
  permission: "partners.manage",
  input: LinkPartnerMentorInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const person = await tx.person.findFirst({ where: { id: input.personId, organizationId }, select: { id: true, kind: true, partnerId: true, mentorProfile: { select: { id: true } } } });
    if (!person) return refuse("NOT_FOUND", "notFound");
    // Only a mentor of the bank (entered with the consent the bank needs) who is not the school's staff.
    if (person.kind !== "EXTERNAL" || !person.mentorProfile) return refuse("VALIDATION", "partnerMentorNotExternal", { personId: "partnerMentorNotExternal" });
    if (input.partnerId) {
      const partner = await tx.partnerOrganization.findFirst({ where: { id: input.partnerId, organizationId }, select: { id: true } });
      if (!partner) return refuse("NOT_FOUND", "notFound");
    }
    await tx.person.update({ where: { id: person.id }, data: { partnerId: input.partnerId } });
    return done({ personId: person.id, partnerId: input.partnerId }, { targetType: "Person", targetId: person.id, data: { partnerId: input.partnerId, before: person.partnerId } });
  },
});

/** Deleting a partner that still has linked mentors is refused: unlink them first (the indicator would change silently). */
export const deletePartner = defineAction({
  name: "partners.delete",
  scope: "tenant",
  permission: "partners.manage",
  input: DeletePartnerInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const partner = await tx.partnerOrganization.findFirst({ where: { id: input.partnerId, organizationId }, select: { id: true, name: true, inn: true, _count: { select: { mentors: true } } } });
    if (!partner) return refuse("NOT_FOUND", "notFound");
    if (partner._count.mentors > 0) return refuse("CONFLICT", "partnerHasMentors", undefined, { values: { count: partner._count.mentors } });
    await tx.partnerOrganization.delete({ where: { id: partner.id } });
    return done({ partnerId: partner.id }, { targetType: "PartnerOrganization", targetId: partner.id, data: { name: partner.name, inn: partner.inn } });
  },
});
