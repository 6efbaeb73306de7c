// Validity of consents to personal-data processing (152-ФЗ), as pure rules for the banks, pairs,
// surveys and the public page: nothing about a person is processed without a valid consent for that
// purpose; a minor's consent comes from a legal representative; publication on the site needs its own
// consent to dissemination (art. 10.1); since 01.09.2025 (156-ФЗ) a consent is a separate document.

import { formatCalendarDate } from "../format";

export type ConsentPurpose = "BANK" | "PAIRS" | "SURVEYS" | "PUBLICATION" | "DISTRICT_COMMUNITIES";

/** What a consent to dissemination may allow the public section to show of a mentor (art. 10.1). */
export type PublicField = "NAME" | "POSITION" | "SUBJECTS" | "COMPETENCIES";
export const PUBLIC_FIELDS: readonly PublicField[] = ["NAME", "POSITION", "SUBJECTS", "COMPETENCIES"];
export type ConsentRecord = {
  purposes: ConsentPurpose[];
  /** PUBLICATION only: the data the person allows to disseminate. */
  publicFields?: PublicField[];
  givenBy: "SUBJECT" | "REPRESENTATIVE";
  representativeName?: string | null;
  givenAt: Date;
  validUntil?: Date | null;
  revokedAt?: Date | null;
  /** The consent was signed as a document of its own (not a clause inside another form). */
  separateDocument: boolean;
};

export type ConsentSubject = { birthDate: Date | null; flaggedMinor?: boolean };

/** The day the separate-document rule (156-ФЗ of 24.06.2025) took effect. */
export const SEPARATE_DOCUMENT_SINCE = new Date(Date.UTC(2025, 8, 1));

export function isMinorOn(subject: ConsentSubject, date: Date): boolean {
  if (!subject.birthDate) return Boolean(subject.flaggedMinor);
  const b = subject.birthDate;
  const adult = new Date(Date.UTC(b.getUTCFullYear() + 18, b.getUTCMonth(), b.getUTCDate()));
  return date.getTime() < adult.getTime();
}


/**
 * Why a rule refuses, as a message key under «errors» of the message files with its values; the page or the
 * action words it in the reader's language.
 */
export type RuleProblem = { key: string; values?: Record<string, string | number> };

/** The keys of the consent problems (errors.consent…): each says «personal data may not be processed: …». */
export type ConsentProblemKey = "consentNoPurpose" | "consentNotYet" | "consentRevoked" | "consentExpired" | "consentNotSeparate" | "consentPublicationNotSeparate" | "consentMinorRepresentative";
export type ConsentProblem = { key: ConsentProblemKey; values?: Record<string, string> };

/** Why one consent record does not cover the purpose at that moment, or null when it does. */
function recordProblem(subject: ConsentSubject, c: ConsentRecord, purpose: ConsentPurpose, at: Date): ConsentProblem | null {
  if (!c.purposes.includes(purpose)) return { key: "consentNoPurpose", values: { purpose } };
  if (c.givenAt.getTime() > at.getTime()) return { key: "consentNotYet", values: { date: formatCalendarDate(c.givenAt) } };
  if (c.revokedAt && c.revokedAt.getTime() <= at.getTime()) return { key: "consentRevoked", values: { date: formatCalendarDate(c.revokedAt) } };
  if (c.validUntil && c.validUntil.getTime() < at.getTime()) return { key: "consentExpired", values: { date: formatCalendarDate(c.validUntil) } };
  if (c.givenAt.getTime() >= SEPARATE_DOCUMENT_SINCE.getTime() && !c.separateDocument) return { key: "consentNotSeparate" };
  if (purpose === "PUBLICATION" && c.purposes.length > 1) return { key: "consentPublicationNotSeparate" };
  if (isMinorOn(subject, c.givenAt) && (c.givenBy !== "REPRESENTATIVE" || !c.representativeName?.trim())) return { key: "consentMinorRepresentative" };
  return null;
}

/**
 * null when some consent covers the purpose at `at`; otherwise why not, as a message key with its values
 * (the most relevant reason: the one of the latest consent that names the purpose).
 */
export function consentProblem(subject: ConsentSubject, consents: ConsentRecord[], purpose: ConsentPurpose, at: Date): ConsentProblem | null {
  const problems: ConsentProblem[] = [];
  for (const c of [...consents].sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime())) {
    const problem = recordProblem(subject, c, purpose, at);
    if (!problem) return null;
    if (c.purposes.includes(purpose)) problems.push(problem);
  }
  return problems[0] ?? { key: "consentNoPurpose", values: { purpose } };
}

/** The latest consent record that covers the purpose at `at`, or null. */
export function coveringConsent<C extends ConsentRecord>(subject: ConsentSubject, consents: C[], purpose: ConsentPurpose, at: Date): C | null {
  for (const c of [...consents].sort((a, b) => b.givenAt.getTime() - a.givenAt.getTime())) {
    if (recordProblem(subject, c, purpose, at) === null) return c;
  }
  return null;
}

/**
 * What the public section may show of a person at `at`: the fields their valid consent to dissemination
 * allows (the latest one); none without such a consent. The name is the condition of being listed at all.
 */
export function allowedPublicFields(subject: ConsentSubject, consents: ConsentRecord[], at: Date): Set<PublicField> {
  const c = coveringConsent(subject, consents, "PUBLICATION", at);
  return new Set(c?.publicFields ?? []);
}
