// A person's consent (152-ФЗ art. 9 / art. 10.1) as a .docx: the operator's name and requisites at the top,
// the title, the text, the dissemination table when there is one, date and signature. The text is built by
// lib/domain/consent-document.ts.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import type { ConsentDocument } from "../domain/consent-document";
import { PARAGRAPH_INDENT, SIGNATURE_LINE, SMALL_PT, emptyLine, formatDocumentDate, layoutTable, pack, pageSetup, paragraph, textWidth, textGrid, organizationName } from "./docx-kit";
import { russianIn } from "../i18n/russian";

const t = russianIn("consentDocument");

export async function renderConsentDocx(doc: ConsentDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT }, spacing: { after: 60 } } as const;
  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    ...doc.title.map((line, i) => paragraph([{ text: line, bold: i === 0 }], { alignment: AlignmentType.CENTER, spacing: { after: i === doc.title.length - 1 ? 240 : 0 } })),
    ...doc.paragraphs.map((text) => paragraph([text], body)),
  ];
  if (doc.table) {
    children.push(
      textGrid({ ...doc.table, weights: [16, 34, 20, 30] }, width),
      emptyLine(),
    );
  }
  children.push(
    ...doc.closing.map((text) => paragraph([text], body)),
    emptyLine(),
    emptyLine(),
    layoutTable(
      [
        [[paragraph([formatDocumentDate(doc.signature.date)])], [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })], [paragraph([doc.signature.signer], { alignment: AlignmentType.RIGHT })]],
        [[paragraph([t("docx.date")], {}, SMALL_PT)], [paragraph([t("docx.signature")], { alignment: AlignmentType.CENTER }, SMALL_PT)], [paragraph([t("docx.signatureName")], { alignment: AlignmentType.RIGHT }, SMALL_PT)]],
      ],
      [30, 35, 35],
      width,
    ),
    emptyLine(),
  );
  return pack({ title: doc.fileTitle, subject: t("docx.subject") }, { properties: pageSetup("portrait"), children });
}
