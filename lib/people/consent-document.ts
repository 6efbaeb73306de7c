import "server-only";
import { readTenant, type TenantContext } from "../auth/tenant";
import type { ConsentPurpose } from "../domain/consent";
import { buildConsentDocument, type ConsentDocumentResult } from "../domain/consent-document";
import { loadRequisites } from "../organization/requisites";

/**
 * The printable consent of a recorded consent for one of its purposes, pre-filled (lib/domain/consent-document.ts);
 * null when the consent is not this organization's or does not name the purpose.
 */
export async function consentDocument(ctx: TenantContext, consentId: string, purpose: ConsentPurpose, publicSectionUrl: string | null): Promise<ConsentDocumentResult | null> {
  const [organization, consent] = await readTenant(ctx, (tx) =>
    Promise.all([
      loadRequisites(tx, ctx.organization.id),
      tx.consent.findFirst({
        where: { id: consentId, organizationId: ctx.organization.id },
        select: {
          purposes: true, givenBy: true, representativeName: true, representativeDocument: true, givenAt: true, validUntil: true, publicFields: true, publicConditions: true,
          person: { select: { kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, grade: true, email: true, phone: true } },
        },
      }),
    ]),
  );
  if (!consent || !consent.purposes.includes(purpose)) return null;
  const { person, purposes: _purposes, ...c } = consent;
  void _purposes;
  return buildConsentDocument({ organization, publicSectionUrl, person, consent: { ...c, purpose } });
}
