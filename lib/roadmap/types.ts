import type roadmapMessages from "../i18n/messages/ru.import.json";

/** A remark of the parser: its message key under roadmapWarnings (lib/i18n/messages/*.import.json) and values. */
export type RoadmapWarning = { key: keyof (typeof roadmapMessages)["roadmapWarnings"]; values?: Record<string, string | number> };
export const warning = (key: RoadmapWarning["key"], values?: RoadmapWarning["values"]): RoadmapWarning => (values ? { key, values } : { key });

// The shape a roadmap is read into (import preview, `npm run roadmap:parse`).

import type { PdfRefusal } from "./read-pdf";

export type ParsedActivity = {
  /** The activity as written (first sentence/line of the "мероприятие" cell, trimmed). */
  title: string;
  /** Due period exactly as written, whitespace-normalised: "Сентябрь 2021", "сентябрь -октябрь", "ежегодно", "постоянно", "до 15.09.2022г., далее ежегодно". Empty when absent. */
  due: string;
  /** Responsible as written: "Козлова Ю.С., учитель обществознания", "Педагог-психолог". Empty when absent. */
  responsible: string;
  /** Expected result as written; empty when the document has no result column or the cell is empty. */
  result: string;
};

export type ParsedStage = {
  /** The section's number in the document (1, 2, …); its ordinal when the document does not number it. */
  number: number;
  /** The section heading as written, without its number ("Формирование базы наставляемых"). */
  title: string;
  /**
   * Which of the seven stages of the target model (docs/domain.md) the section corresponds to, 1–7, or null
   * when it is none of them (e.g. «Информационная поддержка», which runs through all stages, or the
   * sections of a municipal roadmap such as «Организационные мероприятия»).
   */
  stage: number | null;
  activities: ParsedActivity[];
};

export type ParsedRoadmap = {
  stages: ParsedStage[];
  /** What the parser was unsure of (shown in the import preview), as message keys: roadmapWarnings.* */
  warnings: RoadmapWarning[];
  /** Set when the file was refused before reading (a scan without text, a PDF over the page limit): the message key (errors.*) and its values. */
  refusal?: PdfRefusal;
};
