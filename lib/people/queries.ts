import "server-only";
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
        externalOrganization: true, email: true, phone: true, active: true, inactiveReason: true,
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
 * Everything kept about a person, for their request (152-ФЗ, art. 14); the export is recorded in the audit
 * log in the same transaction. Null if the person is not of this organization.
 */
export async function exportPersonalData(ctx: TenantContext, personId: string, format: "json" | "docx" | "pdf"): Promise<PersonalData | null> {
  const organizationId = ctx.organization.id;
  return readTenant(ctx, async (tx) => {
    const person = await loadPersonalData(tx, organizationId, personId);
    if (person) {
      await tx.auditEvent.create({ data: { organizationId, actorId: ctx.user.id, action: "people.exportData", targetType: "Person", targetId: personId, data: { format } } });
    }
    return person;
  });
}

/** The scan of a signed consent of this organization, if there is one. */
export async function getConsentScan(ctx: TenantContext, consentId: string) {
  return readTenant(ctx, (tx) =>
    tx.consent.findFirst({ where: { id: consentId, organizationId: ctx.organization.id }, select: { fileName: true, fileType: true, fileData: true } }),
  );
}
