// A person's personal data on their request (152-ФЗ, art. 14) as a .docx.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import { textWidth, pageSetup, pack, paragraph, emptyLine, organizationName, fieldTable, formatDocumentDate } from "./docx-kit";
import { russianIn } from "../i18n/russian";

const t = russianIn("personalData");

// ── Personal data of one person, on their request (152-ФЗ, art. 14) ─────────────────────────────

export type PersonalDataDocument = {
  organizationName: string;
  /** Reference data under the name (address, ИНН, ОГРН…), from the organization's profile. */
  requisites?: string[] | null;
  personName: string;
  generatedAt: Date;
  sections: { title: string; rows: [string, string][] }[];
};


/** What the organization keeps about one person, readable: A4 portrait, a table per section. */
export async function renderPersonalDataDocx(doc: PersonalDataDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    paragraph([{ text: t("docx.heading"), bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([{ text: t("docx.about", { name: doc.personName }), bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([t("docx.asOf", { date: formatDocumentDate(doc.generatedAt) })], { alignment: AlignmentType.CENTER }),
    emptyLine(),
  ];
  for (const section of doc.sections) {
    children.push(paragraph([{ text: section.title, bold: true }], { keepNext: true, spacing: { before: 240, after: 120 } }));
    children.push(section.rows.length ? fieldTable(section.rows, width) : paragraph([t("docx.empty")]));
  }
  return pack({ title: t("docx.title", { name: doc.personName }), subject: t("docx.subject") }, { properties: pageSetup("portrait"), children });
}
