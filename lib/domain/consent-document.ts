// The printable consent of one person for one purpose (152-ФЗ art. 9; for dissemination art. 10.1 and the
// requirements of Roskomnadzor's order № 18 of 24.02.2021), pre-filled from what the school records: the
// operator's requisites, the person, the legal representative of a minor, the date and term. Since
// 01.09.2025 (156-ФЗ) a consent is a document of its own: one purpose, one paper. Pure: the loader reads
// the rows, lib/documents/consent-docx.ts prints the result. The text is Russian by nature (a document's) and lives in
// lib/i18n/russian/consent-documents.json (namespace consentDocument).
import { isMinorOn, PUBLIC_FIELDS, type ConsentPurpose, type PublicField } from "./consent";
import { fullName, initialsAndSurname } from "./names";
import { requisiteLines, type OrganizationRequisites } from "./organization-profile";
import { formatCalendarDate } from "../format";
import { russianIn } from "../i18n/russian";

const t = russianIn("consentDocument");

export type ConsentDocumentInput = {
  organization: OrganizationRequisites;
  /** Where the public section is read («https://…/s/ds-rodnichok»), for the dissemination consent. */
  publicSectionUrl?: string | null;
  person: {
    kind: "TEACHER" | "STUDENT" | "EXTERNAL";
    lastName: string; firstName: string; middleName: string | null;
    birthDate: Date | null; minor: boolean;
    position: string | null; grade: string | null;
    email: string | null; phone: string | null;
  };
  consent: {
    purpose: ConsentPurpose;
    givenBy: "SUBJECT" | "REPRESENTATIVE";
    representativeName: string | null;
    representativeDocument: string | null;
    givenAt: Date;
    validUntil: Date | null;
    publicFields: PublicField[];
    publicConditions: string | null;
  };
};

export type ConsentDocument = {
  organizationName: string;
  requisites: string[];
  /** «СОГЛАСИЕ» and the lines under it. */
  title: string[];
  paragraphs: string[];
  /** The dissemination consent's table: category, data, allowed, conditions. */
  table: { header: string[]; rows: string[][] } | null;
  closing: string[];
  /** Date (blank to fill by hand when null), signature line, «И.О. Фамилия» of who signs. */
  signature: { date: Date | null; signer: string };
  /** For the file name and the document's properties. */
  fileTitle: string;
};

export type ConsentDocumentResult = { ok: true; document: ConsentDocument } | { ok: false; missing: string[] };

const BLANK = "________________";
const LONG_BLANK = "__________________________________________";

/** The purpose as the consent states it. */
export const PURPOSE_STATEMENTS: Record<ConsentPurpose, string> = {
  BANK: t("purposeStatement.BANK"),
  PAIRS: t("purposeStatement.PAIRS"),
  SURVEYS: t("purposeStatement.SURVEYS"),
  PUBLICATION: t("purposeStatement.PUBLICATION"),
  DISTRICT_COMMUNITIES: t("purposeStatement.DISTRICT_COMMUNITIES"),
};

/** The data processed for the purpose. */
export const PURPOSE_DATA: Record<Exclude<ConsentPurpose, "PUBLICATION">, string> = {
  BANK: t("purposeData.BANK"),
  PAIRS: t("purposeData.PAIRS"),
  SURVEYS: t("purposeData.SURVEYS"),
  DISTRICT_COMMUNITIES: t("purposeData.DISTRICT_COMMUNITIES"),
};

/** What a consent for this organization cannot be printed without (the operator's name and address, art. 9 ч. 4 п. 2). */
export function consentRequisitesMissing(org: Pick<OrganizationRequisites, "name" | "address">): string[] {
  const missing: string[] = [];
  if (!org.name?.trim()) missing.push(t("missing.name"));
  if (!org.address?.trim()) missing.push(t("missing.address"));
  return missing;
}

function describePerson(p: ConsentDocumentInput["person"]): string {
  const parts = [fullName(p)];
  if (p.birthDate) parts.push(t("person.birthDate", { date: formatCalendarDate(p.birthDate) }));
  const role = p.position?.trim() || (p.grade?.trim() ? t("person.grade", { grade: p.grade.trim() }) : null);
  if (role) parts.push(role);
  return parts.join(", ");
}

/**
 * The consent of one person for one purpose. Refused (`missing`) when the operator's requisites are not
 * in the profile, and for a minor whose consent names no legal representative.
 */
export function buildConsentDocument(input: ConsentDocumentInput): ConsentDocumentResult {
  const { organization: org, person, consent } = input;
  const missing = consentRequisitesMissing(org);
  const minor = isMinorOn({ birthDate: person.birthDate, flaggedMinor: person.minor }, consent.givenAt);
  const representative = consent.givenBy === "REPRESENTATIVE" ? consent.representativeName?.trim() || null : null;
  if (minor && !representative) missing.push(t("missing.representative"));
  if (missing.length > 0) return { ok: false, missing };

  const address = org.address!.trim();
  const codes = [org.inn ? t("operator.inn", { inn: org.inn }) : null, org.ogrn ? t("operator.ogrn", { ogrn: org.ogrn }) : null].filter(Boolean).join(", ");
  const operator = t("operator.address", { operator: `${org.name}${codes ? ` (${codes})` : ""}`, address });
  const subject = describePerson(person);
  const signerName = representative ? representative.split(",")[0]!.trim() : fullName(person);
  const whose = representative ? t("whose.representative") : t("whose.subject");
  const iAm = representative
    ? t("iAm.representative", { representative, subject, blank: LONG_BLANK, basis: consent.representativeDocument?.trim() || t("iAm.basisToFill", { blank: BLANK }) })
    : t("iAm.subject", { subject, blank: LONG_BLANK });
  const from = formatCalendarDate(consent.givenAt);
  const term = consent.validUntil ? t("term.until", { date: formatCalendarDate(consent.validUntil) }) : t("term.open");
  const representativeTitle = representative ? [t("title.representative")] : [];

  if (consent.purpose === "PUBLICATION") {
    const allowed = new Set(consent.publicFields);
    const conditions = consent.publicConditions?.trim() || t("dissemination.noConditions");
    const resources = [org.website?.trim() || null, input.publicSectionUrl?.trim() || null].filter(Boolean).join("; ") || LONG_BLANK;
    const contacts = [
      person.phone?.trim() ? t("dissemination.phone", { phone: person.phone.trim() }) : null,
      person.email?.trim() ? t("dissemination.email", { email: person.email.trim() }) : null,
    ].filter(Boolean).join(", ") || LONG_BLANK;
    return {
      ok: true,
      document: {
        organizationName: org.name,
        requisites: requisiteLines(org),
        title: [t("title.heading"), ...representativeTitle, t("title.dissemination")],
        paragraphs: [
          t("dissemination.intro", { iAm, contacts, whose, operator }),
          t("dissemination.purpose", { purpose: PURPOSE_STATEMENTS.PUBLICATION }),
          t("dissemination.resources", { resources }),
          t("dissemination.categories"),
        ],
        table: {
          header: [t("dissemination.header.category"), t("dissemination.header.data"), t("dissemination.header.allowed"), t("dissemination.header.conditions")],
          rows: PUBLIC_FIELDS.map((f) => [
            t("dissemination.category"),
            t(`publicField.${f}`),
            allowed.has(f) ? t("dissemination.allowed") : t("dissemination.notAllowed"),
            allowed.has(f) ? conditions : "—",
          ]),
        },
        closing: [
          t("dissemination.transfer", { conditions }),
          t("dissemination.term", { from, term, address }),
          t("dissemination.separate"),
        ],
        signature: { date: consent.givenAt, signer: initialsAndSurname(signerName) },
        fileTitle: t("dissemination.fileTitle", { name: fullName(person) }),
      },
    };
  }

  return {
    ok: true,
    document: {
      organizationName: org.name,
      requisites: requisiteLines(org),
      title: [t("title.heading"), ...representativeTitle, t("title.processing"), t("title.purpose", { purpose: PURPOSE_STATEMENTS[consent.purpose].split(":")[0]! })],
      paragraphs: [
        t("processing.intro", { iAm, operator, whose }),
        t("processing.purpose", { purpose: PURPOSE_STATEMENTS[consent.purpose] }),
        t("processing.data", { data: PURPOSE_DATA[consent.purpose] }),
        t("processing.actions", { actions: t("actions") }),
        t("processing.term", { from, term }),
        t("processing.revocation", { address }),
      ],
      table: null,
      closing: [t("processing.closing")],
      signature: { date: consent.givenAt, signer: initialsAndSurname(signerName) },
      fileTitle: t("processing.fileTitle", { name: fullName(person) }),
    },
  };
}
