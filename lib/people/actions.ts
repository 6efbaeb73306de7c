"use server";

import { organizationToday } from "../auth/tenant";
import { now } from "../clock";
import { defineAction, done } from "../actions/action";
import { refuse } from "../actions/result";
import { consentProblem, isMinorOn } from "../domain/consent";
import { eraseCommunityMemberships } from "../communities/people";
import { translator } from "../i18n/translator";
import { CONSENT_SELECT } from "./select";
import { AttachConsentScanInput, CreatePersonInput, LinkAccountInput, RecordConsentInput, RevokeConsentInput } from "./schemas";

export const createPerson = defineAction({
  name: "people.create",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: CreatePersonInput,
  async run({ input, tx, ctx }) {
    const { org: _org, ...data } = input;
    void _org;
    // A student without a birth date counts as a minor unless told otherwise: the safe side for consent.
    const minor = data.birthDate ? isMinorOn({ birthDate: data.birthDate }, organizationToday(ctx)) : data.kind === "STUDENT" || data.minor;
    const person = await tx.person.create({ data: { ...data, minor, organizationId: ctx.organization.id }, select: { id: true } });
    return done({ personId: person.id }, { targetType: "Person", targetId: person.id, data: { kind: data.kind } });
  },
});

export const recordConsent = defineAction({
  name: "consents.record",
  scope: "tenant",
  idempotent: true,
  permission: "people.manage",
  input: RecordConsentInput,
  async run({ input, tx, ctx }) {
    const person = await tx.person.findFirst({ where: { id: input.personId, organizationId: ctx.organization.id }, select: { id: true, birthDate: true, minor: true } });
    if (!person) return refuse("NOT_FOUND", "notFound");
    // A minor's consent comes from a legal representative (152-ФЗ, art. 9).
    if (isMinorOn({ birthDate: person.birthDate, flaggedMinor: person.minor }, input.givenAt) && input.givenBy !== "REPRESENTATIVE") {
      return refuse("VALIDATION", "validation", { givenBy: "minorNeedsRepresentative" });
    }
    const consent = await tx.consent.create({
      data: {
        organizationId: ctx.organization.id,
        personId: person.id,
        purposes: input.purposes,
        givenBy: input.givenBy,
        representativeName: input.givenBy === "REPRESENTATIVE" ? input.representativeName : null,
        representativeDocument: input.givenBy === "REPRESENTATIVE" ? input.representativeDocument : null,
        givenAt: input.givenAt,
        validUntil: input.validUntil,
        publicFields: input.purposes.includes("PUBLICATION") ? input.publicFields : [],
        publicConditions: input.purposes.includes("PUBLICATION") ? input.publicConditions : null,
        recordedById: ctx.user.id,
      },
      select: { id: true },
    });
    // Back into active work only when a bank consent is valid again (a publication consent alone is not enough).
    const consents = await tx.consent.findMany({ where: { organizationId: ctx.organization.id, personId: person.id }, select: CONSENT_SELECT });
    if (consentProblem({ birthDate: person.birthDate, flaggedMinor: person.minor }, consents, "BANK", organizationToday(ctx)) === null) {
      await tx.person.update({ where: { id: person.id }, data: { active: true, inactiveReason: null } });
    }
    return done({ consentId: consent.id }, { targetType: "Consent", targetId: consent.id, data: { purposes: input.purposes, givenBy: input.givenBy } });
  },
});

/** Revocation takes the person out of active work when no other consent keeps them in the bank. */
export const revokeConsent = defineAction({
  name: "consents.revoke",
  scope: "tenant",
  permission: "people.manage",
  input: RevokeConsentInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const revoked = await tx.consent.updateMany({
      where: { id: input.consentId, organizationId, revokedAt: null },
      data: { revokedAt: input.revokedAt, revocationReason: input.reason },
    });
    if (revoked.count !== 1) return refuse("CONFLICT", "consentNotActive");
    const consent = await tx.consent.findFirstOrThrow({ where: { id: input.consentId, organizationId }, select: { personId: true } });
    const person = await tx.person.findFirstOrThrow({
      where: { id: consent.personId, organizationId },
      select: { birthDate: true, minor: true, consents: { select: CONSENT_SELECT } },
    });
    const today = organizationToday(ctx);
    const subject = { birthDate: person.birthDate, flaggedMinor: person.minor };
    const stillValid = consentProblem(subject, person.consents, "BANK", today) === null;
    // The name passed to the municipal office for its communities goes with the consent that allowed it (decision 059).
    const communitiesErased =
      consentProblem(subject, person.consents, "DISTRICT_COMMUNITIES", today) === null ? 0 : await eraseCommunityMemberships(tx, organizationId, consent.personId, now());
    if (!stillValid) {
      // Stored with the person, in Russian like every record.
      const reason = translator("ru")("people.consentRevokedReason", { reason: input.reason });
      await tx.person.update({ where: { id: consent.personId }, data: { active: false, inactiveReason: reason } });
      // Out of active work means out of the banks too (the pairing issue dissolves their pairs).
      await tx.menteeProfile.updateMany({ where: { organizationId, personId: consent.personId, status: { not: "LEFT" } }, data: { status: "LEFT", leftReason: reason } });
      await tx.mentorProfile.updateMany({
        where: { organizationId, personId: consent.personId, status: { not: "LEFT" } },
        data: { status: "LEFT", leftReason: reason, districtVisibleSince: null },
      });
    }
    return done({ personActive: stillValid, communitiesErased }, { targetType: "Consent", targetId: input.consentId, data: { reason: input.reason, ...(communitiesErased ? { communitiesErased } : {}) } });
  },
});

/** Keeps the scan of the signed paper with the consent record. */
export const attachConsentScan = defineAction({
  name: "consents.attachScan",
  scope: "tenant",
  permission: "people.manage",
  input: AttachConsentScanInput,
  async run({ input, tx, ctx }) {
    const data = Buffer.from(await input.file.arrayBuffer());
    const updated = await tx.consent.updateMany({
      where: { id: input.consentId, organizationId: ctx.organization.id },
      data: { fileName: input.file.name.slice(0, 200), fileType: input.file.type, fileData: data },
    });
    if (updated.count !== 1) return refuse("NOT_FOUND", "notFound");
    return done({ consentId: input.consentId }, { targetType: "Consent", targetId: input.consentId, data: { file: input.file.name, size: data.length } });
  },
});

/**
 * Links a person of the school to a member's user account, so that questionnaires sent to the person
 * reach them in the app («Мои анкеты»). One account, one person per school.
 */
export const linkAccount = defineAction({
  name: "people.linkAccount",
  scope: "tenant",
  permission: "people.manage",
  input: LinkAccountInput,
  async run({ input, tx, ctx }) {
    const organizationId = ctx.organization.id;
    const person = await tx.person.findFirst({ where: { id: input.personId, organizationId }, select: { id: true } });
    if (!person) return refuse("NOT_FOUND", "notFound");
    if (input.userId) {
      const member = await tx.membership.findFirst({ where: { organizationId, userId: input.userId }, select: { id: true } });
      if (!member) return refuse("VALIDATION", "validation", { userId: "notAMember" });
      const taken = await tx.person.findFirst({ where: { organizationId, userId: input.userId, id: { not: person.id } }, select: { id: true } });
      if (taken) return refuse("CONFLICT", "accountLinkedElsewhere");
    }
    await tx.person.update({ where: { id: person.id }, data: { userId: input.userId } });
    return done({ personId: person.id }, { targetType: "Person", targetId: person.id, data: { linked: Boolean(input.userId) } });
  },
});
