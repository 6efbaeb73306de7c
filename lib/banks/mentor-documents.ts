import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { RuleProblem } from "../domain/consent";
import type { ConsentDocument } from "../domain/consent-document";
import { appointmentRows, dutiesConsentDocument } from "../domain/mentor-documents";
import { fullName } from "../domain/names";
import { documentAuthor, headSignatory } from "../domain/organization-profile";
import type { OrderDocument } from "../documents/types";
import { russian, russianIn } from "../i18n/russian";
import { loadRequisites } from "../organization/requisites";

const NAME = { lastName: true, firstName: true, middleName: true, position: true } as const;

/** The mentor's consent to the additional duties, pre-filled (dated once recorded); null if not this organization's. */
export async function mentorDutiesConsentDocument(ctx: TenantContext, mentorId: string): Promise<ConsentDocument | null> {
  const [requisites, mentor] = await readTenant(ctx, (tx) =>
    Promise.all([
      loadRequisites(tx, ctx.organization.id),
      tx.mentorProfile.findFirst({ where: { id: mentorId, organizationId: ctx.organization.id }, select: { dutiesConsentAt: true, person: { select: NAME } } }),
    ]),
  );
  return mentor ? dutiesConsentDocument(requisites, mentor.person, mentor.dutiesConsentAt) : null;
}

/** The scan of the signed consent to the additional duties, if there is one. */
export async function mentorDutiesConsentScan(ctx: TenantContext, mentorId: string) {
  return readTenant(ctx, (tx) =>
    tx.mentorProfile.findFirst({ where: { id: mentorId, organizationId: ctx.organization.id }, select: { dutiesConsentFileName: true, dutiesConsentFileType: true, dutiesConsentFileData: true } }),
  );
}

/**
 * The order «О назначении наставников»: the mentors the head approved, each with the date of their written
 * consent to the additional duties; number and date blank, to be registered. Refused with the list when a
 * mentor's consent is not recorded (a teacher is appointed mentor with their written consent).
 */
export async function mentorAppointmentOrder(ctx: TenantContext): Promise<{ ok: true; document: OrderDocument } | { ok: false; missing: RuleProblem[] }> {
  const [requisites, mentors, program] = await readTenant(ctx, (tx) =>
    Promise.all([
      loadRequisites(tx, ctx.organization.id),
      tx.mentorProfile.findMany({
        where: { organizationId: ctx.organization.id, status: "APPROVED", person: { active: true } },
        select: { dutiesConsentAt: true, person: { select: NAME } },
        orderBy: [{ person: { lastName: "asc" } }, { person: { firstName: "asc" } }],
      }),
      tx.mentoringProgram.findFirst({ where: { organizationId: ctx.organization.id, status: { not: "COMPLETED" } }, select: { title: true, curator: { select: { name: true } } }, orderBy: { academicYear: "desc" } }),
    ]),
  );
  const rows = appointmentRows(mentors.map((m) => ({ ...m.person, dutiesConsentAt: m.dutiesConsentAt })));
  if (!rows.ok) return rows;
  const curator = program?.curator?.name ?? null;
  const t = russianIn("appointmentOrder");
  return {
    ok: true,
    document: {
      ...documentAuthor(requisites),
      number: null,
      date: null,
      title: t("title"),
      preamble: t("preamble", { hasProgram: program ? "yes" : "no", program: program?.title ?? "" }),
      items: [
        t("itemAppoint"),
        t("itemMentors"),
        t("itemCurator", { hasCurator: curator ? "yes" : "no", curator: curator ?? "" }),
        russian("orderDocx.controlItem"),
      ],
      signatory: headSignatory(requisites, null),
      executor: curator ? { name: curator } : null,
      acquainted: [...mentors.map((m) => fullName(m.person)), ...(curator ? [curator] : [])],
      appendix: { title: t("appendixTitle"), header: [t("number"), t("name"), t("position"), t("dutiesConsent")], weights: [8, 36, 30, 26], rows: rows.rows },
    },
  };
}
