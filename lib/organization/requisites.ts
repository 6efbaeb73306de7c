import "server-only";
import type { Tx } from "../db";
import type { OrganizationRequisites } from "../domain/organization-profile";

// The organization's requisites as every generated document reads them (issue #13 item 3), on the caller's
// transaction: the builders of the roadmap, the orders, the personalized program, the report, the personal data.

export const REQUISITES_SELECT = {
  kind: true,
  schoolKind: true,
  name: true,
  shortName: true,
  place: true,
  address: true,
  phone: true,
  email: true,
  website: true,
  inn: true,
  ogrn: true,
  headPosition: true,
  headName: true,
} as const;

/** The requisites of an organization, on the caller's transaction (a document builder's read). */
export async function loadRequisites(tx: Tx, organizationId: string): Promise<OrganizationRequisites> {
  return tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: REQUISITES_SELECT });
}
