import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { consentRefusal, type ConsentPurpose } from "../domain/consent";
import { CONSENT_SELECT } from "./select";

const PURPOSES: ConsentPurpose[] = ["BANK", "PAIRS", "SURVEYS", "PUBLICATION"];

/** People of the school with, per purpose, whether a valid consent covers it today. */
export async function listPeople(ctx: TenantContext, today = organizationToday(ctx)) {
  const rows = await readTenant(ctx, (tx) =>
    tx.person.findMany({
      where: { organizationId: ctx.organization.id },
      select: { id: true, kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, grade: true, active: true, inactiveReason: true, consents: { select: CONSENT_SELECT } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
  );
  return rows.map(({ consents, ...p }) => ({
    ...p,
    covered: PURPOSES.filter((purpose) => consentRefusal({ birthDate: p.birthDate, flaggedMinor: p.minor }, consents, purpose, today) === null),
  }));
}

export async function getPerson(ctx: TenantContext, personId: string, today = organizationToday(ctx)) {
  const person = await readTenant(ctx, (tx) =>
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
  );
  if (!person) return null;
  const subject = { birthDate: person.birthDate, flaggedMinor: person.minor };
  return { ...person, status: PURPOSES.map((purpose) => ({ purpose, refusal: consentRefusal(subject, person.consents, purpose, today) })) };
}
