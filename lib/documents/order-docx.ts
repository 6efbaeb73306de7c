// The director's order (приказ) as a .docx.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import { russianIn } from "../i18n/russian";
import { SMALL_PT, mm, PARAGRAPH_INDENT, textWidth, pageSetup, pack, BLANK_APPROVAL_DATE, SIGNATURE_LINE, paragraph, emptyLine, layoutTable, signatureBlock, formatDocumentDate, numberSign, BLANK_NUMBER, textGrid, documentHead, executorMark } from "./docx-kit";
import type { OrderDocument } from "./types";

// ── Order (приказ) ────────────────────────────────────────────────────────────────────────────

/** The director's order as a .docx: A4 portrait, Times New Roman 14 pt. */
export async function renderOrderDocx(order: OrderDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const t = russianIn("orderDocx");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;

  const children: (Paragraph | Table)[] = [
    ...documentHead(t("heading"), order, width),
    // Title to the text.
    paragraph([{ text: order.title, bold: true }], { indent: { right: Math.round(width * 0.3) }, spacing: { after: 240 } }),
    // Text: preamble (legal basis), «ПРИКАЗЫВАЮ:», numbered items.
    paragraph([order.preamble.trim()], body),
    paragraph([t("command")], { spacing: { before: 120, after: 120 } }),
    ...order.items.map((item, i) => paragraph([`${i + 1}. ${item.trim()}`], body)),
  ];

  // Attachment mark; an attachment already worded «Приложение…» is printed as given (the pattern recognises input).
  if (order.attachment) {
    const attachment = order.attachment.trim();
    const text = /^приложени/i.test(attachment) ? attachment : t("attachment", { attachment });
    children.push(emptyLine(), paragraph([text], { alignment: AlignmentType.JUSTIFIED }));
  }

  // Signature, then the executor mark at the bottom of the order's last page.
  children.push(emptyLine(), emptyLine(), signatureBlock(order.signatory, width), ...executorMark(order.executor, width));

  // Appendix table on a page of its own, naming the order it belongs to (ГОСТ Р 7.0.97: отметка о приложении).
  if (order.appendix) {
    const a = order.appendix;
    children.push(
      paragraph([t("appendixMark", { date: formatDocumentDate(order.date), number: numberSign(order.number?.trim() || BLANK_NUMBER) })], { pageBreakBefore: true, alignment: AlignmentType.RIGHT }),
      paragraph([{ text: a.title, bold: true }], { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } }),
      textGrid(a, width),
    );
  }

  // Acquaintance list, on a page of its own (naming the order it belongs to): name, signature line,
  // date line per person.
  if (order.acquainted.length > 0) {
    children.push(
      paragraph(
        [t("acquaintanceTitle", { date: formatDocumentDate(order.date), number: numberSign(order.number?.trim() || BLANK_NUMBER), title: order.title })],
        { pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { after: 240 } },
        SMALL_PT + 2,
      ),
      paragraph([{ text: t("acquainted") }], { spacing: { after: 240 } }),
      layoutTable(
        order.acquainted.map((name) => [
          [paragraph([name])],
          [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })],
          [paragraph([BLANK_APPROVAL_DATE], { alignment: AlignmentType.RIGHT })],
        ]),
        [45, 25, 30],
        width,
        mm(4),
      ),
    );
  }
  // Word wants a paragraph after a table at the end of the body.
  if (children.at(-1) instanceof Table) children.push(emptyLine());

  const title = order.number ? t("fileTitleNumbered", { number: order.number, title: order.title }) : t("fileTitle", { title: order.title });
  return pack(
    { title, subject: t("subject") },
    { properties: pageSetup("portrait"), children },
  );
}
