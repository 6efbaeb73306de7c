// The personalized program of a pair or group as a .docx.
import "server-only";
import { AlignmentType, Paragraph, Table } from "docx";
import { russianIn } from "../i18n/russian";
import { TABLE_PT, mm, PARAGRAPH_INDENT, textWidth, pageSetup, pack, BLANK_APPROVAL_DATE, SIGNATURE_LINE, formatDocumentDate, paragraph, emptyLine, layoutTable, organizationName, fieldTable, numberSign, textGrid } from "./docx-kit";

// ── Personalized program of a pair or group (персонализированная программа наставничества) ─────

export type PersonalProgramDocument = {
  organizationName: string;
  /** Reference data under the name (address, ИНН, ОГРН…), from the organization's profile. */
  requisites?: string[] | null;
  place?: string | null;
  mentor: { name: string; details: string | null };
  mentees: { name: string; details: string | null }[];
  /** Role form and type of mentoring, in words («Учитель – учитель», «Традиционное (один на один)»). */
  form: string;
  type: string;
  /** The director's order securing the pair, when there is one. */
  order?: { number: string; date: Date } | null;
  startsOn: Date;
  endsOn: Date;
  direction: string;
  goals: string;
  /** Задачи. */
  tasks?: string | null;
  /** Форма работы in words («Очно», «Дистанционно», «Смешанно»). */
  workingMode?: string | null;
  /** The mentees' difficulties the program addresses, in words. */
  difficulties: string[];
  items: { title: string; dueOn: Date; status: string; result: string | null }[];
  /** График встреч: the planned meetings, with the day each was held. */
  meetings?: { plannedOn: Date; kind: string; topic: string; heldOn: Date | null }[];
  intermediateResults?: string | null;
  /** Итоговые (ожидаемые) результаты. */
  expectedResults: string;
  achievedResults: string | null;
  /** The curator's approval in force: printed in the «СОГЛАСОВАНО» mark (blank lines otherwise). */
  approval?: { by: string | null; on: Date } | null;
  /** «И.О. Фамилия» under the signature lines; the curator agrees the program («СОГЛАСОВАНО»). */
  signatures: { mentor: string; mentees: string[]; curator: string | null };
};

/** A plan or schedule table: the first and third columns (number, date) centred. */
function personalProgramGrid(header: string[], weights: number[], rows: string[][], width: number): Table {
  return textGrid({ header, weights, rows }, width, { centerHeader: true, center: (_, i) => i === 0 || i === 2 });
}

/**
 * The personalized program of a pair or group as a .docx (A4 portrait, Times New Roman 14 pt, tables
 * 12 pt): organization name, title, general data (mentor, mentees, form, type, period, direction),
 * working mode, goal and tasks, the difficulties addressed, the plan (№, мероприятие, срок, статус,
 * результат), the meeting schedule (planned and held), intermediate, final (expected) and achieved
 * results, signature lines of the mentor and the mentee(s), and the curator's «СОГЛАСОВАНО» (with who
 * and when while the approval holds).
 */
export async function renderPersonalProgramDocx(doc: PersonalProgramDocument): Promise<Buffer> {
  const width = textWidth("portrait");
  const body = { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: PARAGRAPH_INDENT } } as const;
  const heading = (text: string) => paragraph([{ text, bold: true }], { keepNext: true, spacing: { before: 240, after: 120 } });
  const text = (value: string | null | undefined) => {
    const lines = (value ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.length ? lines.map((line) => paragraph([line], body)) : [paragraph([SIGNATURE_LINE.repeat(4)])];
  };
  const person = (p: { name: string; details: string | null }) => (p.details ? `${p.name}, ${p.details}` : p.name);
  const t = russianIn("personalProgramDocx");
  const period = t("period", { from: formatDocumentDate(doc.startsOn), to: formatDocumentDate(doc.endsOn) });
  const group = doc.mentees.length > 1 ? "yes" : "no";
  const menteeLabel = t("mentee", { group });

  const children: (Paragraph | Table)[] = [
    ...organizationName(doc.organizationName, doc.requisites),
    emptyLine(),
    paragraph([{ text: t("title"), bold: true }], { alignment: AlignmentType.CENTER }),
    paragraph([t("forPeriod", { period })], { alignment: AlignmentType.CENTER }),
    ...(doc.order
      ? [paragraph([t("securedByOrder", { date: formatDocumentDate(doc.order.date), number: numberSign(doc.order.number) })], { alignment: AlignmentType.CENTER }, TABLE_PT)]
      : []),
    ...(doc.place ? [paragraph([doc.place], { alignment: AlignmentType.CENTER, spacing: { before: 120 } })] : []),

    heading(t("generalHeading")),
    fieldTable(
      [
        [t("mentor"), person(doc.mentor)],
        [menteeLabel, doc.mentees.map(person).join("\n") || "—"],
        [t("form"), doc.form],
        [t("type"), doc.type],
        [t("term"), period],
        [t("workingMode"), doc.workingMode ?? "—"],
        [t("direction"), doc.direction],
      ],
      width,
    ),

    heading(t("goalsHeading")),
    paragraph([{ text: t("goal"), bold: true }], { keepNext: true }),
    ...text(doc.goals),
    paragraph([{ text: t("tasks"), bold: true }], { keepNext: true }),
    ...text(doc.tasks),

    heading(t("difficultiesHeading", { group })),
    ...(doc.difficulties.length
      ? doc.difficulties.map((d, i) => paragraph([`${i + 1}) ${d}${i === doc.difficulties.length - 1 ? "." : ";"}`], { indent: { firstLine: PARAGRAPH_INDENT } }))
      : [paragraph(["—"])]),

    heading(t("planHeading")),
    doc.items.length
      ? personalProgramGrid(
          [t("number"), t("activity"), t("due"), t("status"), t("result")],
          [9, 56, 24, 30, 41],
          doc.items.map((item, i) => [String(i + 1), item.title, formatDocumentDate(item.dueOn), item.status, item.result ?? ""]),
          width,
        )
      : paragraph([t("noActivities")]),

    heading(t("meetingsHeading")),
    doc.meetings?.length
      ? personalProgramGrid(
          [t("number"), t("date"), t("meetingKind"), t("topic"), t("held")],
          [9, 24, 40, 57, 30],
          doc.meetings.map((m, i) => [String(i + 1), formatDocumentDate(m.plannedOn), m.kind, m.topic, m.heldOn ? formatDocumentDate(m.heldOn) : ""]),
          width,
        )
      : paragraph([t("noMeetings")]),

    heading(t("intermediateHeading")),
    ...text(doc.intermediateResults),

    heading(t("expectedHeading")),
    ...text(doc.expectedResults),

    heading(t("achievedHeading")),
    ...text(doc.achievedResults),

    emptyLine(),
    emptyLine(),
    // Signatures of the participants: role, line for the signature, initials and surname.
    layoutTable(
      [
        [[paragraph([t("mentor")])], [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })], [paragraph([doc.signatures.mentor], { alignment: AlignmentType.RIGHT })]],
        ...doc.signatures.mentees.map((name, i) => [
          [paragraph([i === 0 ? menteeLabel : ""])],
          [paragraph([SIGNATURE_LINE], { alignment: AlignmentType.CENTER })],
          [paragraph([name], { alignment: AlignmentType.RIGHT })],
        ]),
      ],
      [35, 35, 30],
      width,
      mm(6),
    ),
    emptyLine(),
    emptyLine(),
    // Approval mark (гриф согласования): below the signatures, at the left margin.
    ...[
      t("approved"),
      t("curator"),
      `${SIGNATURE_LINE} ${doc.approval?.by ?? doc.signatures.curator ?? ""}`.trimEnd(),
      doc.approval ? formatDocumentDate(doc.approval.on) : BLANK_APPROVAL_DATE,
    ].map((line, i) => paragraph([line], { keepNext: i < 3, keepLines: true, spacing: { before: i === 2 ? 360 : 0 } })),
  ];

  const names = [doc.signatures.mentor, ...doc.signatures.mentees].join(", ");
  return pack(
    { title: t("fileTitle", { names }), subject: t("title") },
    { properties: pageSetup("portrait"), children },
  );
}
