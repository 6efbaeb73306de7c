// The mentor's paperwork (issue #15 item 2), as pure builders: the written consent to the additional duties
// of mentoring (ТК РФ ст. 60.2; seed 002 §4.3.2 — a teacher is appointed mentor with their written consent),
// the order appointing mentors, and what the pairs order cites: the participants' recorded consents.
import { coveringConsent, isMinorOn, type ConsentRecord, type RuleProblem } from "./consent";
import type { ConsentDocument } from "./consent-document";
import { fullName, initialsAndSurname } from "./names";
import { requisiteLines, type OrganizationRequisites } from "./organization-profile";
import { formatCalendarDate } from "../format";
import { russianIn } from "../i18n/russian";

const t = russianIn("mentorDocuments");

type PersonName = { lastName: string; firstName: string; middleName: string | null };

/** The mentor's consent to additional duties, pre-filled; the date blank until it is recorded. */
export function dutiesConsentDocument(org: OrganizationRequisites, mentor: PersonName & { position: string | null }, givenAt: Date | null): ConsentDocument {
  const name = fullName(mentor);
  const where = org.shortName?.trim() || org.name;
  const position = mentor.position?.trim() ?? "";
  return {
    organizationName: org.name,
    requisites: requisiteLines(org),
    title: [t("consentTitle"), t("consentSubtitle")],
    paragraphs: [
      t("consentStatement", { name, hasPosition: position ? "yes" : "no", position, organization: where }),
      t("consentContent"),
      t("consentTerm"),
      t("consentIncentives"),
      t("consentRefusal"),
    ],
    table: null,
    closing: [],
    signature: { date: givenAt, signer: initialsAndSurname(name) },
    fileTitle: t("consentFileTitle", { name }),
  };
}

export type AppointedMentor = PersonName & { position: string | null; dutiesConsentAt: Date | null };

/**
 * The rows of the order appointing mentors, or what it lacks (keys under «errors»): approved mentors, or the
 * written consent to the additional duties of a mentor (the order cannot be made without it).
 */
export function appointmentRows(mentors: AppointedMentor[]): { ok: true; rows: string[][] } | { ok: false; missing: RuleProblem[] } {
  if (mentors.length === 0) return { ok: false, missing: [{ key: "appointmentNoMentors" }] };
  const missing = mentors.filter((m) => !m.dutiesConsentAt).map((m): RuleProblem => ({ key: "appointmentNoDutiesConsent", values: { name: fullName(m) } }));
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, rows: mentors.map((m, i) => [String(i + 1), fullName(m), m.position?.trim() || "—", t("consentOn", { date: formatCalendarDate(m.dutiesConsentAt!) })]) };
}

/**
 * Why a pair of this mentor cannot be approved by an order dated `orderDate` (decision 023, ТК РФ ст. 60.2):
 * the mentor's written consent to the additional duties is not recorded, or is dated after the order that
 * cites it — a key under «errors» with its values. Null when the consent is there.
 */
export function dutiesConsentProblem(mentorName: string, dutiesConsentAt: Date | null, orderDate: Date): RuleProblem | null {
  if (!dutiesConsentAt) return { key: "dutiesConsentMissingFor", values: { name: mentorName } };
  if (dutiesConsentAt.getTime() > orderDate.getTime())
    return { key: "dutiesConsentAfterOrder", values: { name: mentorName, date: formatCalendarDate(dutiesConsentAt), orderDate: formatCalendarDate(orderDate) } };
  return null;
}

export type PairParticipant = PersonName & { birthDate: Date | null; minor: boolean; consents: (ConsentRecord & { representativeName?: string | null })[] };

/**
 * What the pairs order cites for one participant: their consent to processing for the purpose «участие в
 * наставнической паре / группе» valid on the order's date (its date, and who gave it), and for a mentor
 * the written consent to the additional duties — or why it cannot be cited.
 */
export function pairConsentCitation(p: PairParticipant, orderDate: Date, dutiesConsentAt?: Date | null): { ok: true; text: string } | { ok: false; missing: string[] } {
  const missing: string[] = [];
  const name = fullName(p);
  const subject = { birthDate: p.birthDate, flaggedMinor: p.minor };
  const consent = coveringConsent(subject, p.consents, "PAIRS", orderDate);
  if (!consent) missing.push(t("missingPairsConsent", { name }));
  if (dutiesConsentAt !== undefined && (!dutiesConsentAt || dutiesConsentAt.getTime() > orderDate.getTime())) missing.push(t("missingDutiesConsent", { name }));
  if (missing.length > 0 || !consent) return { ok: false, missing };
  const byRepresentative = consent.givenBy === "REPRESENTATIVE" || isMinorOn(subject, consent.givenAt) ? "yes" : "no";
  const parts = [t("pairsConsentCitation", { byRepresentative, date: formatCalendarDate(consent.givenAt) })];
  if (dutiesConsentAt) parts.push(t("dutiesConsentCitation", { date: formatCalendarDate(dutiesConsentAt) }));
  return { ok: true, text: parts.join("; ") };
}
