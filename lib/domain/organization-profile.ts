import { russianIn } from "../i18n/russian";
import { initialsAndSurname } from "./names";
import { defaultHeadPosition, type OrganizationKindValue, type SchoolKindValue } from "./requisites";

// What a generated document takes from the organization's profile (issue #13 item 3): the author's full
// name and reference data in the head, the place of compilation, and who signs — nothing hard-coded.
// Pure: the loaders (lib/organization/queries.ts) read the row, the builders of each document call these.

const say = russianIn("requisites");

export type OrganizationRequisites = {
  kind: OrganizationKindValue;
  schoolKind: SchoolKindValue | null;
  name: string;
  shortName: string | null;
  place: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  inn: string | null;
  ogrn: string | null;
  headPosition: string | null;
  headName: string | null;
};

/** The head's position as documents print it: the profile's, else the kind's (a kindergarten → «Заведующий»). */
export function headPositionOf(org: Pick<OrganizationRequisites, "kind" | "schoolKind" | "headPosition">): string {
  const given = org.headPosition?.trim();
  return given ? given : defaultHeadPosition({ kind: org.kind, schoolKind: org.schoolKind });
}

/**
 * The head's signature: the position from the profile and «И.О. Фамилия» of the head named in the
 * profile; only when the profile names nobody, of `fallbackName` (the first director's or the approving
 * user's account, as before profiles existed); blank to fill by hand when neither is known.
 */
export function headSignatory(org: Pick<OrganizationRequisites, "kind" | "schoolKind" | "headPosition" | "headName">, fallbackName?: string | null) {
  const name = org.headName?.trim() || fallbackName?.trim() || "";
  return { position: headPositionOf(org), initialsAndSurname: name ? initialsAndSurname(name) : "" };
}

/**
 * «Заведующий МБДОУ «Детский сад № 3»»: the position in a school's «УТВЕРЖДАЮ» stamp names the school; an
 * office's head position names the office already («Начальник отдела образования администрации …»).
 */
export function approverPosition(org: Pick<OrganizationRequisites, "kind" | "schoolKind" | "headPosition" | "shortName" | "name">): string {
  const position = headPositionOf(org);
  return org.kind === "SCHOOL" ? `${position} ${org.shortName?.trim() || org.name}` : position;
}

/**
 * Reference data under the organization's name in a document's head: the postal address (with the
 * settlement when the address does not name it), phone and e-mail, then ИНН and ОГРН — each line only
 * with what the profile has.
 */
export function requisiteLines(org: Pick<OrganizationRequisites, "place" | "address" | "phone" | "email" | "website" | "inn" | "ogrn">): string[] {
  const place = org.place?.trim() || null;
  const address = org.address?.trim() || null;
  const where = address && place && !address.includes(place) ? `${place}, ${address}` : (address ?? null);
  const phone = org.phone?.trim();
  const email = org.email?.trim();
  const contacts = [phone ? say("phone", { phone }) : null, email ? say("email", { email }) : null].filter(Boolean).join(", ");
  const codes = [org.inn ? say("inn", { inn: org.inn }) : null, org.ogrn ? say("ogrn", { ogrn: org.ogrn }) : null].filter(Boolean).join(", ");
  return [[where, contacts].filter(Boolean).join("; "), codes].filter((line) => line.length > 0);
}

/** The author of a document: full name, reference data, place of compilation (the settlement). */
export function documentAuthor(org: OrganizationRequisites): { organizationName: string; requisites: string[]; place: string | null } {
  return { organizationName: org.name, requisites: requisiteLines(org), place: org.place?.trim() || null };
}
