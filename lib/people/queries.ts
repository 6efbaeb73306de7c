import "server-only";
import { z } from "zod";
import { done, type Done } from "../actions/action";
import { defineDownload } from "../actions/download";
import { DOCUMENT_FORMATS } from "../http/document-response";
import { IdParam, optionalParam } from "../http/params";
import { containing, everyWord, ListSearch, sortOf, sortParam } from "../http/list-search";
import { now as readClock } from "../clock";
import { organizationToday, readTenant, type TenantContext } from "../auth/tenant";
import { consentProblem, type ConsentPurpose } from "../domain/consent";
import { pageOf } from "../domain/paging";
import { loadRequisites } from "../organization/requisites";
import { loadPersonalData, type PersonalData } from "./personal-data";
import { CONSENT_SELECT } from "./select";

const PURPOSES: ConsentPurpose[] = ["BANK", "PAIRS", "SURVEYS", "PUBLICATION", "DISTRICT_COMMUNITIES"];

/** What a row of the people list shows (a function: the pending invitations are those unexpired now). */
const personRowSelect = () => ({
  id: true, kind: true, lastName: true, firstName: true, middleName: true, birthDate: true, minor: true, position: true, grade: true, active: true, inactiveReason: true,
  email: true, userId: true, menteeProfile: { select: { id: true } }, mentorProfile: { select: { id: true } },
  // A pending invitation (the bulk invitation shows it and refuses a second one).
  invitations: { where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: readClock() } }, select: { id: true }, take: 1 },
  consents: { select: CONSENT_SELECT },
}) as const;

/** How many people a page of the school's list shows. */
export const PEOPLE_PAGE_SIZE = 100;

/** The list's search parameters: a name (words, any order), a kind, the order, the page. */
export const PeopleSearchInput = ListSearch.extend({
  kind: optionalParam(z.enum(["TEACHER", "STUDENT", "EXTERNAL"])),
  sort: sortParam(["name", "kind"]),
});
export type PeopleSearch = z.output<typeof PeopleSearchInput>;

/**
 * One page of the school's people, filtered and sorted by the database (a school of thousands sends one page of
 * rows, issue #19), with the count of all that match. A page past the last shows the last.
 */
export async function listPeoplePage(ctx: TenantContext, search: PeopleSearch, today = organizationToday(ctx), size = PEOPLE_PAGE_SIZE) {
  const where = {
    organizationId: ctx.organization.id,
    ...(search.kind ? { kind: search.kind } : {}),
    // Every word is a part of the last, first or middle name: «иван петр» finds Петров Иван.
    ...everyWord(search.q, (w) => [{ lastName: containing(w) }, { firstName: containing(w) }, { middleName: containing(w) }]),
  };
  const sort = sortOf(search.sort, "name");
  const direction = sort.descending ? ("desc" as const) : ("asc" as const);
  const byName = [{ lastName: direction }, { firstName: direction }, { middleName: direction }, { id: direction }];
  const orderBy = sort.column === "kind" ? [{ kind: direction }, { lastName: "asc" as const }, { firstName: "asc" as const }, { middleName: "asc" as const }, { id: "asc" as const }] : byName;
  const { total, rows, shown } = await readTenant(ctx, async (tx) => {
    const total = await tx.person.count({ where });
    const shown = pageOf(total, size, search.page);
    const rows = await tx.person.findMany({ where, select: personRowSelect(), orderBy, skip: shown.from, take: size });
    return { total, rows, shown };
  });
  return {
    total,
    ...shown,
    rows: rows.map(({ consents, ...p }) => ({
      ...p,
      covered: PURPOSES.filter((purpose) => consentProblem({ birthDate: p.birthDate, flaggedMinor: p.minor }, consents, purpose, today) === null),
    })),
  };
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
    status: PURPOSES.map((purpose) => ({ purpose, refusal: consentProblem(subject, person.consents, purpose, today) })),
    // What the profile lacks for the printable consents (the operator's name and address, as consentRequisitesMissing
    // of lib/domain/consent-document.ts checks them), as keys people.requisites.<field>; empty when nothing.
    documentMissing: (["name", "address"] as const).filter((field) => !requisites[field]?.trim()),
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
