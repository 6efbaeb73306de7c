// A local act whose text is paragraphs — the Положение о наставничестве — as a .docx (issue #15): the
// author's name and requisites, the agreement chain (СОГЛАСОВАНО / ПРИНЯТО / УТВЕРЖДЕНО) side by side,
// the document kind and its title, the text with its section headings, the executor mark.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import { TABLE_PT, BLANK_NUMBER, PARAGRAPH_INDENT, emptyLine, executorMark, formatDocumentDate, layoutTable, numberSign, organizationName, pack, pageSetup, paragraph, textWidth } from "./docx-kit";
import type { AgreementChain, AgreementStep, RegulationDocument } from "./types";
import { russianIn } from "../i18n/russian";

const say = russianIn("docxKit");

const protocolLine = (step: AgreementStep) => say("regulation.protocol", { date: formatDocumentDate(step.date), number: numberSign(step.protocol?.trim() || BLANK_NUMBER) });

/** The lines of each block of the chain, in order: СОГЛАСОВАНО, ПРИНЯТО, УТВЕРЖДЕНО. */
export function agreementBlocks(chain: AgreementChain): string[][] {
  const blocks: string[][] = [];
  if (chain.agreed) blocks.push([say("regulation.agreed"), chain.agreed.body, protocolLine(chain.agreed)]);
  if (chain.adopted) blocks.push([say("regulation.adopted"), chain.adopted.body, protocolLine(chain.adopted)]);
  blocks.push([say("regulation.approved"), chain.approved.by, say("regulation.approvedOn", { date: formatDocumentDate(chain.approved.date), number: numberSign(chain.approved.number?.trim() || BLANK_NUMBER) })]);
  return blocks;
}

/** The chain as an invisible table: one column per block, УТВЕРЖДЕНО at the right margin. */
export function agreementChainTable(chain: AgreementChain, width: number): Table {
  const blocks = agreementBlocks(chain);
  const cells = blocks.map((lines) => lines.map((line, j) => paragraph([{ text: line, bold: j === 0 }], {}, TABLE_PT)));
  // УТВЕРЖДЕНО alone stands in the right half.
  if (cells.length === 1) cells.unshift([emptyLine(TABLE_PT)]);
  return layoutTable([cells], cells.map(() => 1), width);
}

/** The Положение (or another textual local act) as a .docx: A4 portrait, Times New Roman 14 pt. */
export async function renderRegulationDocx(doc: RegulationDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;
  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    agreementChainTable(doc.chain, width),
    emptyLine(),
    paragraph([{ text: doc.kind, bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([{ text: doc.title, bold: true }], { alignment: AlignmentType.CENTER, spacing: { after: 120 } }),
    ...(doc.place ? [paragraph([doc.place], { alignment: AlignmentType.CENTER, spacing: { after: 240 } })] : [emptyLine()]),
    ...doc.paragraphs.map((p) =>
      p.heading
        ? paragraph([{ text: p.text, bold: true }], { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, keepNext: true })
        : paragraph([p.text], body),
    ),
    ...executorMark(doc.executor, width),
  ];
  return pack({ title: `${doc.kind[0]}${doc.kind.slice(1).toLowerCase()} ${doc.title}`, subject: say("regulation.subject") }, { properties: pageSetup("portrait"), children });
}
