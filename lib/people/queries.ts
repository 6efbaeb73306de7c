import "server-only";
import { z } from "zod";
import { done, type Done } from "../actions/action";
import { defineDownload } from "../actions/download";
import { DOCUMENT_FORMATS } from "../http/document-response";
import { IdParam } from "../http/params";
import { now as readClock } from "../clock";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { consentRefusal, type ConsentPurpose } from "../domain/consent";
import { consentRequisitesMissing } from "../domain/consent-document";
import { loadRequisites } from "../organization/requisites";
import { loadPersonalData, type PersonalData } from "./personal-data";
import { CONSENT_SELECT } from "./select";

const PURPOSES: ConsentPurpose[] = ["BANK", "PAIRS", "SURVEYS", "PUBLICATION"];

/** People of the school with, per purpose, whether a valid consent covers it today. */
export async function listPeople(ctx: TenantContext, today = organizationToday(ctx)) {
  const rows = await readTenant(ctx, (tx) =>
    tx.person.findMany({
      where: { organizationId: ctx.organization.id },
      select: {
        id: true, kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, grade: true, active: true, inactiveReason: true,
        email: true, userId: true, menteeProfile: { select: { id: true } }, mentorProfile: { select: { id: true } },
        // A pending invitation (the bulk invitation shows it and refuses a second one).
        invitations: { where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: readClock() } }, select: { id: true }, take: 1 },
        consents: { select: CONSENT_SELECT },
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  );
  return rows.map(({ consents, ...p }) => ({
    ...p,
    covered: PURPOSES.filter((purpose) => consentRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor }, consents, purpose, today) === null),
  }));
}

export async function getPerson(ctx: TenantContext, personId: string, today = organizationToday(ctx)) {
  const [person, requisites] = await readTenant(ctx, (tx) => Promise.all([
    tx.person.findFirst({
      where: { id: personId, organizationId: ctx.organization.id },
      select: {
        id: true, kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, grade: true,
        externalOrganization: true, email: true, phone: true, active: true, inactiveReason: true, hiredOn: true, leftOn: true, leaveReason: true, leaveNote: true,
        userId: true,
        menteeProfile: { select: { id: true, status: true } },
        mentorProfile: { select: { id: true, status: true } },
        consents: { select: { ...CONSENT_SELECT, fileName: true, recordedBy: { select: { name: true } } }, orderBy: { givenAt: "desc" } },
      },
    }),
    loadRequisites(tx, ctx.organization.id),
  ]));
  if (!person) return null;
  const subject = { birthDate: person.birthDate, flaggedMinor: person.minor };
  return {
    ...person,
    status: PURPOSES.map((purpose) => ({ purpose, refusal: consentRefusal(subject, person.consents, purpose, today) })),
    // What the profile lacks for the printable consents (the operator's name and address), empty when nothing.
    documentMissing: consentRequisitesMissing(requisites),
  };
}

/**
 * Everything kept about a person, for their request (152-ФЗ, art. 14), as an audited download
 * (lib/actions/download.ts): the export is recorded in the audit log in the read's transaction. NOT_FOUND
 * (no record) if the person is not of this organization.
 */
export const exportPersonalData = defineDownload({
  name: "people.exportData",
  permission: "people.manage",
  params: z.object({ personId: IdParam, format: z.enum(["json", ...DOCUMENT_FORMATS]) }),
  async read({ params: { personId, format }, tx, ctx }): Promise<Done<PersonalData> | null> {
    const person = await loadPersonalData(tx, ctx.organization.id, personId);
    return person && done(person, { targetType: "Person", targetId: personId, data: { format } });
  },
});

/** The scan of a signed consent of this organization, if there is one. */
export async function getConsentScan(ctx: TenantContext, consentId: string) {
  return readTenant(ctx, (tx) =>
    tx.consent.findFirst({ where: { id: consentId, organizationId: ctx.organization.id }, select: { fileName: true, fileType: true, fileData: true } }),
  );
}
